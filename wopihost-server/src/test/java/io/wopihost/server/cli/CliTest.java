package io.wopihost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.DemoContent;
import io.wopihost.server.Host;
import io.wopihost.server.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code import} and {@code token} run in-process on a data dir, and the demo files that {@code
 * serve} imports on a data dir's first start. The commands use the wall clock, so expiries are
 * checked against the instants just before and after the command ran.
 */
class CliTest {

  /** The exit codes of sysexits.h that {@link ErrorReporter} returns. */
  private static final int EX_USAGE = 64;

  private static final int EX_CONFIG = 78;

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @Test
  void import_twoFiles_printsTheirIdsOnePerLine() throws Exception {
    Path a = Files.write(dir.resolve("a.docx"), new byte[] {1, 2, 3});
    Path b = Files.write(dir.resolve("b.xlsx"), new byte[] {4, 5});

    Run run = run("import", a.toString(), b.toString(), "--owner", "carol", "--data-dir", data());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.lines()).hasSize(2).doesNotHaveDuplicates();
    try (Host host = openHost()) {
      FileRecord first = host.catalog().findFile(run.lines().get(0)).orElseThrow();
      FileRecord second = host.catalog().findFile(run.lines().get(1)).orElseThrow();
      assertThat(first.name()).isEqualTo("a.docx");
      assertThat(first.size()).isEqualTo(3);
      assertThat(first.ownerId()).isEqualTo("carol");
      assertThat(second.name()).isEqualTo("b.xlsx");
      assertThat(second.size()).isEqualTo(2);
    }
  }

  @Test
  void import_missingPath_failsNamingItAndImportsNothing() throws Exception {
    Path present = Files.write(dir.resolve("a.docx"), new byte[] {1});
    Path missing = dir.resolve("missing.docx");

    Run run = run("import", present.toString(), missing.toString(), "--data-dir", data());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(missing + " is not a readable file");
    assertThat(Path.of(data())).doesNotExist();
  }

  @Test
  void token_forAnImportedFile_printsOneJsonObjectWithWopiSrcTokenAndExpiry() throws Exception {
    String id = importOne();

    Instant before = Instant.now();
    Run run = run("token", "--file", id, "--user", "bob", "--data-dir", data());
    Instant after = Instant.now();

    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).hasSize(1);
    Map<String, Object> json = parse(run);
    assertThat(json).containsOnlyKeys("wopiSrc", "accessToken", "accessTokenTtl");
    assertThat((String) json.get("wopiSrc")).endsWith("/wopi/files/" + id);
    assertThat((String) json.get("accessToken")).matches("[A-Za-z0-9_-]+");
    assertThat(((Number) json.get("accessTokenTtl")).longValue())
        .isBetween(
            before.plus(Duration.ofHours(10)).toEpochMilli(),
            after.plus(Duration.ofHours(10)).toEpochMilli());
    AccessToken grant = verify((String) json.get("accessToken")).orElseThrow();
    assertThat(grant.userId()).isEqualTo("bob");
    assertThat(grant.scope()).isEqualTo(Scope.file(id));
    assertThat(grant.permissions()).contains(Permission.READ, Permission.WRITE);
  }

  @Test
  void token_withPublicUrl_putsTheWopiSrcUnderIt() throws Exception {
    String id = importOne();

    Run run =
        run(
            "token", "--file", id, "--user", "bob", "--public-url", "https://files.example.com/",
            "--data-dir", data());

    assertThat(parse(run).get("wopiSrc")).isEqualTo("https://files.example.com/wopi/files/" + id);
  }

  @Test
  void token_readOnly_grantsReadButNotWrite() throws Exception {
    String id = importOne();

    Run run = run("token", "--file", id, "--user", "bob", "--read-only", "--data-dir", data());

    assertThat(run.exitCode()).isZero();
    AccessToken grant = verify((String) parse(run).get("accessToken")).orElseThrow();
    assertThat(grant.can(Permission.READ)).isTrue();
    assertThat(grant.can(Permission.WRITE)).isFalse();
  }

  @Test
  void token_ttlOption_setsTheExpiry() throws Exception {
    String id = importOne();

    Instant before = Instant.now();
    Run run = run("token", "--file", id, "--user", "bob", "--ttl", "30m", "--data-dir", data());
    Instant after = Instant.now();

    long expiry = ((Number) parse(run).get("accessTokenTtl")).longValue();
    assertThat(expiry)
        .isBetween(
            before.plus(Duration.ofMinutes(30)).toEpochMilli(),
            after.plus(Duration.ofMinutes(30)).toEpochMilli());
    assertThat(verify((String) parse(run).get("accessToken")).orElseThrow().expiresAt())
        .isEqualTo(Instant.ofEpochMilli(expiry));
  }

  @Test
  void token_ttlThatIsNotAPositiveDuration_failsNamingTheOption() throws Exception {
    String id = importOne();

    Run zero = run("token", "--file", id, "--user", "bob", "--ttl", "0s", "--data-dir", data());
    Run words = run("token", "--file", id, "--user", "bob", "--ttl", "ages", "--data-dir", data());

    for (Run run : List.of(zero, words)) {
      assertThat(run.exitCode()).isEqualTo(EX_USAGE);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains("--ttl").contains("such as 30m");
    }
  }

  @Test
  void token_unknownFileId_failsNamingTheId() throws Exception {
    importOne();

    Run run = run("token", "--file", "no-such-file", "--user", "bob", "--data-dir", data());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("there is no file with id 'no-such-file'");
  }

  @Test
  void token_badPortFlag_exitsWithTheConfigurationErrorCodeNamingPort() {
    Run run = run("token", "--file", "x", "--user", "bob", "--port", "abc", "--data-dir", data());

    assertThat(run.exitCode()).isEqualTo(EX_CONFIG);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("wopihost: configuration error: port = 'abc' (from --port) is not valid")
        .contains("use a port number");
    assertThat(Path.of(data())).doesNotExist();
  }

  @Test
  void token_missingRequiredOption_isAUsageError() {
    Run run = run("token", "--user", "bob", "--data-dir", data());

    assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(run.err()).contains("--file");
  }

  @Test
  void demoFiles_eachListedName_isAResource() {
    assertThat(DemoContent.FILES)
        .isNotEmpty()
        .allSatisfy(
            name -> assertThat(DemoContent.class.getResource("/demo/" + name)).isNotNull());
  }

  @Test
  void importOnFirstStart_freshDataDir_importsEveryDemoFileForTheDemoUser() throws Exception {
    try (Host host = openHost()) {
      List<FileRecord> imported = DemoContent.importOnFirstStart(host);

      assertThat(imported)
          .extracting(FileRecord::name)
          .containsExactlyElementsOf(DemoContent.FILES);
      assertThat(imported)
          .allSatisfy(
              file -> {
                assertThat(file.ownerId()).isEqualTo(DemoContent.DEMO_USER);
                assertThat(file.size()).isPositive();
              });
      assertThat(DemoContent.welcomeFile(host).map(FileRecord::id))
          .contains(imported.getFirst().id());
    }
  }

  @Test
  void importOnFirstStart_secondStartAfterADemoFileWasDeleted_importsNothing() throws Exception {
    FileRecord welcome;
    try (Host host = openHost()) {
      welcome = DemoContent.importOnFirstStart(host).getFirst();
      assertThat(host.catalog().deleteFile(welcome.id())).isPresent();
    }

    try (Host host = openHost()) {
      List<FileRecord> again = DemoContent.importOnFirstStart(host);

      assertThat(again).isEmpty();
      assertThat(DemoContent.welcomeFile(host)).isEmpty();
      assertThat(host.catalog().childFiles(welcome.containerId()))
          .extracting(FileRecord::name)
          .containsExactlyInAnyOrderElementsOf(
              DemoContent.FILES.subList(1, DemoContent.FILES.size()));
    }
  }

  @Test
  void importOnFirstStart_demoFilesOff_importsNothing() throws Exception {
    try (Host host = openHost(Map.of("demo-files", "false"))) {
      assertThat(DemoContent.importOnFirstStart(host)).isEmpty();
      assertThat(DemoContent.welcomeFile(host)).isEmpty();
    }
  }

  private String importOne() throws IOException {
    Path file = Files.write(dir.resolve("report.docx"), new byte[] {1, 2, 3});
    Run run = run("import", file.toString(), "--data-dir", data());
    assertThat(run.exitCode()).isZero();
    return run.out().strip();
  }

  private Optional<AccessToken> verify(String token) throws IOException {
    try (Host host = openHost()) {
      return host.tokens().verify(token);
    }
  }

  private Host openHost() throws IOException {
    return openHost(Map.of());
  }

  private Host openHost(Map<String, String> extra) throws IOException {
    Map<String, String> overrides = new HashMap<>(extra);
    overrides.put("data-dir", data());
    return Host.open(
        SettingsLoader.load(Optional.empty(), Map.of(), overrides), Clock.systemUTC());
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(Run run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readValue(run.out(), Map.class);
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
