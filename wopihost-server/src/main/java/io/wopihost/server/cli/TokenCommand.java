package io.wopihost.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.server.Host;
import io.wopihost.server.TokenMinter;
import io.wopihost.server.config.Quantities;
import io.wopihost.server.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wopihost token}: prints a WOPISrc and an access token for a file, as JSON. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Print {\"wopiSrc\", \"accessToken\", \"accessTokenTtl\"} for a file.")
final class TokenCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "ID", description = "The file id.")
  String fileId;

  @Option(names = "--user", required = true, paramLabel = "USER", description = "The user id.")
  String user;

  @Option(names = "--read-only", description = "A token that can only read.")
  boolean readOnly;

  @Option(names = "--ttl", paramLabel = "DURATION",
      description = "Lifetime such as 10h, 30m or PT1H (default: token-ttl).")
  String ttl;

  @Override
  public Integer call() throws Exception {
    var settings = config.load();
    Duration lifetime = lifetime(settings);
    try (Host host = Host.open(settings, Clock.systemUTC())) {
      var out = new TokenMinter(host).mint(fileId, user, readOnly, lifetime);
      spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** A token that is expired when printed is of no use, so a zero or negative --ttl is refused. */
  private Duration lifetime(Settings settings) {
    if (ttl == null) {
      return settings.tokenTtl();
    }
    try {
      Duration d = Quantities.parseDuration(ttl);
      if (d.isPositive()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--ttl '" + ttl + "' is not valid: use a duration longer than 0, such as 30m, 10h or PT1H");
  }
}
