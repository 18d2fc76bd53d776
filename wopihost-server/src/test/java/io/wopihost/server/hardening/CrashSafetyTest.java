package io.wopihost.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue 8): the real server runs in a process of its own and is killed with SIGKILL
 * at random moments while clients save (PutFile), create (PutRelativeFile) and rename files. After
 * each restart every file holds the content of its last acknowledged save, or of the save that
 * was in flight when the process died, byte for byte; every acknowledged creation and rename is
 * there; locks survive with the expiry they were given; and at the end SQLite's integrity and
 * foreign-key checks pass.
 */
final class CrashSafetyTest {

  private static final int ROUNDS = 6;
  private static final int SAVERS = 3;
  private static final Duration LOCK_LIFETIME = Duration.ofMinutes(30);
  private static final long SEED = 20261127L;

  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String secret = "crash-test-signing-secret-0123456789abcdefghijklmnopqrstuv";
  private final HmacTokenService tokens =
      new HmacTokenService(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
  private Process server;
  private int port;

  /** What a client knows of one file: the last acknowledged state and what was in flight. */
  private static final class Tracked {
    final String id;
    volatile String ackedSha;
    volatile String pendingSha;
    volatile String ackedName;
    volatile String pendingName;

    Tracked(String id, String sha, String name) {
      this.id = id;
      this.ackedSha = sha;
      this.ackedName = name;
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void sigkill_duringSavesCreatesAndRenames_losesNoAcknowledgedWrite() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("signing-secret"), secret + "\n");
    List<Tracked> savers = new ArrayList<>();
    for (int i = 0; i < SAVERS; i++) {
      byte[] content = ("initial " + i).getBytes(StandardCharsets.UTF_8);
      savers.add(new Tracked(importFile(data, "save-" + i + ".docx", content), sha(content), null));
    }
    byte[] renamedContent = "rename me".getBytes(StandardCharsets.UTF_8);
    Tracked renamed = new Tracked(importFile(data, "rename.docx", renamedContent),
        sha(renamedContent), "rename.docx");
    Tracked relativeSource = new Tracked(importFile(data, "source.docx", renamedContent),
        sha(renamedContent), "source.docx");
    Map<String, String> created = new ConcurrentHashMap<>();

    Random random = new Random(SEED);
    AtomicInteger acknowledged = new AtomicInteger();
    int kills = 0;
    for (int round = 0; round < ROUNDS; round++) {
      start(data);
      verify(savers, renamed, created);
      for (int i = 0; i < SAVERS; i++) {
        assertThat(post(savers.get(i).id, "", Map.of("X-WOPI-Override", "LOCK",
            "X-WOPI-Lock", "crash-" + i), null).statusCode()).isEqualTo(200);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(SAVERS + 2);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < SAVERS; i++) {
        int n = i;
        long seed = random.nextLong();
        work.add(clients.submit(() -> saveLoop(savers.get(n), "crash-" + n, seed, running,
            acknowledged)));
      }
      int roundNo = round;
      work.add(clients.submit(() -> renameLoop(renamed, roundNo, running, acknowledged)));
      work.add(clients.submit(() -> createLoop(relativeSource, roundNo, created, running,
          acknowledged)));
      Thread.sleep(200 + random.nextInt(1300));
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      kills++;
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      for (Future<?> f : work) {
        f.get();
      }
    }
    start(data);
    verify(savers, renamed, created);
    assertLocksKeptTheirExpiry(savers);
    server.destroy();
    server.waitFor(20, TimeUnit.SECONDS);
    assertDatabaseIsIntact(data.resolve("wopihost.db"));
    System.out.printf("CrashSafetyTest: %d kills survived, %d writes acknowledged, %d files"
        + " checked after each restart%n", kills, acknowledged.get(), SAVERS + 1 + created.size());
    assertThat(acknowledged.get()).isPositive();
  }

  private void saveLoop(Tracked file, String lockId, long seed, AtomicBoolean running,
      AtomicInteger acknowledged) {
    Random random = new Random(seed);
    while (running.get()) {
      byte[] body = new byte[1024 + random.nextInt(512 * 1024)];
      random.nextBytes(body);
      file.pendingSha = sha(body);
      try {
        var response = post(file.id, "/contents",
            Map.of("X-WOPI-Override", "PUT", "X-WOPI-Lock", lockId), body);
        if (response.statusCode() == 200) {
          file.ackedSha = file.pendingSha;
          acknowledged.incrementAndGet();
        }
      } catch (IOException | InterruptedException died) {
        return;
      }
    }
  }

  private void renameLoop(Tracked file, int round, AtomicBoolean running,
      AtomicInteger acknowledged) {
    for (int n = 0; running.get(); n++) {
      String name = "renamed-" + round + "-" + n;
      file.pendingName = name + ".docx";
      try {
        var response = post(file.id, "", Map.of("X-WOPI-Override", "RENAME_FILE",
            "X-WOPI-RequestedName", name), null);
        if (response.statusCode() == 200) {
          file.ackedName = file.pendingName;
          acknowledged.incrementAndGet();
        }
      } catch (IOException | InterruptedException died) {
        return;
      }
    }
  }

  private void createLoop(Tracked source, int round, Map<String, String> created,
      AtomicBoolean running, AtomicInteger acknowledged) {
    Random random = new Random(round);
    for (int n = 0; running.get(); n++) {
      byte[] body = new byte[1 + random.nextInt(64 * 1024)];
      random.nextBytes(body);
      try {
        var response = post(source.id, "", Map.of("X-WOPI-Override", "PUT_RELATIVE",
            "X-WOPI-RelativeTarget", "created-" + round + "-" + n + ".docx"), body);
        if (response.statusCode() == 200) {
          String url = new ObjectMapper().readTree(response.body()).get("Url").asText();
          String path = URI.create(url).getPath();
          created.put(path.substring(path.lastIndexOf('/') + 1), sha(body));
          acknowledged.incrementAndGet();
        }
      } catch (IOException | InterruptedException died) {
        return;
      }
    }
  }

  private void verify(List<Tracked> savers, Tracked renamed, Map<String, String> created)
      throws Exception {
    for (Tracked file : savers) {
      String now = sha(get(file.id, "/contents").body());
      assertThat(now).as("content of %s", file.id).isIn(file.ackedSha, file.pendingSha);
      file.ackedSha = now;
    }
    String name = new ObjectMapper().readTree(get(renamed.id, "").body())
        .get("BaseFileName").asText();
    assertThat(name).isIn(renamed.ackedName, renamed.pendingName);
    renamed.ackedName = name;
    for (var entry : created.entrySet()) {
      var content = get(entry.getKey(), "/contents");
      assertThat(content.statusCode()).as("created file %s", entry.getKey()).isEqualTo(200);
      assertThat(sha(content.body())).isEqualTo(entry.getValue());
    }
  }

  private void assertLocksKeptTheirExpiry(List<Tracked> savers) throws Exception {
    for (int i = 0; i < savers.size(); i++) {
      var other = post(savers.get(i).id, "", Map.of("X-WOPI-Override", "LOCK",
          "X-WOPI-Lock", "someone-else"), null);
      assertThat(other.statusCode()).isEqualTo(409);
      assertThat(other.headers().firstValue("X-WOPI-Lock")).hasValue("crash-" + i);
    }
  }

  private static void assertDatabaseIsIntact(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (ResultSet rows = c.createStatement().executeQuery("PRAGMA integrity_check")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("ok");
      }
      try (ResultSet rows = c.createStatement().executeQuery("PRAGMA foreign_key_check")) {
        assertThat(rows.next()).as("foreign key violations").isFalse();
      }
      long now = Instant.now().toEpochMilli();
      try (ResultSet rows = c.createStatement().executeQuery("SELECT expires_at FROM locks")) {
        while (rows.next()) {
          assertThat(rows.getLong(1)).isBetween(now, now + LOCK_LIFETIME.toMillis());
        }
      }
    }
  }

  private void start(Path data) throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--data-dir", data.toString(), "--port", String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile())
        .start();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      try {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
            .build(), HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        assertThat(server.isAlive()).as("the server started; see server.log").isTrue();
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the server did not answer within 60 s");
  }

  private String importFile(Path data, String name, byte[] content) throws IOException {
    Path source = dir.resolve(name);
    Files.write(source, content);
    var out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute("import", "--data-dir", data.toString(), "--owner", "crash",
        source.toString());
    assertThat(exit).isZero();
    return out.toString().strip();
  }

  private String url(String fileId, String suffix) {
    var token = new AccessToken("crash", Scope.file(fileId), EnumSet.allOf(Permission.class),
        Instant.now().plus(Duration.ofHours(1)));
    return "http://127.0.0.1:" + port + "/wopi/files/" + fileId + suffix + "?access_token="
        + URLEncoder.encode(tokens.issue(token), StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> get(String fileId, String suffix) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(fileId, suffix))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String fileId, String suffix, Map<String, String> headers,
      byte[] body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(url(fileId, suffix)))
        .timeout(Duration.ofSeconds(30))
        .POST(body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
