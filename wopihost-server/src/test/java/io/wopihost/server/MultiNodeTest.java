package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.FileVersion;
import io.wopihost.testkit.PostgresServer;
import io.wopihost.testkit.Race;
import io.wopihost.testkit.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two wopihost nodes, each with its own connection pool and HTTP server, on one PostgreSQL schema
 * and one S3 bucket, sharing the token signing secret: what a load balancer in front of them
 * produces when editors' requests for the same files land on either node.
 */
class MultiNodeTest {

  private static final int FILES = 2;
  private static final int CLIENTS = 8;
  private static final int REQUESTS_PER_CLIENT = 60;
  private static final String SECRET = "a-signing-secret-every-node-of-the-cluster-shares";

  @TempDir Path dir;
  private PostgresServer.Schema schema;
  private S3ProxyServer s3;
  private String bucket;
  private List<TestHost> nodes;

  @BeforeEach
  void startTwoNodes() throws Exception {
    schema = PostgresServer.get().newSchema();
    s3 = S3ProxyServer.start(dir.resolve("s3"));
    bucket = s3.createBucket();
    Map<String, String> shared = new HashMap<>();
    shared.put("db-url", schema.url());
    shared.put("db-user", schema.user());
    shared.put("blob-store", "s3");
    shared.put("s3-endpoint", s3.endpoint().toString());
    shared.put("s3-bucket", bucket);
    shared.put("s3-access-key", S3ProxyServer.ACCESS_KEY);
    shared.put("s3-secret-key", S3ProxyServer.SECRET_KEY);
    shared.put("token-secret", SECRET);
    nodes = new ArrayList<>();
    nodes.add(TestHost.start(dir.resolve("node-a"), shared));
    nodes.add(TestHost.start(dir.resolve("node-b"), shared));
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(TestHost::close);
    s3.close();
    schema.close();
  }

  @Test
  void clientsRacingThroughBothNodes_neverShareALockAndLoseNoAcknowledgedSave() throws Exception {
    List<String> files = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      files.add(nodes.get(f % 2).importFile("shared-" + f + ".docx", bytes("first " + f)));
    }
    Cluster cluster = new Cluster(files);

    Race.run(CLIENTS, i -> () -> cluster.client(i).run(new Random(i)));

