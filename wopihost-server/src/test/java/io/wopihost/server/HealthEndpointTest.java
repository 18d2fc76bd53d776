package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health/live and /health/ready: status codes for load balancers, JSON for operators. */
class HealthEndpointTest {

  @TempDir Path dir;
  private TestHost host;

  @BeforeEach
  void start() throws IOException {
    // The database in a folder of its own: moving the folder away makes it unreachable, and
    // SQLite cannot recreate a file in a folder that is gone.
    host = TestHost.start(dir, Map.of("db-url", "jdbc:sqlite:" + dir.resolve("db/wopihost.db")));
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void ready_allDependenciesUp_is200WithEachCheck() throws Exception {
    HttpResponse<byte[]> live = get("/health/live");
    HttpResponse<byte[]> ready = get("/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(json(live).get("status").asText()).isEqualTo("UP");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode body = json(ready);
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/database/status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/blobs/status").asText()).isEqualTo("UP");
  }

  @Test
  void ready_databaseGoneThenBack_is503Then200() throws Exception {
    Path db = dir.resolve("db");
    Path moved = dir.resolve("db.away");

    Files.move(db, moved);
    HttpResponse<byte[]> down = get("/health/ready");
    Files.move(moved, db);
    HttpResponse<byte[]> back = get("/health/ready");

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).get("status").asText()).isEqualTo("DOWN");
    assertThat(json(down).at("/checks/database/status").asText()).isEqualTo("DOWN");
    assertThat(json(down).at("/checks/database/error").asText()).isNotEmpty();
    assertThat(json(down).at("/checks/blobs/status").asText()).isEqualTo("UP");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(back.statusCode()).isEqualTo(200);
  }

  @Test
  void ready_blobDirectoryGoneThenBack_is503Then200() throws Exception {
    Path blobs = dir.resolve("blobs");
    Path moved = dir.resolve("blobs.away");

    Files.move(blobs, moved);
    HttpResponse<byte[]> down = get("/health/ready");
    Files.move(moved, blobs);

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).at("/checks/blobs/error").asText()).contains("blob directory");
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void ready_registeredDiscoveryCheckFailsThenRecovers_is503Then200() throws Exception {
    var reachable = new AtomicBoolean(false);
    host.host.health().register("discovery:collabora", () -> {
      if (!reachable.get()) {
        throw new IOException("discovery at https://collabora.example answered 502");
      }
    });

    HttpResponse<byte[]> down = get("/health/ready");
    reachable.set(true);
    HttpResponse<byte[]> up = get("/health/ready");

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).at("/checks/discovery:collabora/error").asText()).contains("502");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(json(up).at("/checks/discovery:collabora/status").asText()).isEqualTo("UP");
  }

  @Test
  void ready_whileDraining_is503AndLiveStays200() throws Exception {
    host.host.health().startDraining();

    HttpResponse<byte[]> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(json(ready).at("/checks/shutdown/status").asText()).isEqualTo("DOWN");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return host.send("GET", host.uri(path), null);
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return new ObjectMapper().readTree(response.body());
  }
}
