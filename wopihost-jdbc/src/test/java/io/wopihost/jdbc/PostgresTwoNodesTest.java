package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.Lock;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.testkit.MutableClock;
import io.wopihost.testkit.PostgresServer;
import io.wopihost.testkit.Race;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL schema, each with its own connection pool, racing for the same rows
 * at PostgreSQL's default isolation, READ COMMITTED.
 */
class PostgresTwoNodesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(30));
  private static final int CONTESTANTS = 16;
  private static final int ROUNDS = 8;

  private static PostgresServer.Schema schema;
  private static Database nodeA;
  private static Database nodeB;

  private List<LockStore> locks;
  private List<Catalog> catalogs;
  private String root;

  @BeforeAll
  static void openTwoPools() {
    schema = PostgresServer.get().newSchema();
    nodeA = Database.open(schema.url(), Optional.of(schema.user()), Optional.empty());
    nodeB = Database.open(schema.url(), Optional.of(schema.user()), Optional.empty());
    nodeA.migrate();
  }

  @AfterAll
  static void dropSchema() {
    nodeA.close();
    nodeB.close();
    schema.close();
  }

  @BeforeEach
  void emptyTables() {
    schema.truncateTables();
    locks = List.of(new JdbcLockStore(nodeA.dataSource()), new JdbcLockStore(nodeB.dataSource()));
    MutableClock clock = MutableClock.startingAt2026();
    catalogs =
        List.of(
            new JdbcCatalog(nodeA.dataSource(), clock), new JdbcCatalog(nodeB.dataSource(), clock));
    root = catalogs.get(0).rootContainer("alice", Ids.newId()).id();
  }

  @Test
  void tryAcquire_contestantsOnTwoNodes_exactlyOneWinsEachFile() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String file = "file-" + round;

      List<Boolean> won =
          Race.run(CONTESTANTS, i -> () -> locks.get(i % 2).tryAcquire(file, "L" + i, NOW, EXPIRY));

      assertThat(won).containsOnlyOnce(true);
      assertThat(locks.get(1).current(file, NOW).map(Lock::lockId))
          .contains("L" + won.indexOf(true));
    }
  }

  @Test
  void tryReplace_contestantsOnTwoNodes_exactlyOneReplacesTheLock() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String file = "file-" + round;
      locks.get(0).tryAcquire(file, "old", NOW, EXPIRY);

      List<Boolean> won =
          Race.run(
              CONTESTANTS,
              i -> () -> locks.get(i % 2).tryReplace(file, "old", "new-" + i, NOW, EXPIRY));

      assertThat(won).containsOnlyOnce(true);
      assertThat(locks.get(0).current(file, NOW).map(Lock::lockId))
          .contains("new-" + won.indexOf(true));
    }
  }

  @Test
  void tryCommitVersion_contestantsOnTwoNodesFromOneVersion_exactlyOneCommits() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      FileRecord file = create(catalogs.get(0), "f" + round + ".docx").orElseThrow();

      List<Optional<FileRecord>> results =
          Race.run(
              CONTESTANTS,
              i -> () -> catalogs.get(i % 2).tryCommitVersion(file.id(), 1, version(2, "b" + i)));

      List<FileRecord> winners = results.stream().flatMap(Optional::stream).toList();
      assertThat(winners).hasSize(1);
      assertThat(catalogs.get(1).versions(file.id()))
          .extracting(FileVersion::blobKey)
          .containsExactly(winners.get(0).blobKey(), "first");
      assertThat(catalogs.get(0).findFile(file.id())).contains(winners.get(0));
    }
  }

  @Test
  void tryCreateFile_contestantsOnTwoNodesForOneName_exactlyOneCreates() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String name = "Race-" + round + ".txt";

      List<Optional<FileRecord>> results =
          Race.run(
              CONTESTANTS,
              i -> () -> create(catalogs.get(i % 2), i % 3 == 0 ? name.toUpperCase() : name));

      List<FileRecord> winners = results.stream().flatMap(Optional::stream).toList();
      assertThat(winners).hasSize(1);
      assertThat(catalogs.get(1).findFileByName(root, name)).contains(winners.get(0));
    }
  }

  @Test
  void tryCreateFile_insertOvertakenByAnotherNodesCommit_answersTheClashAsEmpty() throws Exception {
    Overtaken<Optional<FileRecord>> run =
        overtakenBy("Clash.txt", () -> create(catalogs.get(0), "CLASH.TXT"));

    assertThat(run.waitedForTheOtherNode()).isTrue();
    assertThat(run.result()).isEmpty();
    assertThat(catalogs.get(0).findFileByName(root, "clash.txt").map(FileRecord::id))
        .contains(run.otherFileId());
  }

  @Test
  void tryRenameFile_renameOvertakenByAnotherNodesCommit_answersFalse() throws Exception {
    FileRecord file = create(catalogs.get(0), "a.txt").orElseThrow();

    Overtaken<Boolean> run =
        overtakenBy("Taken.txt", () -> catalogs.get(0).tryRenameFile(file.id(), "TAKEN.txt"));

    assertThat(run.waitedForTheOtherNode()).isTrue();
    assertThat(run.result()).isFalse();
    assertThat(catalogs.get(1).findFile(file.id()).map(FileRecord::name)).contains("a.txt");
  }

  /** What {@link #overtakenBy} saw. */
  private record Overtaken<T>(T result, boolean waitedForTheOtherNode, String otherFileId) {}

  /**
   * Runs {@code call} while node B holds an uncommitted insert of a file named {@code name}, and
   * commits that insert only once the call is blocked on it: the call's own name check has then
   * passed (READ COMMITTED does not see the insert), so its write must run into the unique
   * constraint, the path that a race hits only by chance.
   */
  private <T> Overtaken<T> overtakenBy(String name, Callable<T> call) throws Exception {
    String otherId = Ids.newId();
    try (Connection other = nodeB.dataSource().getConnection();
        ExecutorService thread = Executors.newSingleThreadExecutor()) {
      other.setAutoCommit(false);
      FileVersion first = version(1, "other");
      FileRecord file =
          new FileRecord(otherId, root, name, "alice", 1, 10, first.sha256(), "other", NOW);
      FileRows.insertFile(other, file, first);
      int otherPid = backendPid(other);

      Future<T> result = thread.submit(call);
      boolean waited = false;
      while (!result.isDone() && !waited) {
        waited = isBlockedBy(otherPid);
      }
      other.commit();
      return new Overtaken<>(result.get(60, TimeUnit.SECONDS), waited, otherId);
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_backend_pid()");
        ResultSet row = s.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  /** Whether some session waits for a lock that the backend {@code pid} holds. */
  private static boolean isBlockedBy(int pid) throws SQLException {
    try (Connection c = nodeA.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
      s.setInt(1, pid);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getInt(1) > 0;
      }
    }
  }

  private Optional<FileRecord> create(Catalog catalog, String name) {
    return catalog.tryCreateFile(Ids.newId(), root, name, "alice", version(1, "first"));
  }

  private static FileVersion version(long number, String blobKey) {
    return new FileVersion(
        number,
        blobKey,
        10,
        "sha-" + blobKey,
        NOW,
        "alice",
        List.of(),
        number == 1 ? SaveKind.CREATED : SaveKind.EXPLICIT);
  }
}