    assertThat(cluster.violations).isEmpty();
    for (String file : files) {
      assertEveryAcknowledgedSaveIsStored(file, cluster.acknowledged(file));
    }
    assertThat(cluster.acknowledgedCount()).isGreaterThan(CLIENTS);
    assertBucketHoldsExactlyTheVersionsBlobs(files);
  }

  @Test
  void collectOrphanBlobs_afterRacingSaves_deletesOnlyTheOrphan() throws Exception {
    String file = nodes.get(0).importFile("a.docx", bytes("v1"));
    WopiClient client = new WopiClient(nodes.get(1), file, nodes.get(0).token(file));
    assertThat(client.lock("L").statusCode()).isEqualTo(200);
    assertThat(client.putFile(bytes("v2"), "X-WOPI-Lock", "L").statusCode()).isEqualTo(200);
    String orphan =
        nodes.get(0).host.blobs().put(new ByteArrayInputStream(bytes("lost")), 100).key();
    TestHost node = nodes.get(1);
    // The bucket stamps objects with the wall clock; move the node's clock a day past it.
    node.clock.set(Instant.now().plus(Duration.ofDays(1)));

    BlobCollector.Report report = node.host.collectOrphanBlobs(Duration.ofHours(1));

    assertThat(report).isEqualTo(new BlobCollector.Report(3, 1));
    assertThat(node.host.blobs().exists(orphan)).isFalse();
    assertEveryAcknowledgedSaveIsStored(file, Map.of(2L, sha256(bytes("v2"))));
  }

  /** Every acknowledged version is in the catalog with its hash, and its blob reads back. */
  private void assertEveryAcknowledgedSaveIsStored(String file, Map<Long, String> acknowledged)
      throws Exception {
    List<FileVersion> versions = nodes.get(1).host.catalog().versions(file);
    Map<Long, String> stored =
        versions.stream().collect(Collectors.toMap(FileVersion::version, FileVersion::sha256));
    assertThat(stored).containsAllEntriesOf(acknowledged);
    // Only the holder of the lock saves, so no save lost a race: none is missing, none extra.
    assertThat(versions).hasSize(acknowledged.size() + 1);
    for (FileVersion version : versions) {
      try (InputStream in = nodes.get(0).host.blobs().open(version.blobKey())) {
        assertThat(sha256(in.readAllBytes())).isEqualTo(version.sha256());
      }
    }
    String newest = stored.get(versions.get(0).version());
    for (TestHost node : nodes) {
      WopiClient reader = new WopiClient(node, file, node.token(file));
      assertThat(sha256(reader.getFile().body())).isEqualTo(newest);
    }
  }

  private void assertBucketHoldsExactlyTheVersionsBlobs(List<String> files) {
    Set<String> referenced =
        files.stream()
            .flatMap(file -> nodes.get(0).host.catalog().versions(file).stream())
            .map(version -> "blobs/" + version.blobKey())
            .collect(Collectors.toSet());
    assertThat(s3.objectKeys(bucket)).isEqualTo(referenced);
    assertThat(s3.unfinishedUploads(bucket)).isEmpty();
  }

  /**
   * The files, the clients, and what they observed. A client counts as holding a file's lock from
   * the 200 of its Lock until just before it sends its Unlock, a span inside the real one, so two
   * clients seen holding at once means the nodes really granted the lock twice.
   */
  private final class Cluster {
    final List<String> files;
    final Map<String, Integer> holders = new ConcurrentHashMap<>();
    final Map<String, Map<Long, String>> acknowledged = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();

    Cluster(List<String> files) {
      this.files = files;
      files.forEach(file -> acknowledged.put(file, new ConcurrentHashMap<>()));
    }

    Client client(int id) {
      return new Client(this, id);
    }

    Map<Long, String> acknowledged(String file) {
      return acknowledged.get(file);
    }

    long acknowledgedCount() {
      return acknowledged.values().stream().mapToLong(Map::size).sum();
    }

    WopiClient wopi(int node, String file) {
      TestHost host = nodes.get(node);
      return new WopiClient(host, file, nodes.get(1 - node).token(file));
    }
  }

  /** One editor: locks, relocks, saves and unlocks, each request through a random node. */
  private static final class Client {
    private final Cluster cluster;
    private final int id;
    private final Map<String, String> held = new HashMap<>();
    private final Map<String, String> lastReleased = new HashMap<>();
    private int counter;

    Client(Cluster cluster, int id) {
      this.cluster = cluster;
      this.id = id;
    }

    Void run(Random random) throws Exception {
      for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
        String file = cluster.files.get(random.nextInt(cluster.files.size()));
        WopiClient wopi = cluster.wopi(random.nextInt(2), file);
        int choice = random.nextInt(5);
        if (held.containsKey(file)) {
          switch (choice) {
            case 0, 1 -> save(wopi, file);
            case 2 -> relock(wopi, file);
            default -> unlock(wopi, file);
          }
        } else {
          switch (choice) {
            case 0, 1, 2 -> lock(wopi, file);
            case 3 -> staleRelock(wopi, file);
            default -> staleSave(wopi, file);
          }
        }
      }
      for (var entry : List.copyOf(held.entrySet())) {
        unlock(cluster.wopi(0, entry.getKey()), entry.getKey());
      }
      return null;
    }

    private void lock(WopiClient wopi, String file) throws Exception {
      String lockId = newLockId();
      int status = wopi.lock(lockId).statusCode();
      if (status == 200) {
        Integer other = cluster.holders.putIfAbsent(file, id);
        if (other != null) {
          violation("got the lock on " + file + " while client " + other + " held it");
        }
        held.put(file, lockId);
      } else if (status != 409) {
        violation("Lock answered " + status);
      }
    }

    private void relock(WopiClient wopi, String file) throws Exception {
      String next = newLockId();
      int status = wopi.unlockAndRelock(held.get(file), next).statusCode();
      if (status == 200) {
        held.put(file, next);
        if (!Integer.valueOf(id).equals(cluster.holders.get(file))) {
          violation("relocked " + file + " while client " + cluster.holders.get(file) + " held it");
        }
      } else {
        violation("UnlockAndRelock by the holder answered " + status);
      }
    }

    private void unlock(WopiClient wopi, String file) throws Exception {
      String lockId = held.remove(file);
      if (!cluster.holders.remove(file, id)) {
        violation("held " + file + " but the record says client " + cluster.holders.get(file));
      }
      int status = wopi.override("UNLOCK", null, "X-WOPI-Lock", lockId).statusCode();
      if (status != 200) {
        violation("Unlock by the holder answered " + status);
      }
      lastReleased.put(file, lockId);
    }

    private void save(WopiClient wopi, String file) throws Exception {
      byte[] content = bytes("client " + id + " save " + counter++ + " of " + file);
      HttpResponse<byte[]> response = wopi.putFile(content, "X-WOPI-Lock", held.get(file));
      if (response.statusCode() == 200) {
        long version = Long.parseLong(WopiClient.header(response, "X-WOPI-ItemVersion"));
        cluster.acknowledged(file).put(version, sha256(content));
      } else {
        violation("PutFile by the holder answered " + response.statusCode());
      }
    }

    /** UnlockAndRelock with a lock id this client no longer holds: must never succeed. */
    private void staleRelock(WopiClient wopi, String file) throws Exception {
      String stale = lastReleased.getOrDefault(file, "never-held-" + id);
      int status = wopi.unlockAndRelock(stale, newLockId()).statusCode();
      if (status != 409) {
        violation("UnlockAndRelock with a stale lock id answered " + status);
      }
    }

    /** PutFile with a lock id this client no longer holds: must never be written. */
    private void staleSave(WopiClient wopi, String file) throws Exception {
      String stale = lastReleased.getOrDefault(file, "never-held-" + id);
      int status = wopi.putFile(bytes("stale write by " + id), "X-WOPI-Lock", stale).statusCode();
      if (status != 409) {
        violation("PutFile with a stale lock id answered " + status);
      }
    }

    private String newLockId() {
      return "client-" + id + "-lock-" + counter++;
    }

    private void violation(String what) {
      cluster.violations.add("client " + id + ": " + what);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] data) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
