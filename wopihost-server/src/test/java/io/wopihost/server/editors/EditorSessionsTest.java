package io.wopihost.server.editors;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.header;
import static io.wopihost.server.WopiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.token.Permission;
import io.wopihost.server.TestHost;
import io.wopihost.testkit.FakeEditor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each editor's session as it really plays it, against the real server with proof keys
 * enforced: open, co-edit, autosave, save as, rename, close. The sequences and header names
 * follow ONLYOFFICE's wopiClient.js, Collabora's WopiStorage.cpp and Microsoft's documentation.
 */
class EditorSessionsTest {

  @TempDir static Path dir;
  private static FakeEditor onlyoffice;
  private static FakeEditor collabora;
  private static FakeEditor microsoft;
  private static TestHost host;

  @BeforeAll
  static void start() throws Exception {
    onlyoffice = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
    collabora = FakeEditor.start(FakeEditor.Flavor.COLLABORA);
    microsoft = FakeEditor.start(FakeEditor.Flavor.MICROSOFT);
    host =
        TestHost.start(
            dir,
            Map.of(
                "office-urls",
                "onlyoffice=" + onlyoffice.baseUrl() + ",collabora=" + collabora.baseUrl()
                    + ",microsoft=" + microsoft.baseUrl()));
  }

  @AfterAll
  static void stop() {
    host.close();
    onlyoffice.close();
    collabora.close();
    microsoft.close();
  }

  @Test
  void collabora_openLockAutosaveConflictOverwriteSaveAsRenameClose() throws Exception {
    EditorClient co = client(collabora, "Report.odt", "alice");
    String lock = "cool-lock1a2b3c4d";

    JsonNode info = co.fileInfo();
    assertThat(info.get("UserCanNotWriteRelative").asBoolean(true)).isFalse();
    assertThat(info.get("SupportsRename").asBoolean()).isTrue();
    assertThat(info.get("PostMessageOrigin").asText()).isEqualTo(origin());
    String loaded = info.get("LastModifiedTime").asText();
    assertThat(co.getFile().body()).isEqualTo(bytes("v1"));
    assertThat(co.override("LOCK", null, "X-WOPI-Lock", lock).statusCode()).isEqualTo(200);
    host.clock.advance(java.time.Duration.ofMinutes(15));
    assertThat(co.override("LOCK", null, "X-WOPI-Lock", lock).statusCode())
        .as("Collabora refreshes its lock with LOCK").isEqualTo(200);

    HttpResponse<byte[]> autosave =
        co.putFile(bytes("v2"), "X-WOPI-Lock", lock, "X-COOL-WOPI-Timestamp", loaded,
            "X-COOL-WOPI-IsModifiedByUser", "true", "X-COOL-WOPI-IsAutosave", "true",
            "X-COOL-WOPI-IsExitSave", "false");
    assertThat(autosave.statusCode()).isEqualTo(200);
    String saved = json(autosave).get("LastModifiedTime").asText();
    assertThat(saved).isNotEqualTo(loaded);

    HttpResponse<byte[]> stale =
        co.putFile(bytes("v2-stale"), "X-WOPI-Lock", lock, "X-COOL-WOPI-Timestamp", loaded);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("COOLStatusCode").asInt()).isEqualTo(1010);
    assertThat(co.getFile().body()).isEqualTo(bytes("v2"));

    HttpResponse<byte[]> overwrite =
        co.putFile(bytes("v3"), "X-WOPI-Lock", lock, "X-COOL-WOPI-IsModifiedByUser", "false",
            "X-COOL-WOPI-IsAutosave", "false", "X-COOL-WOPI-IsExitSave", "true");
    assertThat(overwrite.statusCode()).as("no timestamp: the user chose to overwrite").isEqualTo(200);

    HttpResponse<byte[]> saveAs =
        co.override("PUT_RELATIVE", bytes("copy"),
            "X-WOPI-SuggestedTarget", "../../etc/Copy of Report.odt", "X-WOPI-Size", "4");
    assertThat(saveAs.statusCode()).isEqualTo(200);
    assertThat(json(saveAs).get("Name").asText()).isEqualTo("Copy of Report.odt");

    HttpResponse<byte[]> rename =
        co.override("RENAME_FILE", bytes("the whole document, which Collabora sends along"),
            "X-WOPI-Lock", lock, "X-WOPI-RequestedName", "Final");
    assertThat(rename.statusCode()).isEqualTo(200);
    assertThat(json(rename).get("Name").asText()).isEqualTo("Final");
    assertThat(co.override("UNLOCK", null, "X-WOPI-Lock", lock).statusCode()).isEqualTo(200);

