package io.wopihost.jdbc;

import io.wopihost.core.spi.LockStore;
import io.wopihost.testkit.LockStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lock store contract on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresLockStoreTest extends LockStoreContract {

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @Override
  protected LockStore newStore() {
    return new JdbcLockStore(postgres.emptied());
  }
}
