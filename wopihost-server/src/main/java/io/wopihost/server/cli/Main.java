package io.wopihost.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wopihost} command line. */
@Command(
    name = "wopihost",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A WOPI host: stores documents and serves them to online office editors.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      TokenCommand.class,
      OpenUrlCommand.class,
      DbCommand.class,
      LocksCommand.class,
      BlobsCommand.class,
      AuditCommand.class,
      UserCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests to run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(new ErrorReporter());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
