package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.token.Permission;
import io.wopihost.jdbc.JdbcEventStore.AuditEntry;
import io.wopihost.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: who did what to a file and when, with "opened" recorded once per window. */
class AuditTrailTest {

  @TempDir Path dir;
  private TestHost host;
  private String id;
  private WopiClient alice;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir);
    id = host.importFile("Plan.docx", "plan".getBytes());
    alice = new WopiClient(host, id, host.token(id));
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void session_openLockSaveUnlockRename_recordsEachOnceInOrder() throws Exception {
    alice.checkFileInfo();
    alice.getFile();
    alice.checkFileInfo();
    alice.lock("L1");
    alice.override("REFRESH_LOCK", null, "X-WOPI-Lock", "L1");
    alice.putFile("v2".getBytes(), "X-WOPI-Lock", "L1");
    alice.putFile("v3".getBytes(), "X-WOPI-Lock", "stale");
    alice.override("UNLOCK", null, "X-WOPI-Lock", "L1");
    alice.override("RENAME_FILE", null, "X-WOPI-RequestedName", "Budget");

    List<AuditEntry> trail = host.host.events().auditOfFile(id, 100);

    assertThat(trail)
        .extracting(AuditEntry::action)
        .containsExactly("opened", "locked", "saved", "unlocked", "renamed");
    assertThat(trail).extracting(AuditEntry::userId).containsOnly(TestHost.USER);
    assertThat(trail.get(2).detail()).isEqualTo("version 2");
    assertThat(trail.get(4).fileName()).isEqualTo("Budget.docx");
    assertThat(trail.get(4).detail()).isEqualTo("from Plan.docx");
    assertThat(trail.getFirst().at()).isEqualTo(host.clock.instant());
  }

  @Test
  void opened_pollingWithinTheWindowAndByAnotherUser_oncePerUserPerWindow() throws Exception {
    var bob = new WopiClient(host, id, host.token(id, "bob", EnumSet.of(Permission.READ)));

    alice.checkFileInfo();
    host.clock.advance(Duration.ofMinutes(5));
    alice.checkFileInfo();
    bob.checkFileInfo();
    host.clock.advance(Duration.ofMinutes(56));
    alice.checkFileInfo();
    bob.checkFileInfo();

    assertThat(host.host.events().auditOfFile(id, 100))
        .extracting(e -> e.userId() + " " + e.action())
        .containsExactly("alice opened", "bob opened", "alice opened");
  }

  @Test
  void deleteFile_recordedAndStillListedAfterTheFileIsGone() throws Exception {
    alice.override("DELETE", null);

    assertThat(host.host.events().auditOfFile(id, 100))
        .extracting(AuditEntry::action)
        .containsExactly("deleted");
  }

  @Test
  void auditCommand_afterASession_printsOneLinePerEntry() throws Exception {
    alice.checkFileInfo();
    alice.lock("L1");
    alice.putFile("v2".getBytes(), "X-WOPI-Lock", "L1");
    host.close();

    var out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    int code =
        cli.execute("audit", "--file", id, "--data-dir", dir.toString(), "--db-url",
            "jdbc:sqlite:" + dir.resolve("wopihost.db"));

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(host.clock.instant() + "\talice\topened\tPlan.docx");
    assertThat(lines.get(2)).endsWith("\talice\tsaved\tPlan.docx\tversion 2");
  }

  @Test
  void auditApi_tokenForTheFile_listsEntriesAndElse401() throws Exception {
    alice.checkFileInfo();
    alice.lock("L1");
    String other = host.importFile("Other.docx", "x".getBytes());

    var ok = host.send("GET", api(id, host.token(id)), null);
    var noToken = host.send("GET", host.uri("/api/files/" + id + "/audit"), null);
    var otherFile = host.send("GET", api(id, host.token(other)), null);

    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode entries = new ObjectMapper().readTree(ok.body());
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("action").asText()).isEqualTo("locked");
    assertThat(entries.get(1).get("user").asText()).isEqualTo("alice");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(otherFile.statusCode()).isEqualTo(401);
  }

  private URI api(String fileId, String token) {
    return host.uri(
        "/api/files/" + fileId + "/audit?access_token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }
}
