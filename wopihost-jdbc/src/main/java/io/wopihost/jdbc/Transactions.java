package io.wopihost.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Runs JDBC work on a pooled connection, as one statement or as one transaction. */
final class Transactions {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs work that is a single statement, which the database makes atomic by itself. */
  <T> T autoCommit(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcStoreException("database call failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs work in one transaction: committed when the work returns, rolled back when it throws. On
   * SQLite the transaction starts with BEGIN IMMEDIATE (see {@link Database}), so it holds the
   * write lock from its first statement and a concurrent writer waits rather than deadlocks.
   */
  <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(connection);
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
      // Commits (JDBC: switching auto-commit on ends the transaction with a commit). Not
      // commit(): sqlite-jdbc's commit() at once begins the next transaction, and BEGIN IMMEDIATE
      // would take the write lock again for nothing, making other writers wait.
      connection.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      throw new JdbcStoreException("database transaction failed: " + e.getMessage(), e);
    }
  }

  /**
   * Like {@link #inTransaction(Work)}, for work that checks for a clash before it writes: should a
   * concurrent writer create the clashing row between check and write (possible on PostgreSQL at
   * READ COMMITTED), the write breaks a constraint, and the answer is then what {@code afterClash}
   * returns, having read the winner's row. It returns empty when it finds no such row, and the
   * failure is thrown: no driver's error classification alone is trusted.
   */
  <T> T inTransaction(Work<T> work, Supplier<Optional<T>> afterClash) {
    try {
      return inTransaction(work);
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException cause && isConstraintViolation(cause)) {
        Optional<T> answer = afterClash.get();
        if (answer.isPresent()) {
          return answer.get();
        }
      }
      throw e;
    }
  }

  private static boolean isConstraintViolation(SQLException cause) {
    if (cause instanceof SQLIntegrityConstraintViolationException) {
      return true;
    }
    // SQLState class 23 is the SQL standard's integrity constraint violation (PostgreSQL sets
    // it); sqlite-jdbc sets no SQLState, only its result code, possibly an extended one.
    String state = cause.getSQLState();
    if (state != null && state.startsWith("23")) {
      return true;
    }
    return cause instanceof SQLiteException sqlite
        && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
