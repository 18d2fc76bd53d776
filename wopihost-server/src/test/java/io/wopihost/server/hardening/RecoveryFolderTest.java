package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save whose body arrived but whose commit failed on the host's side is kept in the recovery
 * folder, with a note of what it was; a save refused for the client's reasons is not. The failure
 * is real: the catalog's version table is renamed away under the running host.
 */
class RecoveryFolderTest {

  @TempDir Path dir;
  private TestHost host;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of());
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void putFile_whoseCommitFails_is500_andItsBodyIsInTheRecoveryFolder() throws Exception {
    WopiClient editor = host.newFile("Thesis.docx", bytes("chapter one"), "ruth");
    assertThat(editor.lock("L").statusCode()).isEqualTo(200);
    byte[] work = bytes("chapter one, two and three: hours of work");

    sql("ALTER TABLE file_versions RENAME TO file_versions_away");
    int status;
    try {
      status = editor.putFile(work, "X-WOPI-Lock", "L").statusCode();
    } finally {
      sql("ALTER TABLE file_versions_away RENAME TO file_versions");
    }

    assertThat(status).isEqualTo(500);
    List<Path> kept = recovered(".bin");
    assertThat(kept).hasSize(1);
    assertThat(Files.readAllBytes(kept.get(0))).isEqualTo(work);
    JsonNode note = new ObjectMapper().readTree(recovered(".json").get(0).toFile());
    assertThat(note.get("target").asText()).isEqualTo(editor.fileId());
    assertThat(note.get("userId").asText()).isEqualTo("ruth");
    assertThat(note.get("size").asLong()).isEqualTo(work.length);
    assertThat(note.get("failure").asText()).isNotBlank();
    assertThat(editor.getFile().body()).isEqualTo(bytes("chapter one"));
  }

  @Test
  void putFile_refusedForTheClientsReason_keepsNothing() throws Exception {
    WopiClient editor = host.newFile("Thesis.docx", bytes("chapter one"), "ruth");
    assertThat(editor.lock("L").statusCode()).isEqualTo(200);

    int wrongLock = editor.putFile(bytes("other"), "X-WOPI-Lock", "not-L").statusCode();

    assertThat(wrongLock).isEqualTo(409);
    assertThat(Files.exists(dir.resolve("recovery"))).isFalse();
  }

  private List<Path> recovered(String suffix) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("recovery"))) {
      return files.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("wopihost.db"))) {
      c.createStatement().execute(statement);
    }
  }
}
