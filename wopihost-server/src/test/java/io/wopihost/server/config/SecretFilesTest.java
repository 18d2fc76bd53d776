package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.server.SelfSignedKeystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every secret setting can be read from a file, {@code KEY-file} (issue 8): the same setting as
 * the value given directly, its line break dropped; a file that cannot be read stops start-up
 * naming the key and the path; the value never prints. The keys come from {@link
 * SettingsLoader#DEFAULTS}, so a new secret is covered as soon as it exists.
 */
class SecretFilesTest {

  /** Keys whose names mention a secret or a password but that hold neither. */
  private static final List<String> NOT_SECRETS =
      List.of("password-hash-cost", "token-secret-previous-until");

  @TempDir Path dir;

  static Stream<String> secretKeys() {
    return SettingsLoader.DEFAULTS.keySet().stream().filter(SettingsLoader::isSecret).sorted();
  }

  @Test
  void everyKeyNamingASecretOrPassword_canBeReadFromAFile() {
    assertThat(SettingsLoader.DEFAULTS.keySet().stream()
            .filter(k -> k.contains("secret") || k.contains("password"))
            .filter(k -> !k.endsWith("-file") && !NOT_SECRETS.contains(k)))
        .allSatisfy(key -> assertThat(SettingsLoader.isSecret(key)).as(key).isTrue());
    assertThat(secretKeys()).contains("token-secret", "token-secret-previous", "db-password",
        "s3-secret-key", "webhook-secret", "oauth-client-secret", "tls-keystore-password");
  }

  @ParameterizedTest
  @MethodSource("secretKeys")
  void secret_fromItsFile_isTheValueWithoutTheLineBreak_andNeverPrints(String key)
      throws Exception {
    String value = "the-" + key + "-0123456789abcdefghijklmnop";
    Map<String, String> base = prerequisites(key, value);
    Path file = Files.writeString(dir.resolve(key), value + "\n");

    Settings direct = load(base, key, value);
    Settings fromFile = load(base, key + "-file", file.toString());

    assertThat(fromFile).isEqualTo(direct);
    assertThat(fromFile.toString()).doesNotContain(value);
    Path changed = Files.writeString(dir.resolve(key + "-changed"), value + "-changed\n");
    assertThat(loadOrEmpty(base, key + "-file", changed.toString())).isNotEqualTo(Optional.of(direct));
  }

  @ParameterizedTest
  @MethodSource("secretKeys")
  void secretFile_missing_stopsStartUpNamingTheKeyAndThePath(String key) throws Exception {
    Path missing = dir.resolve("no-such-" + key);

    assertThatThrownBy(() -> load(prerequisites(key, "unused"), key + "-file", missing.toString()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(key + "-file = '" + missing + "'")
        .hasMessageContaining("the file cannot be read (no such file)");
  }

  /** What each secret needs beside it to be accepted. */
  private Map<String, String> prerequisites(String key, String value) throws Exception {
    Map<String, String> settings = new HashMap<>(Map.of("data-dir", dir.toString()));
    switch (key) {
      case "s3-secret-key" -> settings.putAll(
          Map.of("blob-store", "s3", "s3-bucket", "b", "s3-access-key", "a"));
      case "webhook-secret" -> settings.put("webhook-urls", "https://hooks.example.com/in");
      case "token-secret-previous" ->
          settings.put("token-secret-previous-until", "2026-07-01T12:00:00Z");
      case "tls-keystore-password" -> settings.put("tls-keystore",
          SelfSignedKeystore.create(dir.resolve("server.p12"), value).toString());
      default -> { }
    }
    return settings;
  }

  private static Settings load(Map<String, String> base, String key, String value) {
    var overrides = new HashMap<>(base);
    overrides.put(key, value);
    return SettingsLoader.load(Optional.empty(), Map.of(), overrides);
  }

  /** The settings, or empty when the value is refused (a keystore's wrong password). */
  private static Optional<Settings> loadOrEmpty(
      Map<String, String> base, String key, String value) {
    try {
      return Optional.of(load(base, key, value));
    } catch (SettingsException refused) {
      return Optional.empty();
    }
  }
}
