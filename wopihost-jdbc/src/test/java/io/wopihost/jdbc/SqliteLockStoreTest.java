package io.wopihost.jdbc;

import io.wopihost.core.spi.LockStore;
import io.wopihost.testkit.LockStoreContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteLockStoreTest extends LockStoreContract {

  @TempDir Path dir;
  private Database database;

  @Override
  protected LockStore newStore() {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("locks.db"), Optional.empty(), Optional.empty());
    database.migrate();
    return new JdbcLockStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
