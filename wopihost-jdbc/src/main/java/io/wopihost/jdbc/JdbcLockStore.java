package io.wopihost.jdbc;

import io.wopihost.core.model.Lock;
import io.wopihost.core.spi.LockStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link LockStore} in the {@code locks} table. Each method is a single statement, so the
 * database makes it atomic against every other node sharing the table; the statements are portable
 * between SQLite (3.24 or newer) and PostgreSQL. Instants are kept at millisecond precision (finer
 * digits are dropped), and a lock counts as live while {@code expires_at > now}. Lock ids compare
 * exactly (case and every character). Lapsed rows stay until overwritten or cleared and are never
 * returned. Thread safe.
 */
public final class JdbcLockStore implements LockStore {

  private static final String LIVE = "file_id = ? AND lock_id = ? AND expires_at > ?";

  private final Transactions db;

  /**
   * @param dataSource a database migrated by {@link Database#migrate()}
   */
  public JdbcLockStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  @Override
  public Optional<Lock> current(String fileId, Instant now) {
    return db.autoCommit(
        c ->
            Sql.queryOne(
                c,
                "SELECT file_id, lock_id, expires_at FROM locks WHERE file_id = ? AND expires_at >"
                    + " ?",
                JdbcLockStore::lock,
                fileId,
                now.toEpochMilli()));
  }

  @Override
  public boolean tryAcquire(String fileId, String lockId, Instant now, Instant expiresAt) {
    // One statement: inserts, or takes over a lapsed row; a live row makes it change nothing.
    return update(
        "INSERT INTO locks (file_id, lock_id, expires_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (file_id) DO UPDATE"
            + " SET lock_id = excluded.lock_id, expires_at = excluded.expires_at"
            + " WHERE locks.expires_at <= ?",
        fileId,
        lockId,
        expiresAt.toEpochMilli(),
        now.toEpochMilli());
  }

  @Override
  public boolean tryRefresh(String fileId, String expected, Instant now, Instant expiresAt) {
    return update(
        "UPDATE locks SET expires_at = ? WHERE " + LIVE,
        expiresAt.toEpochMilli(),
        fileId,
        expected,
        now.toEpochMilli());
  }

  @Override
  public boolean tryReplace(
      String fileId, String expected, String next, Instant now, Instant expiresAt) {
    return update(
        "UPDATE locks SET lock_id = ?, expires_at = ? WHERE " + LIVE,
        next,
        expiresAt.toEpochMilli(),
        fileId,
        expected,
        now.toEpochMilli());
  }

  @Override
  public boolean tryRelease(String fileId, String expected, Instant now) {
    return update("DELETE FROM locks WHERE " + LIVE, fileId, expected, now.toEpochMilli());
  }

  @Override
  public void clear(String fileId) {
    update("DELETE FROM locks WHERE file_id = ?", fileId);
  }

  @Override
  public List<Lock> listLive(Instant now) {
    return db.autoCommit(
        c ->
            Sql.queryList(
                c,
                "SELECT file_id, lock_id, expires_at FROM locks WHERE expires_at > ?"
                    + " ORDER BY file_id",
                JdbcLockStore::lock,
                now.toEpochMilli()));
  }

  @Override
  public long countLive(Instant now) {
    return db.autoCommit(
        c ->
            Sql.queryOne(
                    c,
                    "SELECT COUNT(*) FROM locks WHERE expires_at > ?",
                    row -> row.getLong(1),
                    now.toEpochMilli())
                .orElse(0L));
  }

  private boolean update(String sql, Object... args) {
    return db.autoCommit(c -> Sql.update(c, sql, args)) == 1;
  }

  private static Lock lock(ResultSet row) throws SQLException {
    return new Lock(
        row.getString("file_id"),
        row.getString("lock_id"),
        Instant.ofEpochMilli(row.getLong("expires_at")));
  }
}
