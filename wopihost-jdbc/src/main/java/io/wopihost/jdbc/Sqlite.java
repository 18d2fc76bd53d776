package io.wopihost.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

/** The settings that make an SQLite file a durable database for concurrent writers. */
final class Sqlite {

  static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final String PREFIX = "jdbc:sqlite:";

  private Sqlite() {}

  static boolean isSqlite(String url) {
    return url.startsWith(PREFIX);
  }

  static void configure(String url, HikariConfig config) {
    createParentDirectory(url);
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // Hikari hands these to the driver with every new connection, which applies them on open.
    config.setDataSourceProperties(sqlite.toProperties());
  }

  /** SQLite creates a missing file but not a missing directory. */
  private static void createParentDirectory(String url) {
    String location = url.substring(PREFIX.length());
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    // In-memory databases and file: URIs are left to the driver.
    if (location.isEmpty() || location.startsWith(":") || location.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new JdbcStoreException("cannot create the database directory " + parent, e);
    }
  }
}
