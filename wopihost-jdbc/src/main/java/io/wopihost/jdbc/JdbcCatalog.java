package io.wopihost.jdbc;

import io.wopihost.core.model.Activity;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.spi.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link Catalog} in the tables of {@code V1__catalog.sql} and {@code
 * V2__folders_users_activities.sql}, over plain JDBC, with the same SQL on SQLite and PostgreSQL.
 * Every method is one statement or one transaction, and none needs more than
 * PostgreSQL's default READ COMMITTED: a version commit is one compare-and-set UPDATE, and a name
 * check that a concurrent insert overtakes ends in the unique constraint, which is answered as the
 * clash it is. Instants are kept at microsecond precision (finer digits are dropped); editor ids
 * must be non-empty and free of commas. Thread safe, and safe for several nodes sharing a database.
 */
public final class JdbcCatalog implements Catalog {

  /** Well below the bind-parameter limits of SQLite (32766) and PostgreSQL (65535). */
  private static final int KEYS_PER_QUERY = 500;

  private final Transactions db;
  private final Clock clock;
  private final ContainerTree tree;

  /** A catalog whose containers are stamped with the system clock. */
  public JdbcCatalog(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  /**
   * @param dataSource a database migrated by {@link Database#migrate()}
   * @param clock stamps the creation time of containers
   */
  public JdbcCatalog(DataSource dataSource, Clock clock) {
    this.db = new Transactions(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tree = new ContainerTree(db, clock);
  }

  @Override
  public Optional<FileRecord> findFile(String fileId) {
    return db.autoCommit(c -> FileRows.find(c, "id = ?", fileId));
  }

  @Override
  public Optional<FileRecord> findFileByName(String containerId, String name) {
    return db.autoCommit(c -> findByName(c, containerId, name));
  }

  @Override
  public Optional<FileRecord> tryCreateFile(
      String fileId, String containerId, String name, String ownerId, FileVersion first) {
    FileRecord file =
        new FileRecord(
            fileId,
            containerId,
            name,
            ownerId,
            first.version(),
            first.size(),
            first.sha256(),
            first.blobKey(),
            first.createdAt().truncatedTo(ChronoUnit.MICROS));
    return db.inTransaction(
        c -> {
          if (findByName(c, containerId, name).isPresent()) {
            return Optional.empty();
          }
          FileRows.insertFile(c, file, first);
          FileRows.insertVersion(c, fileId, first);
          return Optional.of(file);
        },
        () -> findFileByName(containerId, name).map(winner -> Optional.<FileRecord>empty()));
  }

  @Override
  public Optional<FileRecord> tryCommitVersion(
      String fileId, long expectedVersion, FileVersion next) {
    if (next.version() != expectedVersion + 1) {
      throw new IllegalArgumentException(
          "version " + next.version() + " does not follow " + expectedVersion);
    }
    return db.inTransaction(
        c -> {
          int updated =
              Sql.update(
                  c,
                  "UPDATE files SET version = ?, size = ?, sha256 = ?, blob_key = ?,"
                      + " last_modified = ? WHERE id = ? AND version = ?",
                  next.version(),
                  next.size(),
                  next.sha256(),
                  next.blobKey(),
                  Sql.toMicros(next.createdAt()),
                  fileId,
                  expectedVersion);
          if (updated == 0) {
            // The compare-and-set lost before anything was written: ending the transaction
            // normally changes nothing, like a rollback.
            return Optional.empty();
          }
          FileRows.insertVersion(c, fileId, next);
          return FileRows.find(c, "id = ?", fileId);
        });
  }

  @Override
  public boolean tryRenameFile(String fileId, String newName) {
    return db.inTransaction(
        c -> {
          Optional<FileRecord> file = FileRows.find(c, "id = ?", fileId);
          if (file.isEmpty() || isTakenByOther(c, file.get(), newName)) {
            return false;
          }
          String sql = "UPDATE files SET name = ?, name_key = ? WHERE id = ?";
          return Sql.update(c, sql, newName, Sql.nameKey(newName), fileId) == 1;
        },
        () ->
            db.autoCommit(
                c -> {
                  Optional<FileRecord> file = FileRows.find(c, "id = ?", fileId);
                  return file.isPresent() && isTakenByOther(c, file.get(), newName)
                      ? Optional.of(false)
                      : Optional.empty();
                }));
  }

  @Override
  public Optional<List<String>> deleteFile(String fileId) {
    return db.inTransaction(
        c -> {
          List<String> blobKeys =
              Sql.queryList(
                  c,
                  "SELECT blob_key FROM file_versions WHERE file_id = ? ORDER BY version",
                  row -> row.getString(1),
                  fileId);
          // Explicit rather than left to ON DELETE CASCADE, which SQLite honours only with
          // foreign_keys on.
          Sql.update(c, "DELETE FROM file_versions WHERE file_id = ?", fileId);
          ActivityRows.deleteAll(c, fileId);
          boolean deleted = Sql.update(c, "DELETE FROM files WHERE id = ?", fileId) == 1;
          return deleted ? Optional.of(blobKeys) : Optional.empty();
        });
  }

  @Override
  public List<FileVersion> versions(String fileId) {
    return db.autoCommit(c -> FileRows.versions(c, fileId));
  }

  /** {@inheritDoc} Asked in batches, each one indexed query on {@code file_versions}. */
  @Override
  public Set<String> referencedBlobKeys(Collection<String> blobKeys) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(blobKeys));
    Set<String> referenced = new HashSet<>();
    for (int from = 0; from < distinct.size(); from += KEYS_PER_QUERY) {
      List<String> batch = distinct.subList(from, Math.min(from + KEYS_PER_QUERY, distinct.size()));
      String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
      referenced.addAll(
          db.autoCommit(
              c ->
                  Sql.queryList(
                      c,
                      "SELECT DISTINCT blob_key FROM file_versions WHERE blob_key IN ("
                          + marks
                          + ")",
                      row -> row.getString(1),
                      batch.toArray())));
    }
    return referenced;
  }

