package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics after a scripted editing session: each counter moved by what the session did. */
class MetricsEndpointTest {

  @TempDir Path dir;
  private TestHost host;

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void scrape_afterAnEditingSession_countersMovedByTheSession() throws Exception {
    host = TestHost.start(dir);
    byte[] original = "first".getBytes();
    String id = host.importFile("Report.docx", original);
    var editor = new WopiClient(host, id, host.token(id));
    Scrape before = scrape(host.uri("/metrics"));

    for (int i = 0; i < 3; i++) {
      assertThat(editor.checkFileInfo().statusCode()).isEqualTo(200);
    }
    assertThat(editor.getFile().statusCode()).isEqualTo(200);
    assertThat(editor.lock("L1").statusCode()).isEqualTo(200);
    Scrape locked = scrape(host.uri("/metrics"));
    assertThat(editor.lock("L2").statusCode()).isEqualTo(409);
    byte[] saved = new byte[12_345];
    assertThat(editor.putFile(saved, "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    assertThat(editor.putFile(saved, "X-WOPI-Lock", "wrong").statusCode()).isEqualTo(409);
    assertThat(editor.override("UNLOCK", null, "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    assertThat(new WopiClient(host, id, "not-a-token").checkFileInfo().statusCode())
        .isEqualTo(401);
    Scrape after = scrape(host.uri("/metrics"));

    String requests = "wopihost_wopi_request_duration_seconds_count";
    assertThat(delta(before, after, requests, "operation", "CheckFileInfo", "status", "200"))
        .isEqualTo(3);
    assertThat(delta(before, after, requests, "operation", "CheckFileInfo", "status", "401"))
        .isEqualTo(1);
    assertThat(delta(before, after, requests, "operation", "GetFile", "status", "200")).isEqualTo(1);
    assertThat(delta(before, after, requests, "operation", "Lock", "status", "200")).isEqualTo(1);
    assertThat(delta(before, after, requests, "operation", "Lock", "status", "409")).isEqualTo(1);
    assertThat(delta(before, after, requests, "operation", "PutFile", "status", "200")).isEqualTo(1);
    assertThat(delta(before, after, requests, "operation", "PutFile", "status", "409")).isEqualTo(1);
    assertThat(delta(before, after, requests, "operation", "Unlock", "status", "200")).isEqualTo(1);
    assertThat(
            delta(before, after, "wopihost_wopi_request_duration_seconds_bucket",
                "operation", "GetFile", "status", "200", "le", "30.0"))
        .isEqualTo(1);

    String conflicts = "wopihost_wopi_lock_conflicts_total";
    assertThat(delta(before, after, conflicts, "operation", "Lock")).isEqualTo(1);
    assertThat(delta(before, after, conflicts, "operation", "PutFile")).isEqualTo(1);
    assertThat(delta(before, after, conflicts)).isEqualTo(2);

    assertThat(delta(before, after, "wopihost_wopi_received_bytes_total", "operation", "PutFile"))
        .isEqualTo(saved.length);
    assertThat(delta(before, after, "wopihost_wopi_sent_bytes_total", "operation", "GetFile"))
        .isEqualTo(original.length);
    assertThat(delta(before, after, "wopihost_wopi_sent_bytes_total", "operation", "CheckFileInfo"))
        .isPositive();

    assertThat(locked.value("wopihost_locks_active")).isEqualTo(1);
    assertThat(after.value("wopihost_locks_active")).isEqualTo(0);

    assertThat(
            delta(before, after, "wopihost_blob_operation_duration_seconds_count",
                "operation", "put", "outcome", "success"))
        .isEqualTo(1);
    assertThat(
            delta(before, after, "wopihost_blob_operation_duration_seconds_count",
                "operation", "open", "outcome", "success"))
        .isEqualTo(1);
  }

  @Test
  void scrape_always_hasPoolAndJvmMeters() throws Exception {
    host = TestHost.start(dir);

    Scrape scrape = scrape(host.uri("/metrics"));

    assertThat(scrape.value("hikaricp_connections_max", "pool", "wopihost-db")).isPositive();
    assertThat(scrape.has("hikaricp_connections_acquire_seconds_count")).isTrue();
    assertThat(scrape.value("jvm_memory_used_bytes")).isPositive();
    assertThat(scrape.has("jvm_threads_live_threads")).isTrue();
    assertThat(scrape.has("process_uptime_seconds")).isTrue();
  }

  @Test
  void proofFailureAndDiscovery_recordedThroughTheApi_appearPerEditor() throws Exception {
    host = TestHost.start(dir);
    var metrics = host.host.metrics().wopi();
    var fetchedAt = host.clock.instant();

    metrics.proofFailure("collabora");
    metrics.proofFailure("collabora");
    metrics.discoveryFetch("collabora", true);
    metrics.discoveryFetch("collabora", false);
    metrics.discoveryAge("collabora", () -> java.util.Optional.of(fetchedAt));
    host.clock.advance(java.time.Duration.ofSeconds(90));
    Scrape scrape = scrape(host.uri("/metrics"));

    assertThat(scrape.value("wopihost_proof_failures_total", "editor", "collabora")).isEqualTo(2);
    assertThat(scrape.value("wopihost_discovery_fetches_total", "editor", "collabora",
        "result", "failure")).isEqualTo(1);
    assertThat(scrape.value("wopihost_discovery_age_seconds", "editor", "collabora"))
        .isEqualTo(90);
  }

  @Test
  void managementPort_set_servesMetricsThereAndNotOnTheMainPort() throws Exception {
    host = TestHost.start(dir, Map.of("management-port", "0"));
    int management = host.host.managementPort().orElseThrow();
    URI metrics = URI.create("http://127.0.0.1:" + management + "/metrics");

    HttpResponse<byte[]> there = host.send("GET", metrics, null);
    HttpResponse<byte[]> main = host.send("GET", host.uri("/metrics"), null);

    assertThat(there.statusCode()).isEqualTo(200);
    assertThat(new Scrape(WopiClient.text(there)).has("jvm_memory_used_bytes")).isTrue();
    assertThat(main.statusCode()).isEqualTo(404);
    assertThat(
            host.send("GET", URI.create("http://127.0.0.1:" + management + "/health/ready"), null)
                .statusCode())
        .isEqualTo(200);
  }

  private Scrape scrape(URI uri) throws Exception {
    HttpResponse<byte[]> response = host.send("GET", uri, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    return new Scrape(WopiClient.text(response));
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
