package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path dir;

  @Test
  void open_fileInMissingDirectories_createsThem() {
    Path file = dir.resolve("a/b/wopihost.db");

    try (Database database = open(file)) {
      database.migrate();
    }

    assertThat(file).isRegularFile();
  }

  @Test
  void open_directoryCannotBeCreated_throwsJdbcStoreException() throws Exception {
    Path blocker = Files.createFile(dir.resolve("blocker"));

    assertThatThrownBy(() -> open(blocker.resolve("sub/wopihost.db")))
        .isInstanceOf(JdbcStoreException.class);
  }

  @Test
  void migrate_runTwice_secondRunIsANoOp() throws Exception {
    try (Database database = open(dir.resolve("wopihost.db"))) {
      assertThat(database.migrate()).isPositive();
      assertThat(database.migrate()).isZero();

      assertThat(query(database, "SELECT COUNT(*) FROM files")).isEqualTo("0");
    }
    try (Database reopened = open(dir.resolve("wopihost.db"))) {
      assertThat(reopened.migrate()).isZero();
    }
  }

  @Test
  void connections_everyOneHasTheDurabilityAndConcurrencySettings() throws Exception {
    try (Database database = open(dir.resolve("wopihost.db"));
        Connection first = database.dataSource().getConnection();
        Connection second = database.dataSource().getConnection()) {
      for (Connection c : new Connection[] {first, second}) {
        assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
        assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(c, "busy_timeout")).isEqualTo("10000");
      }
    }
  }

  @Test
  void transaction_onceBegun_holdsTheWriteLockBeforeItsFirstStatement() throws Exception {
    Path file = dir.resolve("wopihost.db");
    try (Database database = open(file);
        Connection pooled = database.dataSource().getConnection();
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      database.migrate();
      execute(other, "PRAGMA busy_timeout = 0");
      pooled.setAutoCommit(false);

      // With a deferred BEGIN nothing would be locked yet; IMMEDIATE already holds the write lock.
      assertThatThrownBy(() -> execute(other, "BEGIN IMMEDIATE"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("SQLITE_BUSY");

      pooled.setAutoCommit(true);
      execute(other, "BEGIN IMMEDIATE");
      execute(other, "ROLLBACK");
    }
  }

  private static Database open(Path file) {
    return Database.open("jdbc:sqlite:" + file, Optional.empty(), Optional.empty());
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet row = s.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  private static String query(Database database, String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
