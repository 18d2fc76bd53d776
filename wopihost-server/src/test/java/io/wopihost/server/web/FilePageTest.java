package io.wopihost.server.web;

import static io.wopihost.server.web.WebClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.core.token.Permission;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import io.wopihost.testkit.FakeEditor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file page says of the file's lock (who took it, since when) and which View and Edit
 * buttons it offers (those the editors' discovery has for the file's extension).
 */
class FilePageTest {

  @TempDir Path dir;
  private TestHost host;
  private FakeEditor editor;

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
    if (editor != null) {
      editor.close();
    }
  }

  private WebClient signedInAlice(Map<String, String> settings) throws Exception {
    var all = new HashMap<>(settings);
    all.put("password-hash-cost", "4");
    host = TestHost.start(dir, all);
    host.host.users().tryAdd(new User("alice", "Alice Liddell"), "alice-password".toCharArray());
    var browser = new WebClient(host);
    browser.signIn("alice", "alice-password");
    return browser;
  }

  private WopiClient editorOf(String fileId, String user) {
    return new WopiClient(host, fileId, host.token(fileId, user, EnumSet.allOf(Permission.class)));
  }

  @Test
  void lock_showsWhoTookItAndSinceWhen_untilItIsUnlocked() throws Exception {
    WebClient browser = signedInAlice(Map.of());
    String id = host.importFile("Plan.docx", bytes("plan"), "alice");
    assertThat(text(browser.get("/file/" + id))).contains("Not locked.");

    assertThat(editorOf(id, "alice").lock("L1").statusCode()).isEqualTo(200);
    String locked = text(browser.get("/file/" + id));
    assertThat(editorOf(id, "alice").unlock("L1").statusCode()).isEqualTo(200);
    String unlocked = text(browser.get("/file/" + id));

    assertThat(locked).contains("Locked by Alice Liddell since ").contains("L1");
    assertThat(unlocked).contains("Not locked.").doesNotContain("Locked by");
  }

  @Test
  void lock_takenWithATokenOfAUserTheDirectoryDoesNotKnow_namesTheTokensUser() throws Exception {
    WebClient browser = signedInAlice(Map.of());
    String id = host.importFile("Plan.docx", bytes("plan"), "alice");

    assertThat(editorOf(id, "integration-bot").lock("L2").statusCode()).isEqualTo(200);

    assertThat(text(browser.get("/file/" + id))).contains("Locked by integration-bot since ");
  }

  @Test
  void buttons_areTheActionsTheEditorOffersForTheExtension() throws Exception {
    editor = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
    WebClient browser = signedInAlice(Map.of("office-urls", "onlyoffice=" + editor.baseUrl()));
    String docx = host.importFile("Letter.docx", bytes("letter"), "alice");
    String txt = host.importFile("notes.txt", bytes("notes"), "alice");

    String docxPage = text(browser.get("/file/" + docx));
    String txtPage = text(browser.get("/file/" + txt));

    var urls = host.host.urls();
    assertThat(docxPage)
        .contains("href=\"" + urls.hostPage(docx, "view") + "\" title=\"View in onlyoffice\"")
        .contains("href=\"" + urls.hostPage(docx, "edit") + "\" title=\"Edit in onlyoffice\"")
        .contains("/download\">Download</a>");
    assertThat(txtPage)
        .contains("None of the configured editors opens <code>.txt</code> files")
        .doesNotContain("action=view")
        .contains("/download\">Download</a>");
  }

  @Test
  void buttons_withNoEditorConfigured_sayHowToConfigureOne_andDownloadStays() throws Exception {
    WebClient browser = signedInAlice(Map.of());
    String id = host.importFile("Letter.docx", bytes("letter"), "alice");

    String page = text(browser.get("/file/" + id));

    assertThat(page)
        .contains("No online office editor is configured")
        .contains("office-urls")
        .doesNotContain("action=edit")
        .contains("/download\">Download</a>");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
