package io.wopihost.jdbc;

import io.wopihost.core.spi.ShareLinkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A {@link ShareLinkStore} in the table {@code share_links}. Thread safe. */
public final class JdbcShareLinkStore implements ShareLinkStore {

  private static final String COLUMNS =
      "link_id, file_id, created_by, can_write, created_at, expires_at";

  private final Transactions db;

  /** @param dataSource a database migrated by {@link Database#migrate()} */
  public JdbcShareLinkStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  @Override
  public void add(ShareLink link) {
    db.autoCommit(c -> Sql.update(
        c,
        "INSERT INTO share_links (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
        link.id(),
        link.fileId(),
        link.createdBy(),
        link.canWrite() ? 1 : 0,
        Sql.toMicros(link.createdAt()),
        Sql.toMicros(link.expiresAt())));
  }

  @Override
  public Optional<ShareLink> findLive(String id, Instant now) {
    return db.autoCommit(c -> Sql.queryOne(
        c,
        "SELECT " + COLUMNS + " FROM share_links WHERE link_id = ? AND revoked = 0"
            + " AND expires_at > ?",
        JdbcShareLinkStore::link,
        id,
        Sql.toMicros(now)));
  }

  @Override
  public List<ShareLink> liveForFile(String fileId, Instant now) {
    return db.autoCommit(c -> Sql.queryList(
        c,
        "SELECT " + COLUMNS + " FROM share_links WHERE file_id = ? AND revoked = 0"
            + " AND expires_at > ? ORDER BY created_at DESC, link_id",
        JdbcShareLinkStore::link,
        fileId,
        Sql.toMicros(now)));
  }

  @Override
  public boolean tryRevoke(String id) {
    return db.autoCommit(c -> Sql.update(
            c, "UPDATE share_links SET revoked = 1 WHERE link_id = ? AND revoked = 0", id))
        == 1;
  }

  private static ShareLink link(ResultSet row) throws SQLException {
    return new ShareLink(
        row.getString("link_id"),
        row.getString("file_id"),
        row.getString("created_by"),
        row.getInt("can_write") == 1,
        Sql.fromMicros(row.getLong("created_at")),
        Sql.fromMicros(row.getLong("expires_at")));
  }
}
