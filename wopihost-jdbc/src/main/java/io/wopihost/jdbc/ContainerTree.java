package io.wopihost.jdbc;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.spi.Catalog.ContainerDeletion;
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
