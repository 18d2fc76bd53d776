package io.wopihost.server.editors;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.json;
import static io.wopihost.server.WopiClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.testkit.FakeEditor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host page over HTTP: who may open it, which editor and action it picks, the form it posts,
 * and its token, share and version endpoints. (HostPageBrowserTest runs it in a browser.)
 */
class HostPageTest {

  private static final Pattern ACTION = Pattern.compile("<form id=\"office_form\"[^>]* action=\"([^\"]*)\"");
  private static final Pattern TOKEN = Pattern.compile("name=\"access_token\" value=\"([^\"]*)\"");
  private static final Pattern TTL = Pattern.compile("name=\"access_token_ttl\" value=\"([^\"]*)\"");
  private static final Pattern CONFIG =
      Pattern.compile("<script type=\"application/json\" id=\"wopihost-page\">([^<]*)</script>");

  @TempDir static Path dir;
  private static FakeEditor onlyoffice;
  private static FakeEditor collabora;
  private static TestHost host;

  @BeforeAll
  static void start() throws Exception {
    onlyoffice = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
    collabora = FakeEditor.start(FakeEditor.Flavor.COLLABORA);
    host =
        TestHost.start(
            dir,
            Map.of(
                "office-urls",
                "onlyoffice=" + onlyoffice.baseUrl() + ",collabora=" + collabora.baseUrl(),
                "office-preference", "odt:collabora"));
  }

  @AfterAll
  static void stop() {
    host.close();
    onlyoffice.close();
    collabora.close();
  }

