package io.wopihost.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.server.health.Health;
import io.wopihost.server.metrics.HostMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's endpoints: {@code /metrics} (Prometheus text format), {@code /health/live} and
 * {@code /health/ready} (200 when up, 503 when not, with JSON detail).
 */
final class OpsRoutes implements HttpService {

  private final Optional<HostMetrics> metrics;
  private final Health health;
  private final ObjectMapper json;

  /**
   * @param metrics empty to leave {@code /metrics} out (it is served on the management port)
   */
  OpsRoutes(Optional<HostMetrics> metrics, Health health, ObjectMapper json) {
    this.metrics = metrics;
    this.health = health;
    this.json = json;
  }

  @Override
  public void routing(HttpRules rules) {
    metrics.ifPresent(
        m ->
            rules.get(
                "/metrics",
                (req, res) -> {
                  res.header(HeaderNames.CONTENT_TYPE, HostMetrics.CONTENT_TYPE);
                  res.send(m.scrape());
                }));
    rules
        .get("/health/live", (req, res) -> report(res, health.live()))
        .get("/health/ready", (req, res) -> report(res, health.ready()));
  }

  private void report(ServerResponse res, Health.Report report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status(report.up()));
    if (!report.checks().isEmpty()) {
      Map<String, Object> checks = new LinkedHashMap<>();
      report.checks().forEach((name, result) -> {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("status", status(result.up()));
        if (!result.up()) {
          check.put("error", result.error());
        }
        check.put("ms", result.millis());
        checks.put(name, check);
      });
      body.put("checks", checks);
    }
    res.status(report.up() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    try {
      res.send(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a health report is a map of plain values", e);
    }
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
