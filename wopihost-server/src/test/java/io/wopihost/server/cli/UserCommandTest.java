package io.wopihost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.server.Host;
import io.wopihost.server.config.SettingsLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code user add|list}, run in-process on a data dir. */
class UserCommandTest {

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  @Test
  void userAdd_withPasswordFile_storesAUserWhoCanSignIn() throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "s3cret pass\nignored second line\n");

    Run added = run("user", "add", "alice", "--name", "Alice Adams", "--password-file",
        password.toString());
    Run listed = run("user", "list");

    assertThat(added.exitCode()).isZero();
    assertThat(added.out()).isEqualTo("added user alice\n");
    assertThat(listed.out()).isEqualTo("alice\tAlice Adams\n");
    try (Host host = Host.open(SettingsLoader.load(Optional.empty(), Map.of(),
        Map.of("data-dir", data(), "demo-files", "false")), Clock.systemUTC())) {
      assertThat(host.users().authenticate("alice", "s3cret pass".toCharArray()))
          .contains(new User("alice", "Alice Adams"));
      assertThat(host.users().authenticate("alice", "ignored second line".toCharArray())).isEmpty();
    }
  }

  @Test
  void userAdd_takenOrInvalidIdOrNoPassword_failsWithAUsageError() throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "pw\n");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    run("user", "add", "bob", "--password-file", password.toString());

    Run taken = run("user", "add", "bob", "--password-file", password.toString());
    Run invalid = run("user", "add", "bob smith", "--password-file", password.toString());
    Run emptyPassword = run("user", "add", "carol", "--password-file", empty.toString());

    assertThat(taken.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(taken.err()).contains("already a user 'bob'");
    assertThat(invalid.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(emptyPassword.exitCode()).isEqualTo(ErrorReporter.USAGE_ERROR);
    assertThat(run("user", "list").out()).isEqualTo("bob\tbob\n");
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private Run run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(all), out.toString(), err.toString());
  }
}
