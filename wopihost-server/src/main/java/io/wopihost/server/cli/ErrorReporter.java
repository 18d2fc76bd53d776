package io.wopihost.server.cli;

import io.wopihost.server.config.SettingsException;
import picocli.CommandLine;

/**
 * Reports a failed command as one clear line on stderr: a configuration problem says its fix; an
 * unexpected failure also gets its stack trace, since it is a bug.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  static final int CONFIG_ERROR = 78;
  static final int USAGE_ERROR = 64;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    var err = cmd.getErr();
    switch (e) {
      case SettingsException s -> {
        err.println("wopihost: configuration error: " + s.getMessage());
        return CONFIG_ERROR;
      }
      case IllegalArgumentException bad -> {
        err.println("wopihost: " + bad.getMessage());
        return USAGE_ERROR;
      }
      default -> {
        err.println("wopihost: " + e);
        e.printStackTrace(err);
        return CommandLine.ExitCode.SOFTWARE;
      }
    }
  }
}
