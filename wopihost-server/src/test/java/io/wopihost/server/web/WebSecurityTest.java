package io.wopihost.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.server.TestHost;
import io.wopihost.testkit.FakeEditor;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser-facing defences of every page: security headers on every route of the web UI
 * (signed in and out) and on the other pages, cookie attributes, and the CSRF check of every
 * state-changing form. The routes come from the web UI's own routing, so a new page or form is
 * covered without touching this test.
 */
class WebSecurityTest {

  /** Posts that need no CSRF token: there is no session yet whose token they could carry. */
  private static final List<String> NO_SESSION_YET = List.of("/signin");

  private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([0-9a-f]+)'");

  @TempDir static Path dir;
  private static FakeEditor editor;
  private static TestHost host;
  private static String fileId;
  private static String folderId;
  private static String shareLink;

  @BeforeAll
  static void start() throws Exception {
    editor = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
    host = TestHost.start(dir, Map.of(
        "password-hash-cost", "4",
        "office-urls", "onlyoffice=" + editor.baseUrl(),
        // The WOPI call of the header walk is this test's own, without the editor's proof.
        "office-proof-keys", "off",
        "host-page-frame-src", "https://*.sign-in.example"));
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
    fileId = host.importFile("Budget.docx", "content".getBytes(StandardCharsets.UTF_8));
    folderId = host.host.catalog().findFile(fileId).orElseThrow().containerId();
    shareLink = "link" + fileId;
    host.host.shareLinks().add(new ShareLink(shareLink, fileId, "alice", false,
        host.clock.instant(), host.clock.instant().plus(Duration.ofDays(1))));
  }

  @AfterAll
  static void stop() {
    host.close();
    editor.close();
  }

  @Test
  void everyPage_signedInAndOut_carriesTheSecurityHeaders() throws Exception {
    var signedIn = signedIn();
    var signedOut = new WebClient(host);
    List<String> pages = new ArrayList<>();
    for (Route route : webUiRoutes()) {
      if (route.method() == Method.GET) {
        pages.add(route.concretePath());
      }
    }
    pages.addAll(List.of(
        "/share/not-a-token", "/shared/not-a-token", "/no/such/page",
        "/oauth2/authorize?response_type=code&client_id=office&redirect_uri=x",
        "/wopi/files/" + fileId + "?access_token=" + host.token(fileId)));

    for (String page : pages) {
      for (WebClient browser : List.of(signedIn, signedOut)) {
        HttpResponse<byte[]> response = browser.get(page);
        assertThat(response.statusCode()).as(page).isLessThan(500);
        assertCommonHeaders(page, response.headers());
        boolean asset = page.startsWith("/static/");
        assertThat(response.headers().firstValue("Cache-Control")).as(page)
            .hasValue(asset ? "max-age=3600" : "no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
            .hasValue("default-src 'self'; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Permissions-Policy")).as(page)
            .hasValueSatisfying(p -> assertThat(p).contains("camera=()", "geolocation=()"));
      }
    }
  }

