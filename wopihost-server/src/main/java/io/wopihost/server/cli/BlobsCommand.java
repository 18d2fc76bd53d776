package io.wopihost.server.cli;

import io.wopihost.server.Host;
import io.wopihost.server.config.Quantities;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wopihost blobs gc}: deletes stored contents that no version points at. */
@Command(
    name = "blobs",
    mixinStandardHelpOptions = true,
    description = "Maintain the stored file contents.",
    subcommands = BlobsCommand.Gc.class)
final class BlobsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: gc");
  }

  @Command(
      name = "gc",
      mixinStandardHelpOptions = true,
      description =
          "Delete the blobs that no version points at and that are older than the grace period."
              + " Safe while nodes serve.")
  static final class Gc implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Option(
        names = "--grace",
        paramLabel = "DURATION",
        description =
            "Only blobs older than this (default: blob-gc-grace); longer than any upload.")
    String grace;

    @Override
    public Integer call() throws Exception {
      var settings = config.load();
      Duration olderThan = grace == null ? settings.blobGcGrace() : Quantities.parseDuration(grace);
      try (Host host = Host.open(settings, Clock.systemUTC())) {
        var report = host.collectOrphanBlobs(olderThan);
        spec.commandLine()
            .getOut()
            .println(
                "deleted "
                    + report.deleted()
                    + " of the "
                    + report.examined()
                    + " blobs older than "
                    + olderThan
                    + ": no version pointed at them");
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
