package io.wopihost.jdbc;

import io.wopihost.core.spi.UserDirectory;
import io.wopihost.testkit.MutableClock;
import io.wopihost.testkit.UserDirectoryContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteUserDirectoryTest extends UserDirectoryContract {

  @TempDir Path dir;
  private Database database;

  @Override
  protected UserDirectory newDirectory() {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("users.db"), Optional.empty(), Optional.empty());
    database.migrate();
    return new JdbcUserDirectory(database.dataSource(), MutableClock.startingAt2026(), 4);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