  @Test
  void hostPage_framesOnlyTheEditorAndIsFramedByNoOne() throws Exception {
    HttpResponse<byte[]> page = signedIn().get("/open/" + fileId + "?action=edit");

    assertThat(page.statusCode()).isEqualTo(200);
    assertCommonHeaders("/open", page.headers());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher nonce = NONCE.matcher(csp);
    assertThat(nonce.find()).isTrue();
    URI base = editor.baseUrl();
    String origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    assertThat(csp)
        .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'",
            "frame-src " + origin + " https://*.sign-in.example;",
            "form-action " + origin + " https://*.sign-in.example;",
            "style-src 'nonce-" + nonce.group(1) + "'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(WebClient.text(page)).contains("<script nonce=\"" + nonce.group(1) + "\">");
    assertThat(page.headers().firstValue("Permissions-Policy"))
        .hasValueSatisfying(p -> assertThat(p).doesNotContain("camera", "microphone"));
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store");
  }

  @Test
  void sessionCookie_isHttpOnlyAndSameSiteLax_andNotSecureOverPlainHttp() throws Exception {
    HttpResponse<byte[]> signIn = new WebClient(host).signIn("alice", "alice-password");

    assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
    assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void everyStateChangingForm_withoutOrWithAWrongCsrfToken_isRefusedAndChangesNothing()
      throws Exception {
    WebClient browser = signedIn();
    FileRecord before = host.host.catalog().findFile(fileId).orElseThrow();
    int folders = host.host.catalog().childContainers(folderId).size();
    int files = host.host.catalog().childFiles(folderId).size();
    List<String> forms = new ArrayList<>();
    for (Route route : webUiRoutes()) {
      if (route.method() == Method.POST && !NO_SESSION_YET.contains(route.path())) {
        forms.add(route.concretePath());
      }
    }

    assertThat(forms).contains("/signout", "/files/" + folderId + "/upload",
        "/file/" + fileId + "/delete");
    for (String form : forms) {
      String[] fields = {"name", "Renamed.docx", "version", "1", "current", "alice-password",
          "password", "new-password-1234", "confirm", "new-password-1234"};
      assertThat(browser.post(form, fields).statusCode()).as(form).isEqualTo(403);
      String[] withWrongToken = new String[fields.length + 2];
      System.arraycopy(fields, 0, withWrongToken, 0, fields.length);
      withWrongToken[fields.length] = "csrf";
      withWrongToken[fields.length + 1] = "not-the-token";
      assertThat(browser.post(form, withWrongToken).statusCode()).as(form).isEqualTo(403);
    }
    assertThat(browser.upload("/files/" + folderId, "x.txt", new byte[] {1}, "not-the-token")
        .statusCode()).isEqualTo(403);

    assertThat(host.host.catalog().findFile(fileId)).contains(before);
    assertThat(host.host.catalog().childContainers(folderId)).hasSize(folders);
    assertThat(host.host.catalog().childFiles(folderId)).hasSize(files);
    assertThat(host.host.shareLinks().liveForFile(fileId, host.clock.instant())).hasSize(1);
    assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    assertThat(new WebClient(host).signIn("alice", "alice-password").statusCode())
        .isEqualTo(303);
  }

  private static void assertCommonHeaders(String page, HttpHeaders headers) {
    assertThat(headers.firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).as(page).hasValue("no-referrer");
    assertThat(headers.firstValue("X-Frame-Options")).as(page).hasValue("DENY");
    assertThat(headers.firstValue("Strict-Transport-Security")).as(page).isEmpty();
  }

  private static WebClient signedIn() throws Exception {
    var browser = new WebClient(host);
    assertThat(browser.signIn("alice", "alice-password").statusCode()).isEqualTo(303);
    return browser;
  }

  /** The web UI's routes, read from its routing. */
  private static List<Route> webUiRoutes() {
    var recorder = new RouteRecorder();
    new WebUi(new WebUi.Stores(null, null, null, null, null, null, null, null, host.clock, false,
        null, null, null, null)).routing(recorder);
    assertThat(recorder.routes).isNotEmpty();
    return recorder.routes;
  }

  private record Route(Method method, String path) {

    /** The path with the test's file, folder, version and share link in its parameters. */
    String concretePath() {
      return path.replace("{cid}", folderId).replace("{id}", fileId).replace("{version}", "1")
          .replace("{link}", shareLink).replace("{name}", "app.css");
    }
  }

  /** Records the routes a service declares; fails on a kind of route it cannot read. */
  private static final class RouteRecorder implements HttpRules {

    final List<Route> routes = new ArrayList<>();

    @Override
    public HttpRules route(Method method, String path, Handler handler) {
      assertThat(path).as("a parameter the test cannot fill")
          .matches("([^{]|\\{(cid|id|version|link|name)})*");
      routes.add(new Route(method, path));
      return this;
    }

    @Override
    public HttpRules register(HttpService... services) {
      for (HttpService service : services) {
        service.routing(this);
      }
      return this;
    }

    @Override
    public HttpRules register(String path, HttpService... services) {
      throw new AssertionError("a nested service at " + path + ": record its routes too");
    }

    @Override
    public HttpRules route(HttpRoute route) {
      throw new AssertionError("a route without method and path: record it too");
    }
  }
}
