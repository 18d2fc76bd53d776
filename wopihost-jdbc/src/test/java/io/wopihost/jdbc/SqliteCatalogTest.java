package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.Catalog;
import io.wopihost.testkit.CatalogContract;
import io.wopihost.testkit.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogTest extends CatalogContract {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAt2026();
  private Database database;
  private JdbcCatalog catalog;

  @Override
  protected Catalog newCatalog() {
    database =
        Database.open(
            "jdbc:sqlite:" + dir.resolve("catalog.db"), Optional.empty(), Optional.empty());
    database.migrate();
    catalog = new JdbcCatalog(database.dataSource(), clock);
    return catalog;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void tryCreateFile_nanosecondInstant_isStoredTruncatedToMicroseconds() {
    String root = catalog.rootContainer("alice", Ids.newId()).id();
    Instant nanos = Instant.parse("2026-01-01T00:00:00.123456789Z");

    var file =
        catalog.tryCreateFile(Ids.newId(), root, "a.txt", "alice", version(nanos, List.of()));

    Instant micros = Instant.parse("2026-01-01T00:00:00.123456Z");
    assertThat(file.orElseThrow().lastModified()).isEqualTo(micros);
    assertThat(catalog.findFile(file.get().id()).orElseThrow().lastModified()).isEqualTo(micros);
    assertThat(catalog.versions(file.get().id()).get(0).createdAt()).isEqualTo(micros);
  }

  @Test
  void tryCreateFile_editorIdWithComma_throwsAndStoresNothing() {
    String root = catalog.rootContainer("alice", Ids.newId()).id();

    assertThatThrownBy(
            () ->
                catalog.tryCreateFile(
                    Ids.newId(), root, "a.txt", "alice", version(T0, List.of("bob,carol"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(catalog.findFileByName(root, "a.txt")).isEmpty();
  }

  @Test
  void tryCreateFile_unknownContainer_throwsJdbcStoreException() {
    assertThatThrownBy(
            () ->
                catalog.tryCreateFile(
                    Ids.newId(), "no-such-container", "a.txt", "alice", version(T0, List.of())))
        .isInstanceOf(JdbcStoreException.class);
  }

  @Test
  void rootContainer_firstCall_recordsTheClockAsCreationTime() throws Exception {
    clock.set(Instant.parse("2026-03-04T05:06:07.000008Z"));
    String id = catalog.rootContainer("bob", Ids.newId()).id();

    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery("SELECT created_at FROM containers WHERE id = '" + id + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getLong(1)).isEqualTo(1_772_600_767_000_008L);
    }
  }

  private static FileVersion version(Instant createdAt, List<String> editors) {
    return new FileVersion(1, "blob", 3, "sha", createdAt, "alice", editors, SaveKind.CREATED);
  }
}