  @Override
  public Optional<ContainerRecord> findContainer(String containerId) {
    return db.autoCommit(c -> ContainerRows.find(c, containerId));
  }

  /** {@inheritDoc} A root container is named after its owner. */
  @Override
  public ContainerRecord rootContainer(String ownerId, String newId) {
    Optional<ContainerRecord> existing = db.autoCommit(c -> ContainerRows.findRoot(c, ownerId));
    if (existing.isPresent()) {
      return existing.get();
    }
    return db.inTransaction(
        c -> {
          Optional<ContainerRecord> root = ContainerRows.findRoot(c, ownerId);
          if (root.isPresent()) {
            return root.get();
          }
          ContainerRecord created = new ContainerRecord(newId, null, ownerId, ownerId);
          ContainerRows.insert(c, created, clock.instant());
          return created;
        },
        () -> db.autoCommit(c -> ContainerRows.findRoot(c, ownerId)));
  }

  @Override
  public Optional<ContainerRecord> tryCreateContainer(
      String containerId, String parentId, String name) {
    return tree.tryCreate(containerId, parentId, name);
  }

  @Override
  public boolean tryRenameContainer(String containerId, String newName) {
    return tree.tryRename(containerId, newName);
  }

  @Override
  public Move tryMoveFile(String fileId, String targetContainerId) {
    return db.inTransaction(
        c -> {
          Optional<FileRecord> file = FileRows.find(c, "id = ?", fileId);
          List<ContainerRecord> targetLine = ContainerTree.line(c, targetContainerId);
          if (file.isEmpty() || targetLine.isEmpty()) {
            return Move.NOT_FOUND;
          }
          List<ContainerRecord> fileLine = ContainerTree.line(c, file.get().containerId());
          if (fileLine.isEmpty() || !fileLine.get(0).id().equals(targetLine.get(0).id())) {
            return Move.OTHER_TREE;
          }
          if (file.get().containerId().equals(targetContainerId)) {
            return Move.MOVED;
          }
          if (findByName(c, targetContainerId, file.get().name()).isPresent()) {
            return Move.NAME_TAKEN;
          }
          Sql.update(
              c, "UPDATE files SET container_id = ? WHERE id = ?", targetContainerId, fileId);
          return Move.MOVED;
        },
        () ->
            db.autoCommit(
                c -> {
                  Optional<FileRecord> file = FileRows.find(c, "id = ?", fileId);
                  return file.isPresent()
                          && findByName(c, targetContainerId, file.get().name()).isPresent()
                      ? Optional.of(Move.NAME_TAKEN)
                      : Optional.empty();
                }));
  }

  @Override
  public Move tryMoveContainer(String containerId, String targetContainerId) {
    return tree.move(containerId, targetContainerId);
  }

  @Override
  public ContainerDeletion deleteContainer(String containerId) {
    return tree.delete(containerId);
  }

  @Override
  public List<ContainerRecord> ancestry(String containerId, int maxLength) {
    return tree.ancestry(containerId, maxLength);
  }

  @Override
  public List<ContainerRecord> childContainers(String containerId) {
    return db.autoCommit(c -> ContainerRows.children(c, containerId));
  }

  @Override
  public List<FileRecord> childFiles(String containerId) {
    return db.autoCommit(c -> FileRows.inContainer(c, containerId));
  }

  @Override
  public void addActivities(String fileId, List<Activity> activities) {
    db.inTransaction(
        c -> {
          ActivityRows.insert(c, fileId, activities);
          return null;
        });
  }

  @Override
  public List<Activity> activities(String fileId) {
    return db.autoCommit(c -> ActivityRows.list(c, fileId));
  }

  @Override
  public Optional<String> userInfo(String userId) {
    return db.autoCommit(
        c ->
            Sql.queryOne(
                c,
                "SELECT info FROM user_info WHERE user_id = ?",
                row -> row.getString(1),
                userId));
  }

  @Override
  public void putUserInfo(String userId, String userInfo) {
    Objects.requireNonNull(userInfo, "userInfo");
    db.autoCommit(
        c ->
            Sql.update(
                c,
                "INSERT INTO user_info (user_id, info) VALUES (?, ?)"
                    + " ON CONFLICT (user_id) DO UPDATE SET info = excluded.info",
                userId,
                userInfo));
  }

  private static Optional<FileRecord> findByName(Connection c, String containerId, String name)
      throws SQLException {
    return FileRows.find(c, "container_id = ? AND name_key = ?", containerId, Sql.nameKey(name));
  }

  private static boolean isTakenByOther(Connection c, FileRecord file, String name)
      throws SQLException {
    return findByName(c, file.containerId(), name)
        .filter(o -> !o.id().equals(file.id()))
        .isPresent();
  }
}
