package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.server.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md and the Grafana dashboard stay in step with the code. */
class OperationsDocsTest {

  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void operationsDoc_listsEveryConfigurationKeyWithItsDefault() throws Exception {
    String doc = Files.readString(DOCS.resolve("operations.md"));

    SettingsLoader.DEFAULTS.forEach(
        (key, value) -> {
          String shown = value.isEmpty() ? "(empty)" : "`" + value + "`";
          assertThat(doc).as(key).contains("| `" + key + "` | " + shown + " |");
        });
  }

  @Test
  void grafanaDashboard_isValidJsonAndQueriesOnlyDocumentedMetrics() throws Exception {
    String doc = Files.readString(DOCS.resolve("operations.md"));
    JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("grafana-dashboard.json").toFile());

    List<String> metrics = new ArrayList<>();
    Pattern name = Pattern.compile("\\b(wopihost_[a-z_]+|hikaricp_[a-z_]+|jvm_[a-z_]+)");
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher m = name.matcher(target.get("expr").asText());
        while (m.find()) {
          metrics.add(m.group(1));
        }
      }
    }

    assertThat(dashboard.get("title").asText()).isEqualTo("wopihost");
    assertThat(metrics).isNotEmpty();
    for (String metric : metrics) {
      String family = metric.replaceAll("_(count|sum|bucket)$", "");
      boolean documented =
          doc.contains("`" + family + "`")
              || metric.startsWith("hikaricp_")
              || metric.startsWith("jvm_");
      assertThat(documented).as(metric + " is documented").isTrue();
    }
  }
}
