package io.wopihost.jdbc;

import io.wopihost.core.spi.CodeStore;
import io.wopihost.testkit.CodeStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The code store contract on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresCodeStoreTest extends CodeStoreContract {

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @Override
  protected CodeStore newStore() {
    return new JdbcCodeStore(postgres.emptied());
  }
}
