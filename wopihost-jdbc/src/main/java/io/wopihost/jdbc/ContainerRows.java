package io.wopihost.jdbc;

import io.wopihost.core.model.ContainerRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** How containers map to rows of {@code containers}. */
final class ContainerRows {

  private static final String COLUMNS = "id, parent_id, owner_id, name";

  // Follows parent_id upwards; the depth bound also stops a cycle, should one ever be stored.
  private static final String ANCESTRY =
      "WITH RECURSIVE chain (id, parent_id, owner_id, name, depth) AS ("
          + " SELECT id, parent_id, owner_id, name, 1 FROM containers WHERE id = ?"
          + " UNION ALL"
          + " SELECT c.id, c.parent_id, c.owner_id, c.name, chain.depth + 1"
          + " FROM containers c JOIN chain ON c.id = chain.parent_id WHERE chain.depth < ?)"
          + " SELECT id, parent_id, owner_id, name FROM chain ORDER BY depth DESC";

  private ContainerRows() {}

  static Optional<ContainerRecord> find(Connection connection, String containerId)
      throws SQLException {
    return select(connection, "id = ?", containerId);
  }

  static Optional<ContainerRecord> findRoot(Connection connection, String ownerId)
      throws SQLException {
    return select(connection, "owner_id = ? AND parent_id IS NULL", ownerId);
  }

  /** The child of {@code parentId} named {@code name}, compared case-insensitively. */
  static Optional<ContainerRecord> findChild(Connection connection, String parentId, String name)
      throws SQLException {
    return Sql.queryOne(
        connection,
        "SELECT " + COLUMNS + " FROM containers WHERE parent_id = ? AND name_key = ?",
        ContainerRows::container,
        parentId,
        Sql.nameKey(name));
  }

  /**
   * By name key, sorted here rather than by the database, whose collation differs between
   * SQLite and PostgreSQL.
   */
  static List<ContainerRecord> children(Connection connection, String parentId)
      throws SQLException {
    List<ContainerRecord> children =
        Sql.queryList(
            connection,
            "SELECT " + COLUMNS + " FROM containers WHERE parent_id = ?",
            ContainerRows::container,
            parentId);
    return children.stream()
        .sorted(Comparator.comparing((ContainerRecord c) -> Sql.nameKey(c.name()))
            .thenComparing(ContainerRecord::id))
        .toList();
  }

  static List<ContainerRecord> ancestry(Connection connection, String containerId, int maxLength)
      throws SQLException {
    return Sql.queryList(connection, ANCESTRY, ContainerRows::container, containerId, maxLength);
  }

  static boolean hasChildren(Connection connection, String containerId) throws SQLException {
    return !Sql.queryList(
                connection,
                "SELECT id FROM files WHERE container_id = ? LIMIT 1",
                row -> row.getString(1),
                containerId)
            .isEmpty()
        || !Sql.queryList(
                connection,
                "SELECT id FROM containers WHERE parent_id = ? LIMIT 1",
                row -> row.getString(1),
                containerId)
            .isEmpty();
  }

  static void insert(Connection connection, ContainerRecord container, Instant createdAt)
      throws SQLException {
    Sql.update(
        connection,
        "INSERT INTO containers (" + COLUMNS + ", name_key, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        container.id(),
        container.parentId(),
        container.ownerId(),
        container.name(),
        Sql.nameKey(container.name()),
        Sql.toMicros(createdAt));
  }

  static boolean rename(Connection connection, String containerId, String newName)
      throws SQLException {
    return Sql.update(
            connection,
            "UPDATE containers SET name = ?, name_key = ? WHERE id = ?",
            newName,
            Sql.nameKey(newName),
            containerId)
        == 1;
  }

  static boolean delete(Connection connection, String containerId) throws SQLException {
    return Sql.update(connection, "DELETE FROM containers WHERE id = ?", containerId) == 1;
  }

  private static Optional<ContainerRecord> select(Connection connection, String where, String arg)
      throws SQLException {
    return Sql.queryOne(
        connection,
        "SELECT " + COLUMNS + " FROM containers WHERE " + where,
        ContainerRows::container,
        arg);
  }

  private static ContainerRecord container(ResultSet row) throws SQLException {
    return new ContainerRecord(
        row.getString("id"),
        row.getString("parent_id"),
        row.getString("owner_id"),
        row.getString("name"));
  }
}
