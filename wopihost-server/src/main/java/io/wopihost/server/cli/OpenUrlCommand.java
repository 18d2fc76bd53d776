package io.wopihost.server.cli;

import io.wopihost.core.token.Permission;
import io.wopihost.server.Host;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wopihost open-url}: prints a launch link that opens a file in its editor, in a browser,
 * as a user. The link works for {@code launch-link-ttl}; the page it opens keeps its editor going
 * for {@code host-page-session}.
 */
@Command(
    name = "open-url",
    mixinStandardHelpOptions = true,
    description = "Print a short-lived link that opens a file in its editor, as a user.")
final class OpenUrlCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "ID", description = "The file id.")
  String fileId;

  @Option(names = "--user", required = true, paramLabel = "USER", description = "The user id.")
  String user;

  @Option(names = "--action", paramLabel = "ACTION", defaultValue = "view",
      description = "view (the default; the editor offers Edit) or edit.")
  String action;

  @Option(names = "--read-only", description = "The user may only view the file.")
  boolean readOnly;

  @Override
  public Integer call() throws Exception {
    if (!action.equals("view") && !action.equals("edit")) {
      throw new IllegalArgumentException("--action '" + action + "' is not valid: use view or edit");
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException("the user id must not be blank");
    }
    var settings = config.load();
    try (Host host = Host.open(settings, Clock.systemUTC())) {
      if (host.catalog().findFile(fileId).isEmpty()) {
        throw new IllegalArgumentException("there is no file with id '" + fileId + "'");
      }
      Set<Permission> rights =
          readOnly ? EnumSet.of(Permission.READ) : EnumSet.allOf(Permission.class);
      spec.commandLine().getOut().println(host.launchLinks().mint(fileId, user, rights, action));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