    List<FileVersion> versions = host.host.catalog().versions(co.fileId());
    assertThat(versions).extracting(FileVersion::kind, FileVersion::modifiedByUser)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SaveKind.EXIT, Optional.of(false)),
            org.assertj.core.groups.Tuple.tuple(SaveKind.AUTOSAVE, Optional.of(true)),
            org.assertj.core.groups.Tuple.tuple(SaveKind.CREATED, Optional.empty()));
    assertThat(host.host.catalog().findFile(co.fileId()).orElseThrow().name())
        .isEqualTo("Final.odt");
  }

  @Test
  void onlyoffice_twoUsersShareTheFileIdLock_andTheLastOneUnlocks() throws Exception {
    EditorClient alice = client(onlyoffice, "Budget.docx", "alice");
    EditorClient bob = alice.withToken(host.token(alice.fileId(), "bob", all()));
    String lock = alice.fileId();

    JsonNode info = alice.fileInfo();
    assertThat(bob.checkFileInfo().statusCode()).isEqualTo(200);
    assertThat(alice.override("LOCK", null, "X-WOPI-Lock", lock).statusCode()).isEqualTo(200);
    assertThat(bob.override("LOCK", null, "X-WOPI-Lock", lock).statusCode())
        .as("the co-editor's LOCK with the same id").isEqualTo(200);
    assertThat(bob.override("REFRESH_LOCK", null, "X-WOPI-Lock", lock).statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> autosave =
        alice.putFile(bytes("v2"), "X-WOPI-Lock", lock, "X-WOPI-Editors", "alice,bob",
            "X-LOOL-WOPI-IsModifiedByUser", "true", "X-LOOL-WOPI-IsAutosave", "true",
            "X-LOOL-WOPI-IsExitSave", "false",
            "X-LOOL-WOPI-Timestamp", info.get("LastModifiedTime").asText());
    assertThat(autosave.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> exitSave =
        bob.putFile(bytes("v3"), "X-WOPI-Lock", lock, "X-WOPI-Editors", "bob",
            "X-LOOL-WOPI-IsModifiedByUser", "true", "X-LOOL-WOPI-IsAutosave", "false",
            "X-LOOL-WOPI-IsExitSave", "true",
            "X-LOOL-WOPI-Timestamp", json(autosave).get("LastModifiedTime").asText());
    assertThat(exitSave.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> copy =
        alice.override("PUT_RELATIVE", bytes("copy"), "X-WOPI-SuggestedTarget", "Budget copy.docx");
    HttpResponse<byte[]> rename =
        alice.override("RENAME_FILE", null, "X-WOPI-Lock", lock, "X-WOPI-RequestedName", "Budget 2026");
    HttpResponse<byte[]> unlock = bob.override("UNLOCK", null, "X-WOPI-Lock", lock);

    // ONLYOFFICE takes any status but 200 (and 204) for a failure.
    assertThat(List.of(copy, rename, unlock)).allMatch(r -> r.statusCode() == 200);
    assertThat(json(copy).get("Name").asText()).isEqualTo("Budget copy.docx");
    assertThat(host.host.catalog().versions(alice.fileId()))
        .extracting(FileVersion::userId, FileVersion::editors, FileVersion::kind)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple("bob", List.of("bob"), SaveKind.EXIT),
            org.assertj.core.groups.Tuple.tuple("alice", List.of("alice", "bob"),
                SaveKind.AUTOSAVE));
    assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("Budget 2026.docx");
  }

  @Test
  void microsoft_editFlow_withTheFileUrlFetchedUnsigned() throws Exception {
    EditorClient ms = client(microsoft, "Plan.docx", "alice");

    JsonNode info = ms.fileInfo();
    HttpResponse<byte[]> fromFileUrl =
        host.send("GET", URI.create(info.get("FileUrl").asText()), null);
    assertThat(fromFileUrl.statusCode()).as("FileUrl is fetched without proofs").isEqualTo(200);
    assertThat(fromFileUrl.body()).isEqualTo(bytes("v1"));
    assertThat(ms.override("LOCK", null, "X-WOPI-Lock", "ms-1").statusCode()).isEqualTo(200);
    assertThat(header(ms.override("GET_LOCK", null), "X-WOPI-Lock")).isEqualTo("ms-1");
    assertThat(ms.override("REFRESH_LOCK", null, "X-WOPI-Lock", "ms-1").statusCode())
        .isEqualTo(200);
    assertThat(ms.putFile(bytes("v2"), "X-WOPI-Lock", "ms-1").statusCode()).isEqualTo(200);
    assertThat(ms.override("LOCK", null, "X-WOPI-Lock", "ms-2", "X-WOPI-OldLock", "ms-1")
        .statusCode()).isEqualTo(200);
    assertThat(ms.override("PUT_RELATIVE", bytes("pdf"), "X-WOPI-SuggestedTarget", ".pdf")
        .statusCode()).isEqualTo(200);
    assertThat(ms.override("UNLOCK", null, "X-WOPI-Lock", "ms-2").statusCode()).isEqualTo(200);
    assertThat(host.send("GET", URI.create(info.get("FileUrl").asText()), null).body())
        .isEqualTo(bytes("v2"));
  }

  private static EditorClient client(FakeEditor editor, String name, String user)
      throws Exception {
    String id = host.importFile(name, bytes("v1"), user);
    return new EditorClient(host, editor, id, host.token(id, user, all()));
  }

  private static EnumSet<Permission> all() {
    return EnumSet.allOf(Permission.class);
  }

  private static String origin() {
    return host.host.publicUrl().toString().replaceAll("/$", "");
  }
}