  @Test
  void open_launchLink_postsATokenToThePreferredEditorsAction() throws Exception {
    String id = file("Budget.docx", "content");

    HttpResponse<byte[]> page = open(launch(id, all(), "edit"), "Accept-Language", "de-DE,de;q=0.9");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store");
    assertThat(page.headers().firstValue("Expires")).hasValue("-1");
    assertThat(page.headers().firstValue("Pragma")).hasValue("no-cache");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    String html = text(page);
    assertThat(find(ACTION, html).replace("&amp;", "&"))
        .isEqualTo(onlyoffice.baseUrl() + "/hosting/wopi/word/edit?rs=de-DE&hid="
            + find(Pattern.compile("hid=([0-9a-f]+)"), html) + "&ui=de-DE&wopisrc="
            + URLEncoder.encode(host.wopiSrc(id), StandardCharsets.UTF_8));
    AccessToken token = host.host.tokens().verify(find(TOKEN, html)).orElseThrow();
    assertThat(token.scope()).isEqualTo(Scope.file(id));
    assertThat(token.userId()).isEqualTo("alice");
    assertThat(token.can(Permission.WRITE)).isTrue();
    assertThat(Long.parseLong(find(TTL, html))).isEqualTo(token.expiresAt().toEpochMilli());
    assertThat(html)
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .contains("<link rel=\"shortcut icon\" href=\"" + onlyoffice.baseUrl()
            + "/web-apps/apps/documenteditor/main/resources/img/favicon.ico\">")
        .contains("<title>Budget.docx</title>");
    assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
        assertThat(cookie).startsWith("wopihost-page=").contains("Path=/open/" + id)
            .contains("HttpOnly").contains("SameSite=Lax"));
  }

  @Test
  void open_odt_goesToCollaboraWithWopiSrcAndItsParameters() throws Exception {
    String id = file("Notes.odt", "content");

    String action = find(ACTION, text(open(launch(id, all(), "view")))).replace("&amp;", "&");

    assertThat(action)
        .isEqualTo(collabora.baseUrl() + "/browser/0123abcd/cool.html?WOPISrc="
            + URLEncoder.encode(host.wopiSrc(id), StandardCharsets.UTF_8)
            + "&lang=en-US&closebutton=1&revisionhistory=1");
  }

  @Test
  void open_editWithAReadOnlyLink_opensTheViewer() throws Exception {
    String id = file("Read.docx", "content");

    String html = text(open(launch(id, EnumSet.of(Permission.READ), "edit")));

    assertThat(find(ACTION, html)).contains("/hosting/wopi/word/view?");
    assertThat(host.host.tokens().verify(find(TOKEN, html)).orElseThrow().permissions())
        .containsExactly(Permission.READ);
    assertThat(config(html).has("editUrl")).as("no Edit for a reader").isFalse();
    assertThat(config(text(open(launch(id, all(), "view")))).get("editUrl").asText())
        .isEqualTo(host.host.urls().hostPage(id, "edit"));
  }

  @Test
  void open_emptyFileForEditing_usesEditnew() throws Exception {
    String id = file("New.docx", "");

    assertThat(find(ACTION, text(open(launch(id, all(), "edit")))))
        .contains("/hosting/wopi/word/editnew?");
  }

  @Test
  void open_withoutAValidLaunchLinkForTheFile_is403() throws Exception {
    String id = file("Secret.docx", "content");
    String other = file("Other.docx", "content");
    String expired = launch(id, all(), "view");
    host.clock.advance(Duration.ofMinutes(6));

    assertThat(open(host.host.urls().hostPage(id, "view")).statusCode()).isEqualTo(403);
    assertThat(open(expired).statusCode()).isEqualTo(403);
    assertThat(open(launch(other, all(), "view").replace(other, id)).statusCode())
        .isEqualTo(403);
    assertThat(text(open(expired))).doesNotContain("Secret");
  }

  @Test
  void token_withThePagesCookie_isAFreshWorkingToken_untilTheSessionEnds() throws Exception {
    String id = file("Long.docx", "content");
    String cookie = cookie(open(launch(id, all(), "edit")));
    host.clock.advance(Duration.ofHours(9));

    HttpResponse<byte[]> renewed = pageCall("POST", id, "/token", "Cookie", cookie,
        "X-Requested-With", "wopihost");
    JsonNode fresh = json(renewed);
    var editor = new EditorClient(host, onlyoffice, id, fresh.get("access_token").asText());

    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(fresh.get("access_token_ttl").asLong())
        .isEqualTo(host.clock.instant().plus(Duration.ofHours(10)).toEpochMilli());
    assertThat(editor.checkFileInfo().statusCode()).isEqualTo(200);
    assertThat(pageCall("POST", id, "/token", "Cookie", cookie).statusCode())
        .as("not from the page's script").isEqualTo(403);
    assertThat(pageCall("POST", id, "/token", "X-Requested-With", "wopihost").statusCode())
        .as("no session").isEqualTo(403);
    host.clock.advance(Duration.ofHours(16));
    assertThat(pageCall("POST", id, "/token", "Cookie", cookie, "X-Requested-With", "wopihost")
        .statusCode()).as("the 24-hour session is over").isEqualTo(403);
  }

  @Test
  void shareAndVersions_forThePagesPanels() throws Exception {
    String id = file("Shared.docx", "content");
    String cookie = cookie(open(launch(id, all(), "view")));

    JsonNode links = json(pageCall("POST", id, "/share", "Cookie", cookie,
        "X-Requested-With", "wopihost"));
    JsonNode versions = json(pageCall("GET", id, "/versions", "Cookie", cookie,
        "X-Requested-With", "wopihost"));

    assertThat(links.get("ReadOnly").asText()).startsWith(host.host.urls().base() + "/s/");
    assertThat(links.get("ReadWrite").asText()).startsWith(host.host.urls().base() + "/s/");
    assertThat(versions.get("versions")).hasSize(1);
    assertThat(versions.at("/versions/0/userId").asText()).isEqualTo("alice");
    assertThat(versions.at("/versions/0/kind").asText()).isEqualTo("CREATED");
  }

  @Test
  void shareLink_signedOut_opensTheEditorWithExactlyItsRight_untilItIsRevoked() throws Exception {
    String id = file("Handout.docx", "content");
    String cookie = cookie(open(launch(id, all(), "edit")));
    JsonNode links = json(pageCall("POST", id, "/share", "Cookie", cookie,
        "X-Requested-With", "wopihost"));

    for (String type : new String[] {"ReadOnly", "ReadWrite"}) {
      String link = links.get(type).asText();
      HttpResponse<byte[]> entry = open(link + "/open");
      assertThat(entry.statusCode()).as(type).isEqualTo(303);
      assertThat(entry.headers().firstValue("Set-Cookie").orElseThrow())
          .contains("Path=/open/" + id, "HttpOnly", "SameSite=Lax");
      String location = entry.headers().firstValue("Location").orElseThrow();
      String shareCookie = cookie(entry);

      HttpResponse<byte[]> page = open(location, "Cookie", shareCookie);

      assertThat(page.statusCode()).as(type).isEqualTo(200);
      AccessToken minted = host.host.tokens().verify(find(TOKEN, text(page))).orElseThrow();
      assertThat(minted.scope()).isEqualTo(Scope.file(id));
      assertThat(minted.userId()).isEqualTo("alice");
      assertThat(minted.permissions())
          .as(type)
          .isEqualTo(
              type.equals("ReadOnly")
                  ? EnumSet.of(Permission.READ)
                  : EnumSet.of(Permission.READ, Permission.WRITE));

      host.host.shareLinks().tryRevoke(host.host.urls().shareLinkIn(link).orElseThrow());
      assertThat(open(location, "Cookie", shareCookie).statusCode()).as(type).isEqualTo(403);
      assertThat(open(link + "/open").statusCode()).as(type).isEqualTo(404);
      assertThat(open(link).statusCode()).as(type).isEqualTo(404);
    }
  }

  @Test
  void open_noEditorConfigured_saysHowToConfigureOne() throws Exception {
    try (TestHost bare = TestHost.start(dir.resolve("bare"))) {
      String id = bare.importFile("a.docx", bytes("x"), "alice");
      String link = bare.host.launchLinks().mint(id, "alice", all(), "view");

      HttpResponse<byte[]> page = bare.send("GET", URI.create(link), null);

      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(text(page)).contains("office-urls");
    }
  }

  private static String file(String name, String content) throws Exception {
    return host.importFile(name, bytes(content), "alice");
  }

  private static String launch(String id, Set<Permission> rights, String action) {
    return host.host.launchLinks().mint(id, "alice", rights, action);
  }

  private static HttpResponse<byte[]> open(String url, String... headers) throws Exception {
    return host.send("GET", URI.create(url), null, headers);
  }

  private static HttpResponse<byte[]> pageCall(
      String method, String id, String path, String... headers) throws Exception {
    return host.send(method, URI.create(host.host.urls().base() + "/open/" + id + path),
        method.equals("POST") ? new byte[0] : null, headers);
  }

  private static String cookie(HttpResponse<byte[]> page) {
    return page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  /** The settings the page gives its script. */
  private static JsonNode config(String html) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(find(CONFIG, html));
  }

  private static String find(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    assertThat(m.find()).as(pattern + " in the page").isTrue();
    return m.group(1);
  }

  private static EnumSet<Permission> all() {
    return EnumSet.allOf(Permission.class);
  }
}
