package io.wopihost.server.web;

import static io.wopihost.server.web.WebClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.server.TestHost;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAccountsTest {

  @TempDir Path dir;
  private TestHost host;
  private WebClient browser;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("password-hash-cost", "4"));
    host.host.users().tryAdd(new User("alice", "Alice <b>A</b>"), "alice-password".toCharArray());
    host.host.users().tryAdd(new User("bob", "Bob"), "bob-password".toCharArray());
    browser = new WebClient(host);
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void signIn_rightPassword_setsASecureCookieAndShowsTheFiles() throws Exception {
    HttpResponse<byte[]> signedIn = browser.signIn("alice", "alice-password");

    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
        assertThat(c).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure"));
    HttpResponse<byte[]> files = browser.get("/files");
    assertThat(files.statusCode()).isEqualTo(303);
    HttpResponse<byte[]> root = browser.get(files.headers().firstValue("Location").orElseThrow());
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(text(root)).contains("Alice &lt;b&gt;A&lt;/b&gt;").doesNotContain("<b>A</b>");
  }

  @Test
  void pages_signedOut_redirectToSignIn() throws Exception {
    HttpResponse<byte[]> page = browser.get("/files");

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/signin");
    assertThat(browser.post("/files/x/folder", "name", "a").statusCode()).isEqualTo(401);
  }

  @Test
  void signIn_wrongPassword_says401WithoutTellingWhichPartWasWrong() throws Exception {
    HttpResponse<byte[]> wrong = browser.signIn("alice", "nope");
    HttpResponse<byte[]> unknown = browser.signIn("nobody", "nope");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(text(wrong)).contains("The user name or the password is wrong.");
    assertThat(text(unknown)).contains("The user name or the password is wrong.");
    assertThat(browser.cookie()).isEmpty();
  }

  @Test
  void signIn_afterFiveFailures_isRefusedEvenWithTheRightPassword_untilTheWindowPasses()
      throws Exception {
    for (int i = 0; i < SignInPages.PER_USER; i++) {
      assertThat(browser.signIn("alice", "guess" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<byte[]> throttled = browser.signIn("alice", "alice-password");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(text(throttled)).contains("Too many failed sign-ins");
    assertThat(browser.signIn("bob", "bob-password").statusCode())
        .as("another user is not throttled").isEqualTo(303);

    host.clock.advance(SignInPages.WINDOW);
    assertThat(new WebClient(host).signIn("alice", "alice-password").statusCode()).isEqualTo(303);
  }

  @Test
  void post_withoutOrWithAWrongCsrfToken_isRefusedAndChangesNothing() throws Exception {
    browser.signIn("alice", "alice-password");
    String root = host.host.catalog().rootContainer("alice", "new-root").id();

    HttpResponse<byte[]> missing = browser.post("/files/" + root + "/folder", "name", "A");
    HttpResponse<byte[]> wrong =
        browser.post("/files/" + root + "/folder", "name", "A", "csrf", "forged");
    HttpResponse<byte[]> upload =
        browser.upload("/files/" + root, "a.txt", "x".getBytes(StandardCharsets.UTF_8), "forged");

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(text(wrong)).contains("did not come from this site");
    assertThat(host.host.catalog().childContainers(root)).isEmpty();
    assertThat(host.host.catalog().childFiles(root)).isEmpty();

    HttpResponse<byte[]> ok =
        browser.post("/files/" + root + "/folder", "name", "A", "csrf", browser.csrf());
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(host.host.catalog().childContainers(root)).hasSize(1);
  }

  @Test
  void signOut_endsTheSession_soTheOldCookieNoLongerWorks() throws Exception {
    browser.signIn("alice", "alice-password");
    String oldCookie = browser.cookie();

    assertThat(browser.post("/signout", "csrf", browser.csrf()).statusCode()).isEqualTo(303);

    var replay = host.send("GET", host.uri("/files"), null, "Cookie",
        Sessions.COOKIE + "=" + oldCookie);
    assertThat(replay.statusCode()).isEqualTo(303);
    assertThat(replay.headers().firstValue("Location")).contains("/signin");
  }

  @Test
  void files_ofAnotherUser_areNotFound_butAnAdminSeesThem() throws Exception {
    String bobsFile = host.importFile("secret.txt", "bob's".getBytes(StandardCharsets.UTF_8), "bob");
    browser.signIn("alice", "alice-password");

    HttpResponse<byte[]> denied = browser.get("/file/" + bobsFile);
    assertThat(denied.statusCode()).isEqualTo(404);
    assertThat(text(denied)).doesNotContain("secret.txt");
    assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);

    host.host.users().trySetAdmin("alice", true);
    assertThat(text(browser.get("/file/" + bobsFile))).contains("secret.txt");
    assertThat(text(browser.get("/admin/users"))).contains("Files of bob");
  }

  @Test
  void changePassword_signsOutOtherSessions_andTheNewPasswordWorks() throws Exception {
    var other = new WebClient(host);
    other.signIn("alice", "alice-password");
    browser.signIn("alice", "alice-password");

    HttpResponse<byte[]> tooShort = browser.post("/account", "csrf", browser.csrf(),
        "current", "alice-password", "password", "short", "again", "short");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(text(tooShort)).contains("at least 8 characters");

    HttpResponse<byte[]> changed = browser.post("/account", "csrf", browser.csrf(),
        "current", "alice-password", "password", "new-password", "again", "new-password");
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    assertThat(other.get("/account").statusCode()).isEqualTo(303);
    assertThat(host.host.users().authenticate("alice", "new-password".toCharArray())).isPresent();
  }

  @Test
  void firstAdmin_noUsers_createsAnAdminWithARandomPassword_once() throws Exception {
    try (TestHost fresh = TestHost.start(dir.resolve("fresh"), Map.of("password-hash-cost", "4"))) {
      var password = FirstAdmin.createIfNoUsers(fresh.host.users());

      assertThat(password).hasValueSatisfying(p -> assertThat(p).hasSize(20));
      assertThat(fresh.host.users().isAdmin(FirstAdmin.USER_ID)).isTrue();
      assertThat(fresh.host.users().authenticate(FirstAdmin.USER_ID, password.get().toCharArray()))
          .isPresent();
      assertThat(FirstAdmin.createIfNoUsers(fresh.host.users())).isEmpty();
    }
  }

  @Test
  void signIn_afterOthersExpired_removesTheExpiredSessions() throws Exception {
    browser.signIn("alice", "alice-password");
    assertThat(sessionRows()).isEqualTo(1);
    host.clock.advance(Sessions.LIFETIME.plusSeconds(1));

    new WebClient(host).signIn("bob", "bob-password");

    assertThat(sessionRows()).isEqualTo(1);
    assertThat(browser.get("/files").statusCode()).isEqualTo(303);
  }

  private long sessionRows() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("wopihost.db");
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM web_sessions")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
