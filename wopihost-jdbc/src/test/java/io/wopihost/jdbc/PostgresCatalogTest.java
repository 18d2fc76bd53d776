package io.wopihost.jdbc;

import io.wopihost.core.spi.Catalog;
import io.wopihost.testkit.CatalogContract;
import io.wopihost.testkit.MutableClock;
import io.wopihost.testkit.PostgresServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The catalog contract on PostgreSQL: one migrated schema for the class, emptied for each test. */
class PostgresCatalogTest extends CatalogContract {

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
  protected Catalog newCatalog() {
    schema.truncateTables();
    return new JdbcCatalog(database.dataSource(), MutableClock.startingAt2026());
  }
}
