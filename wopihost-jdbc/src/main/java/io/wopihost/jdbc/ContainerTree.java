package io.wopihost.jdbc;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.spi.Catalog.ContainerDeletion;
import io.wopihost.core.spi.Catalog.Move;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The changes to the container tree, each one transaction. A name check or an emptiness check
 * that a concurrent writer overtakes (possible on PostgreSQL at READ COMMITTED) ends in the unique
 * constraint on names or in a foreign key, and is answered as the clash it is.
 */
final class ContainerTree {

  // Deeper than any real tree: a move checks the whole line above its target.
  private static final int MAX_DEPTH = 100_000;

  private final Transactions db;
  private final Clock clock;

  ContainerTree(Transactions db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Optional<ContainerRecord> tryCreate(String containerId, String parentId, String name) {
    return db.inTransaction(
        c -> {
          Optional<ContainerRecord> parent = ContainerRows.find(c, parentId);
          if (parent.isEmpty() || ContainerRows.findChild(c, parentId, name).isPresent()) {
            return Optional.empty();
          }
          var created = new ContainerRecord(containerId, parentId, parent.get().ownerId(), name);
          ContainerRows.insert(c, created, clock.instant());
          return Optional.of(created);
        },
        () ->
            db.autoCommit(
                c ->
                    ContainerRows.find(c, parentId).isEmpty()
                            || ContainerRows.findChild(c, parentId, name).isPresent()
                        ? Optional.of(Optional.<ContainerRecord>empty())
                        : Optional.empty()));
  }

  boolean tryRename(String containerId, String newName) {
    return db.inTransaction(
        c -> {
          Optional<ContainerRecord> container = ContainerRows.find(c, containerId);
          if (container.isEmpty() || isTakenByOther(c, container.get(), newName)) {
            return false;
          }
          return ContainerRows.rename(c, containerId, newName);
        },
        () ->
            db.autoCommit(
                c -> {
                  Optional<ContainerRecord> container = ContainerRows.find(c, containerId);
                  return container.isPresent() && isTakenByOther(c, container.get(), newName)
                      ? Optional.of(false)
                      : Optional.empty();
                }));
  }

  /**
   * Moves a container after locking its tree's root row (an update that changes nothing): two
   * moves in one tree wait for each other on PostgreSQL, so each sees the other's result before
   * it checks for a cycle; SQLite's write transactions are serial anyway.
   */
  Move move(String containerId, String targetId) {
    return db.inTransaction(
        c -> {
          Optional<ContainerRecord> moved = ContainerRows.find(c, containerId);
          List<ContainerRecord> targetLine = line(c, targetId);
          if (moved.isEmpty() || targetLine.isEmpty()) {
            return Move.NOT_FOUND;
          }
          if (moved.get().isRoot()) {
            return Move.ROOT;
          }
          String root = targetLine.get(0).id();
          Sql.update(c, "UPDATE containers SET name = name WHERE id = ?", root);
          targetLine = line(c, targetId);
          List<ContainerRecord> movedLine = line(c, containerId);
          if (movedLine.isEmpty() || targetLine.isEmpty()) {
            return Move.NOT_FOUND;
          }
          if (!movedLine.get(0).id().equals(root)) {
            return Move.OTHER_TREE;
          }
          if (targetLine.stream().anyMatch(a -> a.id().equals(containerId))) {
            return Move.CYCLE;
          }
          if (targetId.equals(moved.get().parentId())) {
            return Move.MOVED;
          }
          if (ContainerRows.findChild(c, targetId, moved.get().name()).isPresent()) {
            return Move.NAME_TAKEN;
          }
          Sql.update(c, "UPDATE containers SET parent_id = ? WHERE id = ?", targetId, containerId);
          return Move.MOVED;
        },
        () ->
            db.autoCommit(
                c -> {
                  Optional<ContainerRecord> moved = ContainerRows.find(c, containerId);
                  return moved.isPresent()
                          && ContainerRows.findChild(c, targetId, moved.get().name()).isPresent()
                      ? Optional.of(Move.NAME_TAKEN)
                      : Optional.empty();
                }));
  }

  /** The container and all above it, root first; empty when it does not exist. */
  static List<ContainerRecord> line(Connection c, String containerId) throws SQLException {
    return ContainerRows.ancestry(c, containerId, MAX_DEPTH);
  }

  ContainerDeletion delete(String containerId) {
    return db.inTransaction(
        c -> {
          if (ContainerRows.find(c, containerId).isEmpty()) {
            return ContainerDeletion.NOT_FOUND;
          }
          if (ContainerRows.hasChildren(c, containerId)) {
            return ContainerDeletion.NOT_EMPTY;
          }
          return ContainerRows.delete(c, containerId)
              ? ContainerDeletion.DELETED
              : ContainerDeletion.NOT_FOUND;
        },
        () ->
            db.autoCommit(
                c ->
                    ContainerRows.hasChildren(c, containerId)
                        ? Optional.of(ContainerDeletion.NOT_EMPTY)
                        : Optional.empty()));
  }

  List<ContainerRecord> ancestry(String containerId, int maxLength) {
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength must be positive, was " + maxLength);
    }
    return db.autoCommit(c -> ContainerRows.ancestry(c, containerId, maxLength));
  }

  /** A root has no siblings: roots of different owners may share a name. */
  private static boolean isTakenByOther(Connection c, ContainerRecord container, String name)
      throws SQLException {
    if (container.isRoot()) {
      return false;
    }
    return ContainerRows.findChild(c, container.parentId(), name)
        .filter(other -> !other.id().equals(container.id()))
        .isPresent();
  }
}
