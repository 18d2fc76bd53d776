package io.wopihost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.Host;
import io.wopihost.server.config.SettingsLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wopihost open-url}: a launch link for the host page. */
class OpenUrlCommandTest {

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  @Test
  void openUrl_edit_printsALaunchLinkForTheFileAndUser() throws Exception {
    String id = importFile();
    Instant before = Instant.now();

    Run run = run("open-url", "--file", id, "--user", "carol", "--action", "edit",
        "--data-dir", data(), "--public-url", "https://files.example.test");

    assertThat(run.exitCode()).as(run.err()).isZero();
    URI link = URI.create(run.out().strip());
    assertThat(link.getScheme() + "://" + link.getHost() + link.getPath())
        .isEqualTo("https://files.example.test/open/" + id);
    assertThat(link.getRawQuery()).startsWith("action=edit&launch=");
    AccessToken grant = verify(link);
    assertThat(grant.scope()).isEqualTo(new Scope(Scope.Kind.HOST_PAGE, id));
    assertThat(grant.userId()).isEqualTo("carol");
    assertThat(grant.can(Permission.WRITE)).isTrue();
    assertThat(grant.expiresAt())
        .isBetween(before.plus(Duration.ofMinutes(5)).minusSeconds(1),
            Instant.now().plus(Duration.ofMinutes(5)));
  }

  @Test
  void openUrl_readOnly_grantsReadingOnly() throws Exception {
    String id = importFile();

    Run run = run("open-url", "--file", id, "--user", "carol", "--read-only", "--data-dir", data());

    assertThat(verify(URI.create(run.out().strip())).permissions())
        .containsExactly(Permission.READ);
  }

  @Test
  void openUrl_unknownFileOrAction_failsSayingWhy() throws Exception {
    String id = importFile();

    Run missing = run("open-url", "--file", "nope", "--user", "carol", "--data-dir", data());
    Run badAction =
        run("open-url", "--file", id, "--user", "carol", "--action", "print", "--data-dir", data());

    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("no file with id 'nope'");
    assertThat(badAction.exitCode()).isNotZero();
    assertThat(badAction.err()).contains("use view or edit");
    assertThat(missing.out() + badAction.out()).isEmpty();
  }

  private String importFile() throws Exception {
    Path file = Files.write(dir.resolve("a.docx"), new byte[] {1, 2, 3});
    Run run = run("import", file.toString(), "--data-dir", data());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().strip();
  }

  private AccessToken verify(URI link) throws Exception {
    String launch = link.getRawQuery().replaceFirst(".*launch=", "");
    try (Host host =
        Host.open(
            SettingsLoader.load(Optional.empty(), Map.of(), Map.of("data-dir", data())),
            Clock.systemUTC())) {
      return host.tokens().verify(URLDecoder.decode(launch, StandardCharsets.UTF_8)).orElseThrow();
    }
  }

  private String data() {
    return dir.resolve("data").toString();
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
