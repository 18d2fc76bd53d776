package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseProbeTest {

  @TempDir Path dir;

  @Test
  void check_migratedSqliteFile_passes() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("ok.db");
    try (Database db = Database.open(url, Optional.empty(), Optional.empty())) {
      db.migrate();
      probe(url).check();
    }
  }

  @Test
  void check_missingSqliteFile_failsAndCreatesNothing() {
    Path missing = dir.resolve("missing.db");

    assertThatThrownBy(() -> probe("jdbc:sqlite:" + missing).check())
        .isInstanceOf(SQLException.class);
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void check_fileWithoutTheSchema_fails() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("empty.db");
    try (Database db = Database.open(url, Optional.empty(), Optional.empty())) {
      db.dataSource().getConnection().close();
    }

    assertThatThrownBy(() -> probe(url).check()).isInstanceOf(SQLException.class);
  }

  private static DatabaseProbe probe(String url) {
    return new DatabaseProbe(url, Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
  }
}
