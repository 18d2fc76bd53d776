package io.wopihost.jdbc;

import io.wopihost.core.spi.UserDirectory;
import io.wopihost.testkit.MutableClock;
import io.wopihost.testkit.UserDirectoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user directory contract on PostgreSQL: one migrated schema for the class, emptied per test. */
class PostgresUserDirectoryTest extends UserDirectoryContract {

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @Override
  protected UserDirectory newDirectory() {
    return new JdbcUserDirectory(postgres.emptied(), MutableClock.startingAt2026(), 4);
  }
}
