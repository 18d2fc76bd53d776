package io.wopihost.jdbc;

import io.wopihost.core.spi.Catalog;
import io.wopihost.testkit.CatalogContract;
import io.wopihost.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog contract on PostgreSQL: one migrated schema for the class, emptied for each test. */
class PostgresCatalogTest extends CatalogContract {

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @Override
  protected Catalog newCatalog() {
    return new JdbcCatalog(postgres.emptied(), MutableClock.startingAt2026());
  }
}
