package io.wopihost.server;

import static io.wopihost.server.WopiClient.header;
import static io.wopihost.server.WopiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.Utf7;
import io.wopihost.core.token.Permission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CreateChildFile over HTTP (WOPI.md §8.3): an empty file in a container, named by the rules of
 * PutRelativeFile: suggested mode adapts the name, specific mode takes it or says why not, and
 * overwrites only when asked and unlocked. Each test works in a folder of its own.
 */
class CreateChildFileTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private final UrlClient wopi = new UrlClient(NODE.host());

  private String folder() {
    return wopi.containerUrl(wopi.newFolder(TestHost.USER).id(), TestHost.USER);
  }

  private HttpResponse<byte[]> create(String folder, String... headers) throws Exception {
    return wopi.post(folder, "CREATE_CHILD_FILE", headers);
  }

  private FileRecord file(HttpResponse<byte[]> created) {
    String id =
        NODE.host().host.urls().fileIdIn(json(created).get("Url").asText()).orElseThrow();
    return NODE.host().host.catalog().findFile(id).orElseThrow();
  }

  @Test
  void createChildFile_specificName_makesAnEmptyFileThatOpens() throws Exception {
    HttpResponse<byte[]> created = create(folder(), "X-WOPI-RelativeTarget", "Plan.docx");

    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode body = json(created);
    assertThat(body.get("Name").asText()).isEqualTo("Plan.docx");
    assertThat(body.get("HostEditUrl").asText()).contains("/open/").endsWith("action=edit");
    assertThat(body.get("HostViewUrl").asText()).endsWith("action=view");
    String url = body.get("Url").asText();
    assertThat(wopi.json(url, "").get("Size").asLong()).isZero();
    assertThat(wopi.get(url, "/contents").body()).isEmpty();
  }

  @Test
  void createChildFile_suggestedExtensionOnly_isANewDocumentWithAFreeName() throws Exception {
    String folder = folder();

    HttpResponse<byte[]> first = create(folder, "X-WOPI-SuggestedTarget", ".xlsx");
    HttpResponse<byte[]> second = create(folder, "X-WOPI-SuggestedTarget", ".xlsx");

    assertThat(json(first).get("Name").asText()).isEqualTo("New Document.xlsx");
    assertThat(json(second).get("Name").asText()).isEqualTo("New Document (2).xlsx");
  }

  @Test
  void createChildFile_suggestedNameTakenOrIllegal_succeedsUnderALegalFreeName() throws Exception {
    String folder = folder();
    create(folder, "X-WOPI-RelativeTarget", "a_b.txt");

    HttpResponse<byte[]> created = create(folder, "X-WOPI-SuggestedTarget", "a:b.txt");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(json(created).get("Name").asText()).isEqualTo("a_b (2).txt");
  }

  @Test
  void createChildFile_utf7Name_isDecodedAndAnsweredInUtf8() throws Exception {
    HttpResponse<byte[]> created = create(folder(), "X-WOPI-RelativeTarget", "R+AOk-sum+AOk-.docx");

    assertThat(new String(created.body(), StandardCharsets.UTF_8)).contains("Résumé.docx");
    assertThat(file(created).name()).isEqualTo("Résumé.docx");
  }

  @Test
  void createChildFile_specificNameTaken_conflictsWithAFreeNameInUtf7() throws Exception {
    String folder = folder();
    create(folder, "X-WOPI-RelativeTarget", "Café.txt".replace("é", "+AOk-"));

    HttpResponse<byte[]> noOverwrite = create(folder, "X-WOPI-RelativeTarget", "caf+AOk-.TXT");
    HttpResponse<byte[]> overwriteFalse =
        create(folder, "X-WOPI-RelativeTarget", "caf+AOk-.TXT",
            "X-WOPI-OverwriteRelativeTarget", "False");

    assertThat(noOverwrite.statusCode()).isEqualTo(409);
    assertThat(overwriteFalse.statusCode()).isEqualTo(409);
    assertThat(Utf7.decode(header(noOverwrite, "X-WOPI-ValidRelativeTarget")))
        .isEqualTo("Café (2).txt");
  }

  @Test
  void createChildFile_overwriteExisting_emptiesTheSameFileAsANewVersion() throws Exception {
    String folder = folder();
    FileRecord original = file(create(folder, "X-WOPI-RelativeTarget", "log.txt"));
    WopiClient writer =
        new WopiClient(NODE.host(), original.id(), NODE.host().token(original.id()));
    writer.lock("L");
    writer.putFile("not empty".getBytes(StandardCharsets.UTF_8), "X-WOPI-Lock", "L");
    writer.unlock("L");

    HttpResponse<byte[]> overwritten =
        create(folder, "X-WOPI-RelativeTarget", "log.txt",
            "X-WOPI-OverwriteRelativeTarget", "True");

    assertThat(overwritten.statusCode()).isEqualTo(200);
    FileRecord after = file(overwritten);
    assertThat(after.id()).isEqualTo(original.id());
    assertThat(after.size()).isZero();
    assertThat(after.version()).isEqualTo(3);
  }

  @Test
  void createChildFile_overwriteALockedFile_conflictsWithItsLock() throws Exception {
    String folder = folder();
    FileRecord original = file(create(folder, "X-WOPI-RelativeTarget", "locked.txt"));
    new WopiClient(NODE.host(), original.id(), NODE.host().token(original.id())).lock("held");

    HttpResponse<byte[]> response =
        create(folder, "X-WOPI-RelativeTarget", "locked.txt",
            "X-WOPI-OverwriteRelativeTarget", "true");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("held");
  }

  @Test
  void createChildFile_illegalSpecificName_isBadRequestWithReasonAndALegalName() throws Exception {
    HttpResponse<byte[]> response = create(folder(), "X-WOPI-RelativeTarget", "a?b.docx");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(header(response, "X-WOPI-InvalidFileNameError")).contains("'?'");
    assertThat(header(response, "X-WOPI-ValidRelativeTarget")).isEqualTo("a_b.docx");
  }

  @Test
  void createChildFile_nameLongerThanTheLimit_isBadRequest() throws Exception {
    HttpResponse<byte[]> response =
        create(folder(), "X-WOPI-RelativeTarget", "n".repeat(600) + ".wopitest");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void createChildFile_bothTargets501_neither400_readOnlyToken401() throws Exception {
    String folder = folder();
    String id = NODE.host().host.urls().containerIdIn(folder).orElseThrow();

    assertThat(create(folder, "X-WOPI-RelativeTarget", "a.txt", "X-WOPI-SuggestedTarget", "a.txt")
        .statusCode()).isEqualTo(501);
    assertThat(create(folder).statusCode()).isEqualTo(400);
    assertThat(
            create(wopi.containerUrl(id, TestHost.USER, EnumSet.of(Permission.READ)),
                    "X-WOPI-RelativeTarget", "a.txt")
                .statusCode())
        .isEqualTo(401);
    assertThat(NODE.host().host.catalog().childFiles(id)).isEmpty();
  }
}
