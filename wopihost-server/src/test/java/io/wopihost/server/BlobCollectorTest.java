package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.blob.fs.FileSystemBlobStore;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.StoredBlob;
import io.wopihost.jdbc.Database;
import io.wopihost.jdbc.JdbcCatalog;
import io.wopihost.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCollectorTest {

  private static final Duration GRACE = Duration.ofDays(1);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAt2026();
  private Database database;
  private JdbcCatalog catalog;
  private FileSystemBlobStore blobs;
  private BlobCollector collector;
  private String root;

  @BeforeEach
  void openStores() throws IOException {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("db"), Optional.empty(), Optional.empty());
    database.migrate();
    catalog = new JdbcCatalog(database.dataSource(), clock);
    blobs = new FileSystemBlobStore(dir.resolve("blobs"), clock);
    collector = new BlobCollector(catalog, blobs, clock);
    root = catalog.rootContainer("alice", Ids.newId()).id();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void collect_orphansOfEveryAge_deletesOnlyThoseOlderThanTheGrace() throws Exception {
    StoredBlob used = store(Duration.ofDays(2));
    create("a.docx", used);
    StoredBlob oldOrphan = store(Duration.ofDays(2));
    StoredBlob youngOrphan = store(Duration.ofHours(23));

    BlobCollector.Report report = collector.collect(GRACE);

    assertThat(report).isEqualTo(new BlobCollector.Report(2, 1));
    assertThat(blobs.exists(used.key())).isTrue();
    assertThat(blobs.exists(oldOrphan.key())).isFalse();
    assertThat(blobs.exists(youngOrphan.key())).isTrue();
  }

  @Test
  void collect_everyVersionOfAFile_keepsThemAll() throws Exception {
    StoredBlob first = store(Duration.ofDays(3));
    StoredBlob second = store(Duration.ofDays(2));
    FileRecord file = create("a.docx", first);
    catalog.tryCommitVersion(file.id(), 1, version(2, second)).orElseThrow();

    assertThat(collector.collect(GRACE)).isEqualTo(new BlobCollector.Report(2, 0));

    assertThat(blobs.exists(first.key())).isTrue();
    assertThat(blobs.exists(second.key())).isTrue();
  }

  @Test
  void collect_blobsOfADeletedFile_deletesThem() throws Exception {
    StoredBlob first = store(Duration.ofDays(3));
    StoredBlob second = store(Duration.ofDays(2));
    FileRecord file = create("a.docx", first);
    catalog.tryCommitVersion(file.id(), 1, version(2, second)).orElseThrow();
    catalog.deleteFile(file.id());

    assertThat(collector.collect(GRACE)).isEqualTo(new BlobCollector.Report(2, 2));

    assertThat(blobs.exists(first.key())).isFalse();
    assertThat(blobs.exists(second.key())).isFalse();
  }

  @Test
  void collect_moreBlobsThanOneBatch_decidesForEachOne() throws Exception {
    List<StoredBlob> orphans = new ArrayList<>();
    for (int i = 0; i < 520; i++) {
      orphans.add(store(Duration.ofDays(2)));
    }
    StoredBlob used = store(Duration.ofDays(2));
    create("a.docx", used);

    assertThat(collector.collect(GRACE)).isEqualTo(new BlobCollector.Report(521, 520));

    assertThat(blobs.exists(used.key())).isTrue();
    assertThat(blobs.exists(orphans.get(0).key())).isFalse();
    assertThat(blobs.exists(orphans.get(519).key())).isFalse();
  }

  @Test
  void serve_withCollectionOnStart_deletesOldOrphansInTheBackground() throws Exception {
    Path node = dir.resolve("node");
    var nodeBlobs = new FileSystemBlobStore(node.resolve("blobs"));
    Instant start = MutableClock.startingAt2026().instant();
    String oldOrphan = nodeBlobs.put(new ByteArrayInputStream(new byte[] {1}), 10).key();
    BlobFiles.setStoredAt(node.resolve("blobs"), oldOrphan, start.minus(Duration.ofDays(2)));
    String youngOrphan = nodeBlobs.put(new ByteArrayInputStream(new byte[] {2}), 10).key();
    BlobFiles.setStoredAt(node.resolve("blobs"), youngOrphan, start.minus(Duration.ofHours(1)));

    try (TestHost host = TestHost.start(node, Map.of("blob-gc-on-start", "true"))) {
      assertThat(host.host.startupCollection().get()).isEqualTo(new BlobCollector.Report(1, 1));
    }

    assertThat(nodeBlobs.exists(oldOrphan)).isFalse();
    assertThat(nodeBlobs.exists(youngOrphan)).isTrue();
  }

  private StoredBlob store(Duration age) throws IOException {
    StoredBlob blob = blobs.put(new ByteArrayInputStream(new byte[] {7}), 10);
    BlobFiles.setStoredAt(dir.resolve("blobs"), blob.key(), clock.instant().minus(age));
    return blob;
  }

  private FileRecord create(String name, StoredBlob blob) {
    return catalog.tryCreateFile(Ids.newId(), root, name, "alice", version(1, blob)).orElseThrow();
  }

  private FileVersion version(long number, StoredBlob blob) {
    return new FileVersion(
        number,
        blob.key(),
        blob.size(),
        blob.sha256(),
        clock.instant(),
        "alice",
        List.of(),
        number == 1 ? SaveKind.CREATED : SaveKind.EXPLICIT);
  }
}
