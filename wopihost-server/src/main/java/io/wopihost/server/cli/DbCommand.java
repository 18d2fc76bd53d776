package io.wopihost.server.cli;

import io.wopihost.jdbc.Database;
import io.wopihost.server.config.Secret;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wopihost db migrate}: brings the database schema up to date. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Manage the database.",
    subcommands = DbCommand.Migrate.class)
final class DbCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: migrate");
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description =
          "Apply the schema migrations the database lacks. Start-up does it too, unless"
              + " db-migrate=false (then run this once before starting the nodes of a new"
              + " version).")
  static final class Migrate implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var db = config.load().database();
      try (Database database =
          Database.open(db.url(), db.user(), db.password().map(Secret::text))) {
        int applied = database.migrate();
        var out = spec.commandLine().getOut();
        out.println(
            applied == 0
                ? "the database schema was already up to date"
                : "applied " + applied + " migrations; the database schema is up to date");
        out.flush();
      }
      return 0;
    }
  }
}
