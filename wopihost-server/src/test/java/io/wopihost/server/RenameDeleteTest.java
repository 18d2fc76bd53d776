package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.Permission;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RenameFile and DeleteFile over HTTP (WOPI.md §7.10, §7.11), with their rows of the lock table
 * (§6).
 */
class RenameDeleteTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] CONTENT = bytes("content");

  private static WopiClient newFile(String name) throws Exception {
    return NODE.newFile(name, CONTENT);
  }

  private static String baseFileName(WopiClient client) throws Exception {
    return client.fileInfo().get("BaseFileName").asText();
  }

  private static void assertRenamedTo(HttpResponse<byte[]> response, String name) {
    assertThat(response.statusCode()).as(WopiClient.text(response)).isEqualTo(200);
    assertThat(WopiClient.json(response).get("Name").asText()).isEqualTo(name);
  }

  // RenameFile

  @Test
  void renameFile_unlocked_keepsExtensionAndIdAndAnswersTheBaseName() throws Exception {
    WopiClient client = newFile("Draft.docx");

    HttpResponse<byte[]> response = client.renameFile("Final");

    assertRenamedTo(response, "Final");
    assertThat(baseFileName(client)).isEqualTo("Final.docx");
    assertThat(client.content()).isEqualTo(CONTENT);
  }

  @Test
  void renameFile_lockedWithPresentedId_renames() throws Exception {
    WopiClient client = newFile("Draft.docx");
    client.lock("L1");

    assertRenamedTo(client.renameFile("Final", "X-WOPI-Lock", "L1"), "Final");
    assertThat(baseFileName(client)).isEqualTo("Final.docx");
  }

  @Test
  void renameFile_lockedWithAnotherId_conflictsWithCurrentLock() throws Exception {
    WopiClient client = newFile("Draft.docx");
    client.lock("L1");

    HttpResponse<byte[]> response = client.renameFile("Final", "X-WOPI-Lock", "L2");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    assertThat(baseFileName(client)).isEqualTo("Draft.docx");
  }

  @Test
  void renameFile_lockedAndHeaderAbsent_conflictsWithCurrentLock() throws Exception {
    WopiClient client = newFile("Draft.docx");
    client.lock("L1");

    HttpResponse<byte[]> response = client.renameFile("Final");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    assertThat(baseFileName(client)).isEqualTo("Draft.docx");
  }

  @Test
  void renameFile_unlockedWithALockHeader_renames() throws Exception {
    WopiClient client = newFile("Draft.docx");

    assertRenamedTo(client.renameFile("Final", "X-WOPI-Lock", "L1"), "Final");
  }

  @Test
  void renameFile_withTheDocumentAsBodyAsCollaboraSendsIt_ignoresTheBody() throws Exception {
    WopiClient client = newFile("Draft.docx");

    HttpResponse<byte[]> response =
        client.override(
            "RENAME_FILE", bytes("the whole document"), "X-WOPI-RequestedName", "Final");

    assertRenamedTo(response, "Final");
    assertThat(client.content()).isEqualTo(CONTENT);
  }

  @Test
  void renameFile_utf7Name_isDecoded() throws Exception {
    WopiClient client = newFile("Draft.docx");

    // "Entwurf für Büro" as UTF-7
    assertRenamedTo(client.renameFile("Entwurf f+APw-r B+APw-ro"), "Entwurf f\u00fcr B\u00fcro");
    assertThat(baseFileName(client)).isEqualTo("Entwurf f\u00fcr B\u00fcro.docx");
  }

  @Test
  void renameFile_nameOfAnotherFile_derivesAFreeName() throws Exception {
    WopiClient client = newFile("Draft.docx");
    NODE.host().importFile("Final.docx", CONTENT, client.fileInfo().get("OwnerId").asText());

    assertRenamedTo(client.renameFile("Final"), "Final (2)");
    assertThat(baseFileName(client)).isEqualTo("Final (2).docx");
  }

  @Test
  void renameFile_toItsOwnName_keepsIt() throws Exception {
    WopiClient client = newFile("Draft.docx");

    assertRenamedTo(client.renameFile("Draft"), "Draft");
    assertThat(baseFileName(client)).isEqualTo("Draft.docx");
  }

  @Test
  void renameFile_illegalName_isBadRequestWithTheReason() throws Exception {
    WopiClient client = newFile("Draft.docx");

    for (String illegal : new String[] {"a/b", "a:b", "what?", " ", "x".repeat(251)}) {
      HttpResponse<byte[]> response = client.renameFile(illegal);

      assertThat(response.statusCode()).as(illegal).isEqualTo(400);
      assertThat(header(response, "X-WOPI-InvalidFileNameError")).as(illegal).isNotBlank();
    }
    assertThat(baseFileName(client)).isEqualTo("Draft.docx");
  }

  @Test
  void renameFile_invalidUtf7OrMissingName_isBadRequest() throws Exception {
    WopiClient client = newFile("Draft.docx");

    HttpResponse<byte[]> invalid = client.renameFile("bad+!name");
    HttpResponse<byte[]> missing = client.override("RENAME_FILE", null);

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(header(invalid, "X-WOPI-InvalidFileNameError")).isNotBlank();
    assertThat(baseFileName(client)).isEqualTo("Draft.docx");
  }

  @Test
  void renameFile_tokenWithoutRenameRight_isUnauthorized() throws Exception {
    WopiClient client = newFile("Draft.docx");
    WopiClient writer =
        client.as(
            client.fileInfo().get("OwnerId").asText(),
            EnumSet.of(Permission.READ, Permission.WRITE));

    assertThat(writer.renameFile("Final").statusCode()).isEqualTo(401);
    assertThat(baseFileName(client)).isEqualTo("Draft.docx");
  }

  // DeleteFile

  @Test
  void deleteFile_unlocked_deletesTheFile() throws Exception {
    WopiClient client = newFile("Old.docx");

    HttpResponse<byte[]> response = client.deleteFile();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.checkFileInfo().statusCode()).isEqualTo(404);
    assertThat(client.getFile().statusCode()).isEqualTo(404);
  }

  @Test
  void deleteFile_lockedWithPresentedId_conflictsWithCurrentLock() throws Exception {
    WopiClient client = newFile("Old.docx");
    client.lock("L1");

    HttpResponse<byte[]> response = client.deleteFile("X-WOPI-Lock", "L1");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    assertThat(client.checkFileInfo().statusCode()).isEqualTo(200);
  }

  @Test
  void deleteFile_lockedWithAnotherIdOrNone_conflictsWithCurrentLock() throws Exception {
    WopiClient client = newFile("Old.docx");
    client.lock("L1");

    for (HttpResponse<byte[]> response :
        List.of(client.deleteFile("X-WOPI-Lock", "L2"), client.deleteFile())) {
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    }
    assertThat(client.content()).isEqualTo(CONTENT);
  }

  @Test
  void deleteFile_afterUnlock_deletesTheFile() throws Exception {
    WopiClient client = newFile("Old.docx");
    client.lock("L1");
    client.unlock("L1");

    assertThat(client.deleteFile().statusCode()).isEqualTo(200);
    assertThat(client.checkFileInfo().statusCode()).isEqualTo(404);
  }

  @Test
  void deleteFile_tokenWithoutDeleteRight_isUnauthorized() throws Exception {
    WopiClient client = newFile("Old.docx");
    WopiClient writer =
        client.as(
            client.fileInfo().get("OwnerId").asText(),
            EnumSet.of(Permission.READ, Permission.WRITE));

    assertThat(writer.deleteFile().statusCode()).isEqualTo(401);
    assertThat(client.checkFileInfo().statusCode()).isEqualTo(200);
  }
}
