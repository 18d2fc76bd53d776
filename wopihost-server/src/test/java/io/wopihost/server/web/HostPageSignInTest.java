package io.wopihost.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.server.TestHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file browser's View and Edit buttons lead to the host page: a signed-in owner may open it,
 * another user and a signed-out browser may not. With no editor configured the page says how to
 * configure one (503), which proves the grant was accepted.
 */
class HostPageSignInTest {

  @TempDir Path dir;
  private TestHost host;
  private WebClient browser;
  private String fileId;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("password-hash-cost", "4"));
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
    host.host.users().tryAdd(new User("bob", "Bob"), "bob-password".toCharArray());
    fileId = host.importFile("plan.docx", "x".getBytes(StandardCharsets.UTF_8), "alice");
    browser = new WebClient(host);
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void hostPage_signedInOwner_isGrantedAndToldToConfigureAnEditor() throws Exception {
    browser.signIn("alice", "alice-password");

    var page = browser.get("/open/" + fileId + "?action=edit");

    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(WebClient.text(page)).contains("No editor configured", "WOPIHOST_OFFICE_URLS");
  }

  @Test
  void hostPage_anotherUserOrSignedOut_isRefused() throws Exception {
    assertThat(browser.get("/open/" + fileId + "?action=view").statusCode()).isEqualTo(403);

    browser.signIn("bob", "bob-password");

    assertThat(browser.get("/open/" + fileId + "?action=view").statusCode()).isEqualTo(403);
  }
}
