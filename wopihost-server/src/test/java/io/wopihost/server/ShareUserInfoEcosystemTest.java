package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.core.token.Permission;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GetShareUrl, PutUserInfo, GetEcosystem with CheckEcosystem, and EnumerateAncestors over HTTP
 * (WOPI.md §7.12–§7.15, §9.1).
 */
class ShareUserInfoEcosystemTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] CONTENT = bytes("shared content");
  private static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"([^\"]*/content)\"");

  private static HttpResponse<byte[]> getShareUrl(WopiClient client, String urlType)
      throws Exception {
    return client.override("GET_SHARE_URL", null, "X-WOPI-UrlType", urlType);
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return NODE.host().send("GET", URI.create(url), null);
  }

  // GetShareUrl

  @Test
  void getShareUrl_readOnlyAndReadWrite_openAPageThatDownloadsTheFile() throws Exception {
    WopiClient client = NODE.newFile("Q&A 'draft'.docx", CONTENT);

    for (String type : new String[] {"ReadOnly", "ReadWrite"}) {
      HttpResponse<byte[]> response = getShareUrl(client, type);
      assertThat(response.statusCode()).as(type).isEqualTo(200);
      String shareUrl = WopiClient.json(response).get("ShareUrl").asText();

      HttpResponse<byte[]> page = get(shareUrl);
      assertThat(page.statusCode()).as(type).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      String html = WopiClient.text(page);
      assertThat(html).contains("Q&amp;A &#39;draft&#39;.docx").doesNotContain("Q&A");
      Matcher link = DOWNLOAD_LINK.matcher(html);
      assertThat(link.find()).as(type).isTrue();

      HttpResponse<byte[]> download =
          NODE.host().send("GET", URI.create(shareUrl).resolve(link.group(1)), null);
      assertThat(download.statusCode()).as(type).isEqualTo(200);
      assertThat(download.body()).isEqualTo(CONTENT);
    }
  }

  @Test
  void getShareUrl_readWrite_grantsWriteOnlyToWriters() throws Exception {
    WopiClient client = NODE.newFile("Shared.docx", CONTENT);

    String readOnly = WopiClient.json(getShareUrl(client, "ReadOnly")).get("ShareUrl").asText();
    String readWrite = WopiClient.json(getShareUrl(client, "ReadWrite")).get("ShareUrl").asText();

    assertThat(link(readOnly).canWrite()).isFalse();
    assertThat(link(readWrite).canWrite()).isTrue();
    assertThat(link(readOnly).fileId()).isEqualTo(client.fileId());
    assertThat(link(readOnly).createdBy())
        .isEqualTo(NODE.host().host.tokens().verify(client.token()).orElseThrow().userId());
  }

  /** The stored link behind a share URL: every one GetShareUrl makes is listed and revocable. */
  private static ShareLink link(String shareUrl) {
    String id = NODE.host().host.urls().shareLinkIn(shareUrl).orElseThrow();
    return NODE.host().host.shareLinks().findLive(id, NODE.host().clock.instant()).orElseThrow();
  }

  @Test
  void getShareUrl_unknownOrMissingUrlType_isNotImplemented() throws Exception {
    WopiClient client = NODE.newFile("Shared.docx", CONTENT);

    assertThat(getShareUrl(client, "Anonymous").statusCode()).isEqualTo(501);
    assertThat(getShareUrl(client, "readonly").statusCode()).isEqualTo(501);
    assertThat(client.override("GET_SHARE_URL", null).statusCode()).isEqualTo(501);
  }

  @Test
  void getShareUrl_readOnlyTokenAskingReadWrite_isNotImplemented() throws Exception {
    WopiClient reader = NODE.newFile("Shared.docx", CONTENT).as("bob", EnumSet.of(Permission.READ));

    assertThat(getShareUrl(reader, "ReadWrite").statusCode()).isEqualTo(501);
    assertThat(getShareUrl(reader, "ReadOnly").statusCode()).isEqualTo(200);
  }

  @Test
  void shareUrl_withATamperedToken_isNotFound() throws Exception {
    WopiClient client = NODE.newFile("Shared.docx", CONTENT);
    String shareUrl = WopiClient.json(getShareUrl(client, "ReadOnly")).get("ShareUrl").asText();

    HttpResponse<byte[]> page = get(shareUrl + "x");
    HttpResponse<byte[]> download = get(shareUrl + "x/content");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(download.statusCode()).isEqualTo(404);
    assertThat(download.body()).isNotEqualTo(CONTENT);
  }

  @Test
  void shareUrl_afterTheShareLinkLifetime_isNotFound() throws Exception {
    WopiClient client = NODE.newFile("Shared.docx", CONTENT);
    String shareUrl = WopiClient.json(getShareUrl(client, "ReadOnly")).get("ShareUrl").asText();
    Duration lifetime = NODE.host().host.settings().shareLinkTtl();
    NODE.host().clock.advance(lifetime.minusSeconds(1));
    assertThat(get(shareUrl).statusCode()).isEqualTo(200);

    NODE.host().clock.advance(Duration.ofSeconds(1));

    assertThat(get(shareUrl).statusCode()).isEqualTo(404);
    assertThat(get(shareUrl + "/content").statusCode()).isEqualTo(404);
  }

  // PutUserInfo

  @Test
  void putUserInfo_thenCheckFileInfo_returnsItToThatUserOnly() throws Exception {
    WopiClient carol = NODE.host().newFile("Numbers.xlsx", CONTENT, "carol");
    WopiClient dave = carol.as("dave", EnumSet.of(Permission.READ));
    assertThat(carol.fileInfo().has("UserInfo")).isFalse();

    HttpResponse<byte[]> put = carol.override("PUT_USER_INFO", bytes("subscription=business"));

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(carol.fileInfo().get("UserInfo").asText()).isEqualTo("subscription=business");
    assertThat(dave.fileInfo().has("UserInfo")).isFalse();
    // Stored per user, not per file: carol's other files show it too.
    WopiClient other = NODE.host().newFile("Other.docx", CONTENT, "carol");
    assertThat(other.fileInfo().get("UserInfo").asText()).isEqualTo("subscription=business");
  }

  @Test
  void putUserInfo_over1024Bytes_isBadRequest() throws Exception {
    WopiClient client = NODE.host().newFile("Numbers.xlsx", CONTENT, "erin");

    HttpResponse<byte[]> response = client.override("PUT_USER_INFO", new byte[1025]);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(client.fileInfo().has("UserInfo")).isFalse();
  }

  // GetEcosystem and CheckEcosystem

  @Test
  void getEcosystem_url_isACheckEcosystemMatchingCheckFileInfo() throws Exception {
    WopiClient client = NODE.newFile("Eco.docx", CONTENT);

    HttpResponse<byte[]> pointer = NODE.host().send("GET", client.uri("/ecosystem_pointer"), null);

    assertThat(pointer.statusCode()).isEqualTo(200);
    String url = WopiClient.json(pointer).get("Url").asText();
    assertThat(url).startsWith(NODE.host().host.urls().ecosystem() + "?access_token=");
    HttpResponse<byte[]> ecosystem = get(url);
    assertThat(ecosystem.statusCode()).isEqualTo(200);
    assertThat(ecosystem.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    boolean containers = client.fileInfo().path("SupportsContainers").asBoolean(false);
    assertThat(WopiClient.json(ecosystem).path("SupportsContainers").asBoolean(false))
        .isEqualTo(containers);
  }

  @Test
  void checkEcosystem_withoutOrWithAFileToken_isUnauthorized() throws Exception {
    WopiClient client = NODE.newFile("Eco.docx", CONTENT);
    String ecosystem = NODE.host().host.urls().ecosystem();

    assertThat(get(ecosystem).statusCode()).isEqualTo(401);
    assertThat(get(ecosystem + "?access_token=" + client.token()).statusCode()).isEqualTo(401);
    assertThat(get(ecosystem + "?access_token=garbage").statusCode()).isEqualTo(401);
  }

  // EnumerateAncestors

  @Test
  void enumerateAncestors_owner_seesTheRootContainer() throws Exception {
    WopiClient client = NODE.newFile("Deep.docx", CONTENT);

    HttpResponse<byte[]> response = NODE.host().send("GET", client.uri("/ancestry"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode ancestors = WopiClient.json(response).get("AncestorsWithRootFirst");
    assertThat(ancestors.isArray()).isTrue();
    assertThat(ancestors).hasSize(1);
    assertThat(ancestors.get(0).get("Name").asText()).isNotEmpty();
    assertThat(ancestors.get(0).get("Url").asText())
        .startsWith(NODE.host().host.publicUrl() + "/wopi/containers/")
        .contains("?access_token=");
    assertThat(response.headers().firstValue("X-WOPI-EnumerationIncomplete")).isEmpty();
  }

  @Test
  void enumerateAncestors_userWhoDoesNotOwnTheContainer_seesNone() throws Exception {
    WopiClient other =
        NODE.newFile("Deep.docx", CONTENT).as("mallory", EnumSet.allOf(Permission.class));

    HttpResponse<byte[]> response = NODE.host().send("GET", other.uri("/ancestry"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WopiClient.json(response).get("AncestorsWithRootFirst")).isEmpty();
  }
}
