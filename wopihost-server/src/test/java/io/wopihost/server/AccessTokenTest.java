package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.Ids;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the Files endpoint authenticates and dispatches (WOPI.md §1 access token, §2, §4): where the
 * token may come from, which tokens are refused with 401 and without leaking anything, 404 for a
 * missing file, 501 for what is not an operation.
 */
class AccessTokenTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] CONTENT = bytes("secret plans");

  private static URI fileUri(String fileId, String suffix, String token) {
    String uri = NODE.host().wopiSrc(fileId) + suffix;
    return URI.create(
        token == null
            ? uri
            : uri + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /** CheckFileInfo, GetFile and Lock with {@code token}: each must be refused with 401. */
  private static void assertRefusedEverywhere(String fileId, String token) throws Exception {
    List<HttpResponse<byte[]>> responses =
        List.of(
            NODE.host().send("GET", fileUri(fileId, "", token), null),
            NODE.host().send("GET", fileUri(fileId, "/contents", token), null),
            NODE.host()
                .send(
                    "POST",
                    fileUri(fileId, "", token),
                    new byte[0],
                    "X-WOPI-Override",
                    "LOCK",
                    "X-WOPI-Lock",
                    "L1"));
    for (HttpResponse<byte[]> response : responses) {
      assertThat(response.statusCode()).as(response.request().toString()).isEqualTo(401);
      String body = WopiClient.text(response);
      assertThat(body).doesNotContain("Plans.docx").doesNotContain("secret plans");
    }
  }

  @Test
  void anyOperation_withoutToken_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);

    assertRefusedEverywhere(client.fileId(), null);
    assertThat(client.getLock().headers().firstValue("X-WOPI-Lock")).hasValue("");
  }

  @Test
  void anyOperation_withMalformedToken_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);
    String valid = client.token();

    for (String garbage :
        List.of(
            "garbage",
            "",
            "%%%",
            "a.b.c",
            valid.substring(0, valid.length() - 1),
            valid + "A",
            valid.substring(0, 10) + (valid.charAt(10) == 'A' ? 'B' : 'A') + valid.substring(11),
            "x".repeat(3000))) {
      assertRefusedEverywhere(client.fileId(), garbage);
    }
  }

  @Test
  void checkFileInfo_bearerTokenTooLongForAToken_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);

    HttpResponse<byte[]> response =
        NODE.host()
            .send(
                "GET",
                fileUri(client.fileId(), "", null),
                null,
                "Authorization",
                "Bearer " + client.token().repeat(60));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void anyOperation_withTokenForAnotherFile_isUnauthorizedAndRevealsNothing() throws Exception {
    WopiClient secret = NODE.newFile("Plans.docx", CONTENT);
    WopiClient other = NODE.newFile("Public.docx", new byte[] {1});

    assertRefusedEverywhere(secret.fileId(), other.token());
  }

  @Test
  void anyOperation_withExpiredToken_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);
    assertThat(client.checkFileInfo().statusCode()).isEqualTo(200);

    NODE.host().clock.advance(Duration.ofHours(10).plusSeconds(1));

    assertRefusedEverywhere(client.fileId(), client.token());
  }

  @Test
  void anyOperation_withTheEcosystemShareOrFileUrlTokenOfTheFile_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);
    String ecosystemUrl =
        WopiClient.json(NODE.host().send("GET", client.uri("/ecosystem_pointer"), null))
            .get("Url")
            .asText();
    String shareUrl =
        WopiClient.json(client.override("GET_SHARE_URL", null, "X-WOPI-UrlType", "ReadWrite"))
            .get("ShareUrl")
            .asText();
    String fileUrl = client.fileInfo().get("FileUrl").asText();

    assertRefusedEverywhere(client.fileId(), WopiClient.tokenIn(ecosystemUrl));
    assertRefusedEverywhere(client.fileId(), shareUrl.substring(shareUrl.lastIndexOf('/') + 1));
    assertRefusedEverywhere(client.fileId(), WopiClient.tokenIn(fileUrl));
  }

  @Test
  void checkFileInfo_tokenOnlyInAuthorizationBearer_isAccepted() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);

    HttpResponse<byte[]> info =
        NODE.host()
            .send(
                "GET",
                fileUri(client.fileId(), "", null),
                null,
                "Authorization",
                "Bearer " + client.token());
    HttpResponse<byte[]> content =
        NODE.host()
            .send(
                "GET",
                fileUri(client.fileId(), "/contents", null),
                null,
                "Authorization",
                "Bearer " + client.token());

    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(WopiClient.json(info).get("BaseFileName").asText()).isEqualTo("Plans.docx");
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(CONTENT);
  }

  @Test
  void checkFileInfo_garbageBearerButValidQueryToken_usesTheQueryToken() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);

    HttpResponse<byte[]> response =
        NODE.host().send("GET", client.fileUri(), null, "Authorization", "Bearer garbage");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void checkFileInfo_unknownFileWithATokenForItsId_isNotFound() throws Exception {
    String missing = Ids.newId();
    String token = NODE.host().token(missing);

    assertThat(NODE.host().send("GET", fileUri(missing, "", token), null).statusCode())
        .isEqualTo(404);
    assertThat(NODE.host().send("GET", fileUri(missing, "/contents", token), null).statusCode())
        .isEqualTo(404);
    assertThat(new WopiClient(NODE.host(), missing, token).lock("L1").statusCode()).isEqualTo(404);
  }

  @Test
  void malformedRequests_areRefusedAsClientErrorsNeverServerErrors() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);
    String file = "/wopi/files/" + client.fileId();
    String token = client.token();
    String noBody = "Content-Length: 0\r\n\r\n";
    // Request line, then the rest: header lines, the empty line, the body.
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("GET " + file + "?access_token=%ZZ HTTP/1.1", noBody);
    requests.put("GET " + file + "?access_token=%C3%28 HTTP/1.1", noBody);
    requests.put("GET /wopi/files/%ZZ?access_token=" + token + " HTTP/1.1", noBody);
    requests.put("GET /wopi/files/%00?access_token=" + token + " HTTP/1.1", noBody);
    requests.put(
        "GET /wopi/files/a%2F..%2F" + client.fileId() + "?access_token=x HTTP/1.1", noBody);
    requests.put("GET /wopi/files/" + "x".repeat(3000) + "?access_token=x HTTP/1.1", noBody);
    requests.put(
        "GET " + file + "/contents?access_token=" + token + " HTTP/1.1",
        "X-WOPI-MaxExpectedSize: -\r\n" + noBody);
    requests.put("GET " + file + " HTTP/1.1", "Authorization: Bearer\r\n" + noBody);
    requests.put(
        "GET " + file + "/contents HTTP/1.1", "Authorization: Basic YWxpY2U6c2VjcmV0\r\n" + noBody);
    requests.put(
        "POST " + file + "/contents?access_token=" + token + " HTTP/1.1",
        "X-WOPI-Override: PUT\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nnot a chunk");
    requests.put(
        "POST " + file + "?access_token=" + token + " HTTP/1.1",
        "X-WOPI-Override: PUT_RELATIVE\r\nX-WOPI-SuggestedTarget: .pdf\r\n"
            + "Content-Length: 100\r\n\r\ntoo short");

    for (var request : requests.entrySet()) {
      int status =
          NODE.host()
              .sendRaw(request.getKey(), request.getValue().getBytes(StandardCharsets.ISO_8859_1));

      assertThat(status).as(request.getKey()).isBetween(400, 499);
    }
    assertThat(client.content()).isEqualTo(CONTENT);
  }

  @Test
  void post_unknownOrMissingOverride_isNotImplemented() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);

    HttpResponse<byte[]> unknown = client.override("MAKE_COFFEE", null);
    HttpResponse<byte[]> missing = NODE.host().send("POST", client.fileUri(), new byte[0]);
    HttpResponse<byte[]> putOnFile = client.override("PUT", CONTENT, "X-WOPI-Lock", "L1");

    assertThat(unknown.statusCode()).isEqualTo(501);
    assertThat(missing.statusCode()).isEqualTo(501);
    assertThat(putOnFile.statusCode()).isEqualTo(501);
    assertThat(client.content()).isEqualTo(CONTENT);
  }

  @Test
  void post_unknownOverrideWithoutToken_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);

    HttpResponse<byte[]> response =
        NODE.host()
            .send(
                "POST",
                fileUri(client.fileId(), "", null),
                new byte[0],
                "X-WOPI-Override",
                "MAKE_COFFEE");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void postContents_withoutOverridePut_isNotImplementedAndWritesNothing() throws Exception {
    WopiClient client = NODE.newFile("Plans.docx", CONTENT);
    client.lock("L1");

    HttpResponse<byte[]> missing =
        NODE.host().send("POST", client.uri("/contents"), new byte[] {9}, "X-WOPI-Lock", "L1");
    HttpResponse<byte[]> lock =
        NODE.host()
            .send(
                "POST",
                client.uri("/contents"),
                new byte[] {9},
                "X-WOPI-Override",
                "LOCK",
                "X-WOPI-Lock",
                "L1");

    assertThat(missing.statusCode()).isEqualTo(501);
    assertThat(lock.statusCode()).isEqualTo(501);
    assertThat(client.content()).isEqualTo(CONTENT);
  }
}
