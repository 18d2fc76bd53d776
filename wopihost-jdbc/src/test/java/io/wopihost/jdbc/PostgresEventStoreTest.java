package io.wopihost.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The event store on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresEventStoreTest extends EventStoreTests {

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @Override
  protected JdbcEventStore newStore() {
    // Emptied with the counter row too: the store must number on from the rows that are left.
    return new JdbcEventStore(postgres.emptied());
  }
}
