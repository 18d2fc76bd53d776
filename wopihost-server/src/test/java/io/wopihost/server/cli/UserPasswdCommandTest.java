package io.wopihost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

class UserPasswdCommandTest {

  @TempDir Path dir;

  @Test
  void addAdminThenPasswd_changesThePassword_andUnknownUserFails() throws Exception {
    Path first = Files.writeString(dir.resolve("first"), "first-password\n");
    Path second = Files.writeString(dir.resolve("second"), "second-password\n");
    String data = dir.resolve("data").toString();

    assertThat(run("user", "add", "erin", "--admin", "--password-file", first.toString(),
        "--data-dir", data)).isZero();
    assertThat(run("user", "passwd", "erin", "--password-file", second.toString(),
        "--data-dir", data)).isZero();
    assertThat(run("user", "passwd", "nobody", "--password-file", second.toString(),
        "--data-dir", data)).isNotZero();

    var settings = SettingsLoader.load(Optional.empty(), Map.of(), Map.of("data-dir", data));
    try (Host host = Host.open(settings, Clock.systemUTC())) {
      assertThat(host.users().isAdmin("erin")).isTrue();
      assertThat(host.users().authenticate("erin", "second-password".toCharArray())).isPresent();
      assertThat(host.users().authenticate("erin", "first-password".toCharArray())).isEmpty();
    }
  }

  private static int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
