package io.wopihost.jdbc;

import io.wopihost.core.spi.CodeStore;
import io.wopihost.testkit.CodeStoreContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteCodeStoreTest extends CodeStoreContract {

  @TempDir Path dir;
  private Database database;

  @Override
  protected CodeStore newStore() {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("codes.db"), Optional.empty(), Optional.empty());
    database.migrate();
    return new JdbcCodeStore(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
