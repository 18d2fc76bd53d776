package io.wopihost.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.jdbc.JdbcEventStore.AuditEntry;
import io.wopihost.server.Host;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wopihost audit --file ID}: who opened, locked, saved, renamed, deleted a file, when. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "List a file's audit trail, oldest first: time, user, action, name, detail.")
final class AuditCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "ID", description = "The file id.")
  String fileId;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "Show the last N entries (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (limit <= 0) {
      throw new IllegalArgumentException("--limit must be at least 1");
    }
    List<AuditEntry> entries;
    try (Host host = Host.open(config.load(), Clock.systemUTC())) {
      entries = host.events().auditOfFile(fileId, limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    var mapper = new ObjectMapper();
    for (AuditEntry e : entries) {
      if (json) {
        out.println(
            mapper.writeValueAsString(
                Map.of(
                    "time", e.at().toString(),
                    "user", e.userId(),
                    "action", e.action(),
                    "fileName", e.fileName(),
                    "detail", e.detail())));
      } else {
        out.println(
            String.join("\t", e.at().toString(), e.userId(), e.action(), e.fileName(), e.detail())
                .stripTrailing());
      }
    }
    out.flush();
    return 0;
  }
}
