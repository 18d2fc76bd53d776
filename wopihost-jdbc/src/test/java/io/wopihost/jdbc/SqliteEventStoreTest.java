package io.wopihost.jdbc;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStoreTest extends EventStoreTests {

  @TempDir Path dir;
  private Database database;

  @Override
  protected JdbcEventStore newStore() {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("events.db"), Optional.empty(), Optional.empty());
    database.migrate();
    return new JdbcEventStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
