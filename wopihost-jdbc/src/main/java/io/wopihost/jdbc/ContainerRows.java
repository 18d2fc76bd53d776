package io.wopihost.jdbc;

import io.wopihost.core.model.ContainerRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** How containers map to rows of {@code containers}. */
final class ContainerRows {

  private static final String COLUMNS = "id, parent_id, owner_id, name";

  private ContainerRows() {}

  static Optional<ContainerRecord> find(Connection connection, String containerId)
      throws SQLException {
    return select(connection, "id = ?", containerId);
  }

  static Optional<ContainerRecord> findRoot(Connection connection, String ownerId)
      throws SQLException {
    return select(connection, "owner_id = ? AND parent_id IS NULL", ownerId);
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
