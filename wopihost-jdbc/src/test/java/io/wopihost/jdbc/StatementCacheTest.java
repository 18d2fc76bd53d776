package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {

  private static final String COUNT = "SELECT COUNT(*) FROM user_info";

  @TempDir Path dir;

  private Database database;
  private final StatementCache cache = new StatementCache();

  @BeforeEach
  void open() {
    database =
        Database.open(
            "jdbc:sqlite:" + dir.resolve("wopihost.db"), Optional.empty(), Optional.empty(), 2);
    database.migrate();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void prepare_sameSqlOnTheSameConnectionAgain_reusesTheStatement() throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      PreparedStatement first = cache.prepare(c, COUNT);

      assertThat(cache.prepare(c, COUNT)).isSameAs(first);
      assertThat(cache.prepare(c, "SELECT COUNT(*) FROM locks")).isNotSameAs(first);
    }
  }

  @Test
  void prepare_connectionBorrowedAgainFromThePool_reusesTheStatement() throws Exception {
    var pool = Database.open(
        "jdbc:sqlite:" + dir.resolve("one.db"), Optional.empty(), Optional.empty(), 1);
    try (pool) {
      PreparedStatement first;
      try (Connection c = pool.dataSource().getConnection()) {
        first = cache.prepare(c, "SELECT 1");
      }
      try (Connection again = pool.dataSource().getConnection()) {
        assertThat(cache.prepare(again, "SELECT 1")).isSameAs(first);
        assertThat(first.isClosed()).isFalse();
      }
    }
  }

  @Test
  void prepare_moreTextsThanTheLimit_closesTheLeastRecentlyUsed() throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      List<PreparedStatement> statements = new ArrayList<>();
      for (int i = 0; i <= StatementCache.PER_CONNECTION; i++) {
        statements.add(cache.prepare(c, "SELECT " + i));
        // Keeps the first one recently used, so the second is the eldest.
        cache.prepare(c, "SELECT 0");
      }

      assertThat(statements.get(0).isClosed()).isFalse();
      assertThat(statements.get(1).isClosed()).isTrue();
      assertThat(statements.get(2).isClosed()).isFalse();
    }
  }

  @Test
  void discard_afterAFailure_nextPrepareCompilesAFreshStatement() throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      PreparedStatement first = cache.prepare(c, COUNT);

      cache.discard(c, COUNT, new SQLException("failed"));

      assertThat(first.isClosed()).isTrue();
      assertThat(cache.prepare(c, COUNT)).isNotSameAs(first);
    }
  }

  @Test
  void queryList_reusedStatementAfterAnotherConnectionCommits_seesTheCommit() throws Exception {
    try (Connection reader = database.dataSource().getConnection();
        Connection writer = database.dataSource().getConnection()) {
      assertThat(Sql.queryOne(reader, COUNT, row -> row.getLong(1))).contains(0L);

      Sql.update(writer, "INSERT INTO user_info (user_id, info) VALUES (?, ?)", "u", "{}");

      assertThat(Sql.queryOne(reader, COUNT, row -> row.getLong(1))).contains(1L);
    }
  }

  @Test
  void update_failingStatement_isNotReusedAndTheNextCallWorks() throws Exception {
    String insert = "INSERT INTO user_info (user_id, info) VALUES (?, ?)";
    try (Connection c = database.dataSource().getConnection()) {
      Sql.update(c, insert, "u", "{}");

      assertThatThrownBy(() -> Sql.update(c, insert, "u", "{}")).isInstanceOf(SQLException.class);

      assertThat(Sql.update(c, insert, "v", "{}")).isEqualTo(1);
    }
  }
}
