package io.wopihost.server.editors;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.json;
import static io.wopihost.server.WopiClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.testkit.FakeEditor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A share link from WOPI GetShareUrl, opened signed out: its page offers a button per editor
 * action the link allows, and the host page each leads to mints tokens with exactly the link's
 * right, until the link is revoked or expires.
 */
class ShareLinkEditorTest {

  private static final Pattern ACTION_LINK =
      Pattern.compile("data-action=\"([a-z]+)\" href=\"([^\"]*)\"");
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form id=\"office_form\"[^>]* action=\"([^\"]*)\"");
  private static final Pattern TOKEN = Pattern.compile("name=\"access_token\" value=\"([^\"]*)\"");

  @TempDir static Path dir;
  private static FakeEditor onlyoffice;
  private static TestHost host;

  @BeforeAll
  static void start() throws Exception {
    onlyoffice = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
    host = TestHost.start(dir, Map.of("office-urls", "onlyoffice=" + onlyoffice.baseUrl()));
  }

  @AfterAll
  static void stop() {
    host.close();
    onlyoffice.close();
  }

  @Test
  void readOnlyShareUrl_offersViewsOnly_andTheViewersTokenCannotWrite() throws Exception {
    EditorClient owner = file("Report.docx");
    String shareUrl = shareUrl(owner, "ReadOnly");
    assertThat(shareUrl).startsWith(host.host.urls().base() + "/s/");

    HttpResponse<byte[]> page = get(shareUrl);

    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, String> actions = actions(text(page));
    assertThat(actions.keySet()).containsExactly("view", "embedview");
    assertThat(text(page)).contains("/content\">Download</a>");
    HttpResponse<byte[]> hostPage = enter(actions.get("view")).page();
    assertThat(hostPage.statusCode()).isEqualTo(200);
    assertThat(find(FORM_ACTION, text(hostPage))).contains("/hosting/wopi/word/view?");
    EditorClient visitor = owner.withToken(find(TOKEN, text(hostPage)));
    assertThat(visitor.fileInfo().get("UserCanWrite").asBoolean()).isFalse();
    assertThat(visitor.putFile(bytes("changed")).statusCode()).isEqualTo(401);
    assertThat(visitor.getFile().body()).isEqualTo(bytes("content"));
  }

  @Test
  void readWriteShareUrl_offersEdit_andTheEditorsTokenCanWrite() throws Exception {
    EditorClient owner = file("Plan.docx");

    Map<String, String> actions = actions(text(get(shareUrl(owner, "ReadWrite"))));

    assertThat(actions.keySet()).containsExactly("view", "edit", "embedview");
    String hostPage = text(enter(actions.get("edit")).page());
    assertThat(find(FORM_ACTION, hostPage)).contains("/hosting/wopi/word/edit?");
    AccessToken token = host.host.tokens().verify(find(TOKEN, hostPage)).orElseThrow();
    assertThat(token.scope()).isEqualTo(Scope.file(owner.fileId()));
    assertThat(token.userId()).as("the link acts for who shared it").isEqualTo("alice");
    EditorClient visitor = owner.withToken(find(TOKEN, hostPage));
    assertThat(visitor.fileInfo().get("UserCanWrite").asBoolean()).isTrue();
    assertThat(visitor.override("LOCK", null, "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    assertThat(visitor.putFile(bytes("changed"), "X-WOPI-Lock", "L1").statusCode())
        .isEqualTo(200);
  }

  @Test
  void readOnlyShareUrl_askingTheHostPageForEdit_opensTheViewer() throws Exception {
    EditorClient owner = file("Locked.docx");
    String view = actions(text(get(shareUrl(owner, "ReadOnly")))).get("view");

    String hostPage = text(enter(view.replace("action=view", "action=edit")).page());

    assertThat(find(FORM_ACTION, hostPage)).contains("/hosting/wopi/word/view?");
    assertThat(host.host.tokens().verify(find(TOKEN, hostPage)).orElseThrow().permissions())
        .containsExactly(Permission.READ);
  }

  @Test
  void revokedShareUrl_itsPageHostPageAndTokenRenewal_areRefused() throws Exception {
    EditorClient owner = file("Revoked.docx");
    String shareUrl = shareUrl(owner, "ReadWrite");
    String edit = actions(text(get(shareUrl))).get("edit");
    Entered entered = enter(edit);
    assertThat(renew(owner.fileId(), entered.cookie()).statusCode()).isEqualTo(200);

    assertThat(host.host.shareLinks()
        .tryRevoke(host.host.urls().shareLinkIn(shareUrl).orElseThrow())).isTrue();

    assertThat(get(shareUrl).statusCode()).isEqualTo(404);
    assertThat(text(get(shareUrl))).contains("revoked");
    assertThat(get(shareUrl + "/content").statusCode()).isEqualTo(404);
    assertThat(get(edit).statusCode()).isEqualTo(404);
    assertThat(get(entered.location(), "Cookie", entered.cookie()).statusCode()).isEqualTo(403);
    assertThat(renew(owner.fileId(), entered.cookie()).statusCode()).isEqualTo(403);
  }

  @Test
  void expiredShareUrl_itsPageAndHostPage_areRefused() throws Exception {
    EditorClient owner = file("Expiring.docx");
    String shareUrl = shareUrl(owner, "ReadOnly");
    Entered entered = enter(actions(text(get(shareUrl))).get("view"));
    host.clock.advance(host.host.settings().shareLinkTtl().minusSeconds(1));
    assertThat(get(entered.location(), "Cookie", entered.cookie()).statusCode()).isEqualTo(200);

    host.clock.advance(Duration.ofSeconds(1));

    assertThat(get(shareUrl).statusCode()).isEqualTo(404);
    assertThat(get(entered.location(), "Cookie", entered.cookie()).statusCode()).isEqualTo(403);
  }

  @Test
  void shareLinkOfAnotherFile_doesNotOpenThisFilesHostPage() throws Exception {
    EditorClient shared = file("Shared.docx");
    EditorClient secret = file("Secret.docx");
    Entered entered = enter(actions(text(get(shareUrl(shared, "ReadWrite")))).get("view"));

    assertThat(get(entered.location().replace(shared.fileId(), secret.fileId()),
        "Cookie", entered.cookie()).statusCode()).isEqualTo(403);
  }

  private static EditorClient file(String name) throws Exception {
    String id = host.importFile(name, bytes("content"), "alice");
    return new EditorClient(host, onlyoffice, id, host.token(id));
  }

  private static String shareUrl(EditorClient client, String type) throws Exception {
    HttpResponse<byte[]> response =
        client.override("GET_SHARE_URL", null, "X-WOPI-UrlType", type);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).get("ShareUrl").asText();
  }

  private static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    return host.send("GET", URI.create(host.host.urls().base()).resolve(url), null, headers);
  }

  /** A button's way into the editor: its redirect, the cookie it sets, and the host page. */
  private record Entered(String location, String cookie, HttpResponse<byte[]> page) {}

  private static Entered enter(String button) throws Exception {
    HttpResponse<byte[]> entry = get(button);
    assertThat(entry.statusCode()).isEqualTo(303);
    String location = entry.headers().firstValue("Location").orElseThrow();
    String cookie = entry.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return new Entered(location, cookie, get(location, "Cookie", cookie));
  }

  private static HttpResponse<byte[]> renew(String fileId, String cookie) throws Exception {
    return host.send("POST", URI.create(host.host.urls().base() + "/open/" + fileId + "/token"),
        new byte[0], "Cookie", cookie, "X-Requested-With", "wopihost");
  }

  /** The page's editor actions and their absolute URLs, in the page's order. */
  private static Map<String, String> actions(String html) {
    var found = new LinkedHashMap<String, String>();
    Matcher m = ACTION_LINK.matcher(html);
    while (m.find()) {
      found.put(m.group(1), m.group(2).replace("&amp;", "&"));
    }
    return found;
  }

  private static String find(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    assertThat(m.find()).as(pattern + " in the page").isTrue();
    return m.group(1);
  }
}
