package io.wopihost.server.cli;

import io.wopihost.server.FileImporter;
import io.wopihost.server.Host;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wopihost import PATH...}: adds files; prints one file id per line. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Add files to a user's root folder; prints one file id per line.")
final class ImportCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files to import.")
  List<Path> paths;

  @Option(names = "--owner", paramLabel = "USER", defaultValue = "demo",
      description = "The user who owns the files (default: ${DEFAULT-VALUE}).")
  String owner;

  @Override
  public Integer call() throws Exception {
    for (Path path : paths) {
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException(path + " is not a readable file");
      }
    }
    try (Host host = Host.open(config.load(), Clock.systemUTC())) {
      var importer = new FileImporter(host);
      for (Path path : paths) {
        try (InputStream in = Files.newInputStream(path)) {
          spec.commandLine()
              .getOut()
              .println(importer.importFile(path.getFileName().toString(), in, owner).id());
        }
      }
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
