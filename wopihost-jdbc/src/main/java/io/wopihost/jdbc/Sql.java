package io.wopihost.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prepared-statement plumbing, and the stored forms of values: instants as epoch microseconds,
 * names as keys that make them unique regardless of case.
 */
final class Sql {

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  // Process-wide, like the connections it is keyed by: every pool's statements are reused.
  private static final StatementCache STATEMENTS = new StatementCache();

  private Sql() {}

  static int update(Connection connection, String sql, Object... args) throws SQLException {
    try {
      return prepare(connection, sql, args).executeUpdate();
    } catch (SQLException e) {
      STATEMENTS.discard(connection, sql, e);
      throw e;
    }
  }

  static <T> Optional<T> queryOne(
      Connection connection, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    List<T> rows = queryList(connection, sql, mapper, args);
    if (rows.size() > 1) {
      throw new SQLException("expected at most one row, got " + rows.size() + " for: " + sql);
    }
    return rows.stream().findFirst();
  }

  static <T> List<T> queryList(
      Connection connection, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    try (ResultSet rows = prepare(connection, sql, args).executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      STATEMENTS.discard(connection, sql, e);
      throw e;
    }
  }

  static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Finer digits than microseconds are dropped. */
  static long toMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** A cached statement with every parameter bound; failures are discarded by the callers. */
  private static PreparedStatement prepare(Connection connection, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = STATEMENTS.prepare(connection, sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
