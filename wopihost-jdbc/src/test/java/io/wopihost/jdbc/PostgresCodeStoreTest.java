package io.wopihost.jdbc;

import io.wopihost.core.spi.CodeStore;
import io.wopihost.testkit.CodeStoreContract;
import io.wopihost.testkit.PostgresServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The code store contract on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresCodeStoreTest extends CodeStoreContract {

  private static PostgresServer.Schema schema;
  private static Database database;

  @BeforeAll
  static void migrate() {
    schema = PostgresServer.get().newSchema();
    database = Database.open(schema.url(), Optional.of(schema.user()), Optional.empty());
    database.migrate();
  }

  @AfterAll
  static void dropSchema() {
    database.close();
    schema.close();
  }

  @Override
  protected CodeStore newStore() {
    schema.truncateTables();
    return new JdbcCodeStore(database.dataSource());
  }
}
