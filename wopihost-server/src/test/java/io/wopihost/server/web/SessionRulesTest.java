package io.wopihost.server.web;

import static io.wopihost.server.web.WebClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session and admin rules of the web UI over HTTP (issue 8, access control): a session ends
 * with its lifetime and with sign-out, for pages and forms alike; the admin-only routes refuse a
 * signed-in user who is not an administrator, and change nothing for them.
 */
class SessionRulesTest {

  @TempDir Path dir;
  private TestHost host;
  private WebClient alice;
  private String aliceRoot;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("password-hash-cost", "4"));
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
    host.host.users().tryAdd(new User("root", "Root"), "root-password".toCharArray());
    host.host.users().trySetAdmin("root", true);
    alice = new WebClient(host);
    assertThat(alice.signIn("alice", "alice-password").statusCode()).isEqualTo(303);
    aliceRoot = host.host.catalog().rootContainer("alice", "new-root").id();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void session_pastItsLifetime_isRedirectedToSignInAndItsFormsAreRefused() throws Exception {
    String csrf = alice.csrf();
    host.clock.advance(Sessions.LIFETIME.minusSeconds(1));
    assertThat(alice.get("/account").statusCode()).as("a second before the end").isEqualTo(200);

    host.clock.advance(Duration.ofSeconds(1));

    HttpResponse<byte[]> page = alice.get("/account");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/signin");
    HttpResponse<byte[]> form =
        alice.post("/files/" + aliceRoot + "/folder", "name", "Late", "csrf", csrf);
    assertThat(form.statusCode()).isEqualTo(401);
    assertThat(text(form)).contains("signed out");
    assertThat(host.host.catalog().childContainers(aliceRoot)).isEmpty();
  }

  @Test
  void signedOutCookie_withItsCsrfToken_isRefusedAndChangesNothing() throws Exception {
    String csrf = alice.csrf();
    String cookie = alice.cookie();
    assertThat(alice.post("/signout", "csrf", csrf).statusCode()).isEqualTo(303);

    HttpResponse<byte[]> replay =
        host.send(
            "POST",
            host.uri("/files/" + aliceRoot + "/folder"),
            ("name=Replayed&csrf=" + csrf).getBytes(StandardCharsets.UTF_8),
            "Cookie",
            Sessions.COOKIE + "=" + cookie,
            "Content-Type",
            "application/x-www-form-urlencoded");

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(host.host.catalog().childContainers(aliceRoot)).isEmpty();
  }

  @Test
  void adminOnlyRoutes_signedInNonAdmin_areForbiddenAndChangeNothing_butWorkForAnAdmin()
      throws Exception {
    WopiClient editor =
        host.newFile("locked.docx", "text".getBytes(StandardCharsets.UTF_8), "alice");
    assertThat(editor.lock("editor-lock").statusCode()).isEqualTo(200);
    String unlock = "/file/" + editor.fileId() + "/unlock";
    WebClient root = new WebClient(host);
    root.signIn("root", "root-password");

    HttpResponse<byte[]> users = alice.get("/admin/users");
    HttpResponse<byte[]> forcedUnlock = alice.post(unlock, "csrf", alice.csrf());

    assertThat(users.statusCode()).isEqualTo(403);
    assertThat(text(users)).doesNotContain("root-password").doesNotContain("Root");
    assertThat(forcedUnlock.statusCode()).isEqualTo(403);
    assertThat(lockOf(editor)).isEqualTo("editor-lock");

    assertThat(root.get("/admin/users").statusCode()).isEqualTo(200);
    assertThat(root.post(unlock, "csrf", root.csrf()).statusCode()).isEqualTo(303);
    assertThat(lockOf(editor)).isEmpty();
  }

  @Test
  void adminReach_anotherUsersFolder_isNotFoundForAUserButOpenForAnAdmin() throws Exception {
    String rootsFolder = host.host.catalog().rootContainer("root", "roots-root").id();
    WebClient root = new WebClient(host);
    root.signIn("root", "root-password");

    assertThat(alice.get("/files/" + rootsFolder).statusCode()).isEqualTo(404);
    assertThat(root.get("/files/" + aliceRoot).statusCode()).isEqualTo(200);
  }

  private static String lockOf(WopiClient file) throws Exception {
    return WopiClient.header(file.getLock(), "X-WOPI-Lock");
  }
}
