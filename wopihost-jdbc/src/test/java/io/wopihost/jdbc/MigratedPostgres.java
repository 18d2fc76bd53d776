package io.wopihost.jdbc;

import io.wopihost.testkit.PostgresServer;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated PostgreSQL schema for one test class, dropped after it; {@link #emptied()} gives
 * each test the same schema with every table emptied. Register as a static extension.
 */
final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

  private PostgresServer.Schema schema;
  private Database database;

  @Override
  public void beforeAll(ExtensionContext context) {
    schema = PostgresServer.get().newSchema();
    database = Database.open(schema.url(), Optional.of(schema.user()), Optional.empty());
    database.migrate();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    database.close();
    schema.close();
  }

  /** The schema's data source, every table emptied (counter rows included). */
  DataSource emptied() {
    schema.truncateTables();
    return database.dataSource();
  }
}
