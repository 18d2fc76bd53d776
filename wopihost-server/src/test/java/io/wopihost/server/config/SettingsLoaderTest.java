package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.server.config.Settings.BlobSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where settings come from, their defaults, and what an unusable value is told. */
class SettingsLoaderTest {

  private static final String SECRET_32 = "0123456789abcdefghijklmnopqrstuv";

  @TempDir Path dir;

  @Test
  void load_noConfigurationAtAll_usesTheEmbeddedDefault() {
    Settings settings = SettingsLoader.load(Optional.empty(), Map.of(), Map.of());

    Path data = Path.of("./data");
    assertThat(settings.port()).isEqualTo(8880);
    assertThat(settings.dataDir()).isEqualTo(data);
    assertThat(settings.database().url()).isEqualTo("jdbc:sqlite:" + data.resolve("wopihost.db"));
    assertThat(settings.database().user()).isEmpty();
    assertThat(settings.database().password()).isEmpty();
    assertThat(settings.blobs()).isEqualTo(new BlobSettings.FileSystem(data.resolve("blobs")));
    assertThat(settings.tokenTtl()).isEqualTo(Duration.ofHours(10));
    assertThat(settings.maxFileSize()).isEqualTo(4L << 30);
    assertThat(settings.publicUrl()).isEmpty();
    assertThat(settings.publicBaseUrl(8880)).hasToString("http://localhost:8880");
    assertThat(settings.tokenSecret()).isEmpty();
    assertThat(settings.signingSecretFile()).isEqualTo(data.resolve("signing-secret"));
  }

  @Test
  void load_dataDirOnly_putsDatabaseAndBlobsUnderIt() {
    Settings settings = load(Map.of("data-dir", dir.toString()));

    assertThat(settings.database().url()).isEqualTo("jdbc:sqlite:" + dir.resolve("wopihost.db"));
    assertThat(settings.blobs()).isEqualTo(new BlobSettings.FileSystem(dir.resolve("blobs")));
  }

  @Test
  void load_keySetInFileEnvAndFlag_flagWinsOverEnvWhichWinsOverFile() throws Exception {
    Path file =
        config("port=1111\ntoken-ttl=1h\nmax-file-size=1MB\n", "wopihost.properties");
    Map<String, String> env = Map.of("WOPIHOST_PORT", "2222", "WOPIHOST_TOKEN_TTL", "2h");

    Settings settings = SettingsLoader.load(Optional.of(file), env, Map.of("port", "3333"));

    assertThat(settings.port()).isEqualTo(3333);
    assertThat(settings.tokenTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.maxFileSize()).isEqualTo(1_000_000);
  }

  @Test
  void load_configFileFromEnvironment_isReadUnlessAFileIsGiven() throws Exception {
    Path fromEnv = config("port=1111\n", "env.properties");
    Path given = config("port=2222\n", "given.properties");
    Map<String, String> env = Map.of("WOPIHOST_CONFIG", fromEnv.toString());

    assertThat(SettingsLoader.load(Optional.empty(), env, Map.of()).port()).isEqualTo(1111);
    assertThat(SettingsLoader.load(Optional.of(given), env, Map.of()).port()).isEqualTo(2222);
  }

