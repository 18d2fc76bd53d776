package io.wopihost.jdbc;

import io.wopihost.core.spi.UserDirectory;
import io.wopihost.testkit.MutableClock;
import io.wopihost.testkit.PostgresServer;
import io.wopihost.testkit.UserDirectoryContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The user directory contract on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresUserDirectoryTest extends UserDirectoryContract {

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
  protected UserDirectory newDirectory() {
    schema.truncateTables();
    return new JdbcUserDirectory(database.dataSource(), MutableClock.startingAt2026(), 4);
  }
}
