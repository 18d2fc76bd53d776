package io.wopihost.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Whether the database answers, for a readiness check: on a connection of its own, not one from
 * the pool, so that a busy pool neither delays the answer nor makes every node look down at once,
 * and a database that went away is noticed at once instead of after the pool's wait. It never
 * creates an SQLite file that is missing. Thread safe.
 */
public final class DatabaseProbe {

  private final String url;
  private final Properties properties;

  /**
   * @param url the JDBC URL the pool uses
   * @param timeout how long connecting and the query may take
   */
  public DatabaseProbe(
      String url, Optional<String> user, Optional<String> password, Duration timeout) {
    this.url = url;
    this.properties = new Properties();
    int seconds = (int) Math.max(1, timeout.toSeconds());
    if (Sqlite.isSqlite(url)) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.resetOpenMode(SQLiteOpenMode.CREATE);
      sqlite.setBusyTimeout((int) timeout.toMillis());
      properties.putAll(sqlite.toProperties());
    } else {
      properties.setProperty("connectTimeout", String.valueOf(seconds));
      properties.setProperty("loginTimeout", String.valueOf(seconds));
      properties.setProperty("socketTimeout", String.valueOf(seconds));
    }
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
  }

  /**
   * Connects and reads the schema's {@code locks} table, which proves the database is there and
   * migrated.
   *
   * @throws SQLException when it cannot; the message says why, without the URL (it may carry a
   *     password)
   */
  public void check() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, properties);
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM locks WHERE 1 = 0").close();
    }
  }
}