  @Test
  void envName_dashedKey_isUpperCaseWithUnderscores() {
    assertThat(SettingsLoader.envName("db-password-file")).isEqualTo("WOPIHOST_DB_PASSWORD_FILE");
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          port             | abc                            | use a port number from 1 to 65535
          port             | 70000                          | use a port number from 1 to 65535
          public-url       | ftp://x                        | use an absolute http(s) URL
          public-url       | not a url                      | use an absolute http(s) URL
          public-url       | https://files.example.com/?a=b | URL without query
          db-url           | mysql://db.example/wopihost    | use a jdbc:sqlite:FILE or
          db-url           | jdbc:mysql://db.example/w      | use a jdbc:sqlite:FILE or
          max-file-size    | -1                             | expected a size such as
          max-file-size    | lots                           | expected a size such as
          max-file-size    | 0                              | the size must be larger than 0
          token-ttl        | forever                        | expected a duration such as 10h
          token-ttl        | 0s                             | the duration must be longer than 0
          db-migrate       | maybe                          | use true or false
          demo-files       | maybe                          | use true or false
          blob-gc-on-start | maybe                          | use true or false
          host-page-frame-src | https://a.example; script-src * | is not an origin
          host-page-frame-src | https://a.example/path       | is not an origin
          """)
  void load_invalidFlag_namesTheKeyItsValueTheFlagAndTheFix(String key, String value, String fix) {
    assertThatThrownBy(() -> load(Map.of(key, value)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(key + " = '" + value + "' (from --" + key + ") is not valid: ")
        .hasMessageContaining(fix);
  }

  @Test
  void load_invalidValueInFile_namesTheFile() throws Exception {
    Path file = config("token-ttl=forever\n", "wopihost.properties");

    assertThatThrownBy(() -> SettingsLoader.load(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("token-ttl = 'forever' (from " + file + ") is not valid")
        .hasMessageContaining("such as 10h");
  }

  @Test
  void load_invalidValueInEnvironment_namesTheVariable() {
    assertThatThrownBy(
            () -> SettingsLoader.load(Optional.empty(), Map.of("WOPIHOST_PORT", "abc"), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("port = 'abc' (from WOPIHOST_PORT) is not valid")
        .hasMessageContaining("use a port number");
  }

  @Test
  void load_unknownKeyInFile_namesTheKeyTheFileAndTheValidKeys() throws Exception {
    Path file = config("prot=8080\n", "wopihost.properties");

    assertThatThrownBy(() -> SettingsLoader.load(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown key 'prot'")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("port, public-url")
        .hasMessageContaining("wopihost.example.properties");
  }

  @Test
  void load_missingConfigFile_namesItAndSaysWhereThePathWasGiven() {
    Path missing = dir.resolve("missing.properties");

    assertThatThrownBy(() -> SettingsLoader.load(Optional.of(missing), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("cannot read the configuration file " + missing + " (no such file)")
        .hasMessageContaining("--config or WOPIHOST_CONFIG");
  }

  @Test
  void load_configFileIsADirectory_isUnreadable() {
    assertThatThrownBy(() -> SettingsLoader.load(Optional.of(dir), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("cannot read the configuration file " + dir)
        .hasMessageContaining("--config or WOPIHOST_CONFIG");
  }

  @Test
  void load_configFileWithBrokenEscape_saysItIsNotAPropertiesFile() throws Exception {
    Path file = config("port=\\u12\n", "wopihost.properties");

    assertThatThrownBy(() -> SettingsLoader.load(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(file + " is not a valid properties file");
  }

  @Test
  void load_tokenSecretShorterThan32_saysHowToGenerateOneWithoutShowingIt() {
    String secret = "only-thirty-one-characters-long";

    assertThatThrownBy(() -> load(Map.of("token-secret", secret)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("token-secret = '****' (from --token-secret)")
        .hasMessageContaining("at least 32 characters")
        .hasMessageContaining("head -c 48 /dev/urandom | base64")
        .hasMessageNotContaining(secret);
  }

  @Test
  void load_tokenSecretFileWithShortSecret_namesTheFileKeyWithoutShowingTheSecret()
      throws Exception {
    String secret = "too-short-for-a-signing-secret";
    Path file = Files.writeString(dir.resolve("token-secret"), secret + "\n");
    Path config = config("token-secret-file=" + file + "\n", "wopihost.properties");

    assertThatThrownBy(() -> SettingsLoader.load(Optional.of(config), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("token-secret-file = '" + file + "' (from " + config + ")")
        .hasMessageContaining("at least 32 characters")
        .hasMessageNotContaining(secret);
  }

  @Test
  void load_tokenSecretAndTokenSecretFile_asksForOneWithoutShowingTheSecret() throws Exception {
    Path file = Files.writeString(dir.resolve("token-secret"), SECRET_32);

    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Optional.empty(),
                    Map.of("WOPIHOST_TOKEN_SECRET", SECRET_32),
                    Map.of("token-secret-file", file.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("token-secret-file")
        .hasMessageContaining("(from --token-secret-file)")
        .hasMessageContaining("set either token-secret or token-secret-file, not both")
        .hasMessageNotContaining(SECRET_32);
  }

  @Test
  void load_missingTokenSecretFile_namesThePathAndSaysToCheckIt() {
    Path missing = dir.resolve("no-such-secret");

    assertThatThrownBy(() -> load(Map.of("token-secret-file", missing.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(
            "token-secret-file = '" + missing + "' (from --token-secret-file) is not valid")
        .hasMessageContaining("the file cannot be read (no such file)")
        .hasMessageContaining("check that it exists and is readable");
  }

  @Test
  void load_tokenSecretFileOfRawBytes_saysItIsNotText() throws Exception {
    byte[] raw = new byte[48];
    raw[0] = (byte) 0xff;
    Path file = Files.write(dir.resolve("token-secret"), raw);

    assertThatThrownBy(() -> load(Map.of("token-secret-file", file.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("token-secret-file = '" + file + "'")
        .hasMessageContaining("the file cannot be read (it is not UTF-8 text)");
  }

  @Test
  void load_webhookSecretFileWithShortSecret_namesTheFileKey() throws Exception {
    Path file = Files.writeString(dir.resolve("hook-secret"), "short-hook\n");

    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "webhook-urls", "https://hooks.example.com/in",
                        "webhook-secret-file", file.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("webhook-secret-file = '" + file + "'")
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short-hook");
  }

  @Test
  void load_secretsSet_areUsableButNeverPrinted() {
    String dbPassword = "db-pa55word-that-must-not-print";
    String hookSecret = "hook-secret-that-must-not-print";

    Settings settings =
        SettingsLoader.load(
            Optional.empty(),
            Map.of("WOPIHOST_TOKEN_SECRET", SECRET_32, "WOPIHOST_DB_PASSWORD", dbPassword),
            Map.of(
                "data-dir", dir.toString(),
                "webhook-urls", "https://hooks.example.com/in",
                "webhook-secret", hookSecret));

    assertThat(settings.tokenSecret().orElseThrow().text()).isEqualTo(SECRET_32);
    assertThat(settings.database().password().orElseThrow().text()).isEqualTo(dbPassword);
    assertThat(settings.operations().webhooks().secret().orElseThrow().text())
        .isEqualTo(hookSecret);
    assertThat(settings.toString())
        .contains("Secret[****]")
        .doesNotContain(SECRET_32, dbPassword, hookSecret);
  }

  @Test
  void load_dbPasswordFile_readsThePasswordWithoutTheLineBreak() throws Exception {
    Path file = Files.writeString(dir.resolve("db-password"), "s3cret-pw\n");

    Settings settings =
        load(
            Map.of(
                "db-url", "jdbc:postgresql://db.example/wopihost",
                "db-user", "wopihost",
                "db-password-file", file.toString()));

    assertThat(settings.database().url()).isEqualTo("jdbc:postgresql://db.example/wopihost");
    assertThat(settings.database().user()).contains("wopihost");
    assertThat(settings.database().password().orElseThrow().text()).isEqualTo("s3cret-pw");
    assertThat(settings.toString()).doesNotContain("s3cret-pw");
  }

  @Test
  void load_dbPasswordAndDbPasswordFile_asksForOne() throws Exception {
    Path file = Files.writeString(dir.resolve("db-password"), "s3cret-pw\n");

    assertThatThrownBy(
            () -> load(Map.of("db-password", "other-pw", "db-password-file", file.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("set either db-password or db-password-file, not both")
        .hasMessageNotContaining("other-pw")
        .hasMessageNotContaining("s3cret-pw");
  }

  @Test
  void load_publicUrlWithPath_isKeptAsTheBase() {
    Settings settings = load(Map.of("public-url", "https://files.example.com/wopihost"));

    assertThat(settings.publicBaseUrl(1234)).hasToString("https://files.example.com/wopihost");
  }

  private Settings load(Map<String, String> overrides) {
    return SettingsLoader.load(Optional.empty(), Map.of(), overrides);
  }

  private Path config(String text, String name) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
