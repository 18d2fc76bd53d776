package io.wopihost.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The catalog and lock database: a connection pool on a JDBC URL, and the schema migrations in
 * {@code db/migration} on the class path. SQLite ({@code jdbc:sqlite:FILE}) is set up for
 * durability and for concurrent writers (see {@link #open}); other URLs are used as given. Close it
 * to close the pool. Thread safe.
 */
public final class Database implements AutoCloseable {

  /** The pool size for SQLite, which has one writer at a time and readers beside it. */
  public static final int SQLITE_POOL_SIZE = 4;

  /** The pool size for a database server. */
  public static final int SERVER_POOL_SIZE = 10;

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens a pool of {@link #SQLITE_POOL_SIZE} connections for SQLite, else {@link
   * #SERVER_POOL_SIZE}.
   *
   * @see #open(String, Optional, Optional, int)
   */
  public static Database open(String url, Optional<String> user, Optional<String> password) {
    return open(url, user, password, Sqlite.isSqlite(url) ? SQLITE_POOL_SIZE : SERVER_POOL_SIZE);
  }

  /**
   * Opens a connection pool; the schema is not touched until {@link #migrate()}. For SQLite the
   * parent directory of the file is created if missing, and every connection has {@code
   * journal_mode=WAL}, {@code synchronous=FULL} (a commit that returned survives power loss),
   * {@code foreign_keys=ON}, a 10 s {@code busy_timeout}, and transactions that begin IMMEDIATE, so
   * that a second writer waits for the first instead of failing with SQLITE_BUSY.
   *
   * @param url a JDBC URL; for SQLite {@code jdbc:sqlite:} and a file path
   * @param user empty for SQLite
   * @param password empty for SQLite
   * @param maxPoolSize the most connections open at once
   * @throws JdbcStoreException when the database cannot be reached
   */
  public static Database open(
      String url, Optional<String> user, Optional<String> password, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("wopihost-db");
    config.setJdbcUrl(url);
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(maxPoolSize);
    if (Sqlite.isSqlite(url)) {
      Sqlite.configure(url, config);
    }
    try {
      return new Database(new HikariDataSource(config));
    } catch (RuntimeException e) {
      // The URL stays out of the message: a PostgreSQL URL may carry a password.
      throw new JdbcStoreException("cannot open the database: " + e.getMessage(), e);
    }
  }

  /**
   * Brings the schema up to date; does nothing when it already is.
   *
   * @return how many migrations ran
   * @throws JdbcStoreException when a migration fails
   */
  public int migrate() {
    try {
      return Flyway.configure(Database.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (FlywayException e) {
      throw new JdbcStoreException("database migration failed: " + e.getMessage(), e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
