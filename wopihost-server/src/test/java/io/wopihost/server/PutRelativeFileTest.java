package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.names.Utf7;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PutRelativeFile over HTTP (WOPI.md §7.9): suggested mode adapts the name and never fails on it,
 * specific mode takes it exactly or says why not, names travel in UTF-7, and the new file's URL
 * carries a token that does not outlive the caller's.
 */
class PutRelativeFileTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] SOURCE = bytes("the source document");
  private static final byte[] COPY = bytes("the converted copy");

  private static WopiClient source(String name) throws Exception {
    return NODE.newFile(name, SOURCE);
  }

  private static JsonNode created(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(WopiClient.text(response)).isEqualTo(200);
    return WopiClient.json(response);
  }

  /** A client for the file a PutRelativeFile response points at, with the token it carries. */
  private static WopiClient newFileOf(JsonNode body) {
    return WopiClient.forUrl(NODE.host(), body.get("Url").asText());
  }

  // Suggested mode

  @Test
  void putRelativeFile_suggestedExtensionOnly_usesTheSourceBaseName() throws Exception {
    WopiClient source = source("Quarterly Report.docx");

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf"));

    assertThat(body.get("Name").asText()).isEqualTo("Quarterly Report.pdf");
    WopiClient copy = newFileOf(body);
    assertThat(copy.fileInfo().get("BaseFileName").asText()).isEqualTo("Quarterly Report.pdf");
    assertThat(copy.content()).isEqualTo(COPY);
  }

  @Test
  void putRelativeFile_suggestedFullName_usesIt() throws Exception {
    WopiClient source = source("Report.docx");

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", "Copy.odt"));

    assertThat(body.get("Name").asText()).isEqualTo("Copy.odt");
  }

  @Test
  void putRelativeFile_suggestedNameThatExists_getsAnotherFreeName() throws Exception {
    WopiClient source = source("Report.docx");

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", "Report.docx"));

    String name = body.get("Name").asText();
    assertThat(name).isNotEqualTo("Report.docx").endsWith(".docx");
    assertThat(newFileOf(body).fileId()).isNotEqualTo(source.fileId());
    assertThat(source.content()).isEqualTo(SOURCE);
  }

  @Test
  void putRelativeFile_suggestedIllegalName_isAdaptedNotRefused() throws Exception {
    WopiClient source = source("Report.docx");

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", "a:b.docx"));

    assertThat(body.get("Name").asText()).endsWith(".docx").doesNotContain(":");
  }

  @Test
  void putRelativeFile_suggestedUtf7Name_isDecoded() throws Exception {
    WopiClient source = source("Report.docx");

    JsonNode body =
        created(
            source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", "madeup+AF8-name.wopitestx"));

    assertThat(body.get("Name").asText()).isEqualTo("madeup_name.wopitestx");
  }

  // Specific mode

  @Test
  void putRelativeFile_relativeTarget_usesTheExactName() throws Exception {
    WopiClient source = source("Report.docx");

    JsonNode body =
        created(source.putRelativeFile(COPY, "X-WOPI-RelativeTarget", "Exact Name.docx"));

    assertThat(body.get("Name").asText()).isEqualTo("Exact Name.docx");
    assertThat(newFileOf(body).content()).isEqualTo(COPY);
  }

  @Test
  void putRelativeFile_relativeTargetJapaneseUtf7_isDecoded() throws Exception {
    WopiClient source = source("Report.docx");

    // "報告書.docx" as UTF-7
    JsonNode body =
        created(source.putRelativeFile(COPY, "X-WOPI-RelativeTarget", "+WDFUSmb4-.docx"));

    assertThat(body.get("Name").asText()).isEqualTo("\u5831\u544a\u66f8.docx");
    assertThat(newFileOf(body).fileInfo().get("BaseFileName").asText())
        .isEqualTo("\u5831\u544a\u66f8.docx");
  }

  @Test
  void putRelativeFile_relativeTargetThatExists_conflictsWithAValidTarget() throws Exception {
    WopiClient source = source("Report.docx");

    HttpResponse<byte[]> response =
        source.putRelativeFile(COPY, "X-WOPI-RelativeTarget", "Report.docx");

    assertThat(response.statusCode()).isEqualTo(409);
    String valid = Utf7.decode(header(response, "X-WOPI-ValidRelativeTarget"));
    assertThat(valid).isNotEqualTo("Report.docx").endsWith(".docx");
    assertThat(source.content()).isEqualTo(SOURCE);
    // The name offered is free: the client's retry with it succeeds.
    JsonNode retry =
        created(
            source.putRelativeFile(
                COPY, "X-WOPI-RelativeTarget", header(response, "X-WOPI-ValidRelativeTarget")));
    assertThat(retry.get("Name").asText()).isEqualTo(valid);
  }

  @Test
  void putRelativeFile_overwriteExistingTarget_replacesItsContentKeepingItsId() throws Exception {
    WopiClient source = source("Report.docx");
    WopiClient target =
        newFileOf(created(source.putRelativeFile(SOURCE, "X-WOPI-RelativeTarget", "Target.docx")));
    String version = target.fileInfo().get("Version").asText();

    JsonNode body =
        created(
            source.putRelativeFile(
                COPY,
                "X-WOPI-RelativeTarget",
                "Target.docx",
                "X-WOPI-OverwriteRelativeTarget",
                "true"));

    assertThat(body.get("Name").asText()).isEqualTo("Target.docx");
    assertThat(newFileOf(body).fileId()).isEqualTo(target.fileId());
    assertThat(target.content()).isEqualTo(COPY);
    assertThat(target.fileInfo().get("Version").asText()).isNotEqualTo(version);
  }

  @Test
  void putRelativeFile_overwriteFalse_conflicts() throws Exception {
    WopiClient source = source("Report.docx");

    HttpResponse<byte[]> response =
        source.putRelativeFile(
            COPY,
            "X-WOPI-RelativeTarget",
            "Report.docx",
            "X-WOPI-OverwriteRelativeTarget",
            "false");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(source.content()).isEqualTo(SOURCE);
  }

  @Test
  void putRelativeFile_overwriteLockedTarget_conflictsWithTheTargetsLock() throws Exception {
    WopiClient source = source("Report.docx");
    WopiClient target =
        newFileOf(created(source.putRelativeFile(SOURCE, "X-WOPI-RelativeTarget", "Target.docx")));
    assertThat(target.lock("target-lock").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> response =
        source.putRelativeFile(
            COPY, "X-WOPI-RelativeTarget", "Target.docx", "X-WOPI-OverwriteRelativeTarget", "true");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("target-lock");
    assertThat(target.content()).isEqualTo(SOURCE);
  }

  @Test
  void putRelativeFile_sourceLockedByAnother_isNoObstacle() throws Exception {
    WopiClient source = source("Report.docx");
    source.lock("someone-elses-lock");

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf"));

    assertThat(body.get("Name").asText()).isEqualTo("Report.pdf");
  }

  @Test
  void putRelativeFile_illegalRelativeTargets_areBadRequestsWithAValidTarget() throws Exception {
    WopiClient source = source("Report.docx");

    for (String illegal : new String[] {"a/b.docx", "a:b.docx", "a\\b.docx", "x|y.docx"}) {
      HttpResponse<byte[]> response =
          source.putRelativeFile(COPY, "X-WOPI-RelativeTarget", illegal);

      assertThat(response.statusCode()).as(illegal).isEqualTo(400);
      String valid = Utf7.decode(header(response, "X-WOPI-ValidRelativeTarget"));
      assertThat(valid).as(illegal).endsWith(".docx").doesNotContain("/", ":", "\\", "|");
    }
  }

  @Test
  void putRelativeFile_bothTargetHeaders_isBadRequest() throws Exception {
    WopiClient source = source("Report.docx");

    HttpResponse<byte[]> response =
        source.putRelativeFile(
            COPY, "X-WOPI-SuggestedTarget", ".pdf", "X-WOPI-RelativeTarget", "Other.pdf");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void putRelativeFile_noTargetHeader_isBadRequest() throws Exception {
    assertThat(source("Report.docx").putRelativeFile(COPY).statusCode()).isEqualTo(400);
  }

  @Test
  void putRelativeFile_invalidUtf7_isBadRequest() throws Exception {
    WopiClient source = source("Report.docx");

    assertThat(source.putRelativeFile(COPY, "X-WOPI-RelativeTarget", "bad+!name.docx").statusCode())
        .isEqualTo(400);
    assertThat(
            source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", "bad+!name.docx").statusCode())
        .isEqualTo(400);
  }

  @Test
  void putRelativeFile_negativeOrNonNumericSize_isBadRequest() throws Exception {
    WopiClient source = source("Report.docx");

    for (String size : new String[] {"-1", "many"}) {
      HttpResponse<byte[]> response =
          source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf", "X-WOPI-Size", size);
      assertThat(response.statusCode()).as(size).isEqualTo(400);
    }
  }

  // The answer

  @Test
  void putRelativeFile_url_isTheNewWopiSrcWithAWorkingToken() throws Exception {
    WopiClient source = source("Report.docx");

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf"));

    String url = body.get("Url").asText();
    WopiClient copy = newFileOf(body);
    assertThat(url).startsWith(NODE.host().wopiSrc(copy.fileId()) + "?access_token=");
    HttpResponse<byte[]> info = NODE.host().send("GET", URI.create(url), null);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(WopiClient.json(info).get("BaseFileName").asText()).isEqualTo("Report.pdf");
    assertThat(body.get("HostViewUrl").asText()).startsWith("http");
    assertThat(body.get("HostEditUrl").asText()).startsWith("http");
  }

  @Test
  void putRelativeFile_newToken_expiresNoLaterThanTheCallersToken() throws Exception {
    WopiClient source = source("Report.docx");
    NODE.host().clock.advance(Duration.ofHours(1));

    JsonNode body = created(source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf"));

    AccessToken caller = NODE.host().host.tokens().verify(source.token()).orElseThrow();
    AccessToken minted = NODE.host().host.tokens().verify(newFileOf(body).token()).orElseThrow();
    assertThat(minted.expiresAt()).isBeforeOrEqualTo(caller.expiresAt());
    assertThat(minted.userId()).isEqualTo(caller.userId());
  }

  @Test
  void putRelativeFile_readOnlyToken_isUnauthorized() throws Exception {
    WopiClient source = source("Report.docx");
    WopiClient reader = source.as("reader", EnumSet.of(Permission.READ));

    assertThat(reader.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf").statusCode())
        .isEqualTo(401);
  }

  @Test
  void putRelativeFile_overTheSizeLimit_isTooLarge(@TempDir Path dir) throws Exception {
    try (TestHost small = TestHost.start(dir, Map.of("max-file-size", "1KiB"))) {
      WopiClient source = small.newFile("Report.docx", SOURCE);
      long blobs = small.blobFileCount();

      HttpResponse<byte[]> declared =
          source.putRelativeFile(COPY, "X-WOPI-SuggestedTarget", ".pdf", "X-WOPI-Size", "1025");
      HttpResponse<byte[]> actual =
          source.putRelativeFile(new byte[1025], "X-WOPI-RelativeTarget", "Big.pdf");

      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(actual.statusCode()).isEqualTo(413);
      assertThat(small.blobFileCount()).isEqualTo(blobs);
      assertThat(
              small
                  .host
                  .catalog()
                  .findFileByName(
                      small.host.catalog().findFile(source.fileId()).orElseThrow().containerId(),
                      "Big.pdf"))
          .isEmpty();
    }
  }
}
