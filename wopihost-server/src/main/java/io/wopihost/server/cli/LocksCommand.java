package io.wopihost.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.model.Lock;
import io.wopihost.server.Host;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wopihost locks list|clear}: the WOPI locks, for operators. */
@Command(
    name = "locks",
    mixinStandardHelpOptions = true,
    description = "List or clear WOPI locks.",
    subcommands = {LocksCommand.ListLocks.class, LocksCommand.Clear.class})
final class LocksCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: list or clear");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print each live lock as one JSON object per line: fileId, lockId, expiresAt.")
  static final class ListLocks implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var json = new ObjectMapper();
      var out = spec.commandLine().getOut();
      try (Host host = Host.open(config.load(), Clock.systemUTC())) {
        for (Lock lock : host.locks().listLive(host.clock().instant())) {
          out.println(json.writeValueAsString(fields(lock)));
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description =
          "Remove the lock on a file, whoever holds it; the editor that held it fails its next"
              + " save with a lock conflict.")
  static final class Clear implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "ID", description = "The file id.")
    String fileId;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      try (Host host = Host.open(config.load(), Clock.systemUTC())) {
        Optional<Lock> lock = host.locks().current(fileId, host.clock().instant());
        host.locks().clear(fileId);
        out.println(
            lock.map(l -> "cleared the lock '" + l.lockId() + "' on file " + fileId)
                .orElse("file " + fileId + " had no live lock"));
      }
      out.flush();
      return 0;
    }
  }

  private static Map<String, String> fields(Lock lock) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("fileId", lock.fileId());
    fields.put("lockId", lock.lockId());
    fields.put("expiresAt", lock.expiresAt().toString());
    return fields;
  }
}
