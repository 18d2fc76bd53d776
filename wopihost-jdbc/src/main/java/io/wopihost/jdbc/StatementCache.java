package io.wopihost.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept open on each physical connection and reused, so that a statement is
 * compiled once per connection instead of on every call: sqlite-jdbc compiles the SQL
 * (sqlite3_prepare) on every {@code prepareStatement}, and reusing statements cut CheckFileInfo's
 * CPU time by about 30% (docs/BENCHMARKS.md). PostgreSQL's driver gains as well: it prepares a
 * statement it sees reused on the server once.
 *
 * <p>Statements are prepared on the pool's underlying connection, which outlives each borrowing;
 * the pool never tracks them, and closing the connection closes them. A pooled connection serves
 * one thread at a time, so each connection's statements do too. At most {@link #PER_CONNECTION}
 * statements are kept per connection, the least recently used closed first (queries with IN lists
 * of varying length make texts that are seldom reused). Thread safe.
 */
final class StatementCache {

  static final int PER_CONNECTION = 64;

  private final Map<Connection, Map<String, PreparedStatement>> byConnection =
      new ConcurrentHashMap<>();

  /**
   * A prepared statement for {@code sql} on the connection under {@code pooled}. The caller must
   * not close it, must close every result set it opens (which resets the statement) before it
   * prepares the same SQL again, and must hand it to {@link #discard} if using it fails.
   */
  PreparedStatement prepare(Connection pooled, String sql) throws SQLException {
    Connection physical = pooled.unwrap(Connection.class);
    Map<String, PreparedStatement> statements = byConnection.get(physical);
    if (statements == null) {
      // A new connection: the pool may have retired others since the last one came.
      byConnection.keySet().removeIf(StatementCache::isClosed);
      statements = new LeastRecentlyUsed();
      byConnection.put(physical, statements);
    }
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = physical.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Closes a statement whose use failed, so that the next call prepares it afresh. */
  void discard(Connection pooled, String sql, SQLException failure) {
    try {
      Map<String, PreparedStatement> statements =
          byConnection.get(pooled.unwrap(Connection.class));
      PreparedStatement statement = statements == null ? null : statements.remove(sql);
      if (statement != null) {
        statement.close();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static final class LeastRecentlyUsed extends LinkedHashMap<String, PreparedStatement> {
    private static final long serialVersionUID = 1L;

    LeastRecentlyUsed() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= PER_CONNECTION) {
        return false;
      }
      try {
        eldest.getValue().close();
      } catch (SQLException e) {
        // Closing frees native memory only; a statement that cannot close is dropped all the same.
      }
      return true;
    }
  }
}
