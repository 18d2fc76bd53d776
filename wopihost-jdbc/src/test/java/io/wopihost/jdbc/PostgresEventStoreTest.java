package io.wopihost.jdbc;

import io.wopihost.testkit.PostgresServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The event store on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresEventStoreTest extends EventStoreTests {

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
  protected JdbcEventStore newStore() {
    // Empties the counter row too: the store must number on from the rows that are left.
    schema.truncateTables();
    return new JdbcEventStore(database.dataSource());
  }
}
