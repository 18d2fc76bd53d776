package io.wopihost.server.web;

import static io.wopihost.server.web.WebClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.server.TestHost;
import io.wopihost.testkit.FakeEditor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file page and the file browser offer a button per action the editors' discovery has for
 * the file's extension, each leading to the host page for that action; without an editor they
 * say how to configure one, and still offer the download.
 */
class EditorButtonsTest {

  private static final Pattern BUTTON =
      Pattern.compile("data-action=\"([a-z]+)\" href=\"([^\"]*)\"[^>]*>([^<]*)</a>");

  @TempDir Path dir;

  @Test
  void filePageAndBrowser_withAnEditor_offerItsActionsForTheExtension() throws Exception {
    try (FakeEditor onlyoffice = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
        TestHost host =
            TestHost.start(dir, Map.of("password-hash-cost", "4",
                "office-urls", "onlyoffice=" + onlyoffice.baseUrl()))) {
      WebClient browser = signedIn(host);
      String docx = host.importFile("Letter.docx", bytes("a"), "alice");
      String xlsx = host.importFile("Sums.xlsx", bytes("b"), "alice");
      String txt = host.importFile("notes.txt", bytes("c"), "alice");

      String letter = text(browser.get("/file/" + docx));
      assertThat(buttons(letter)).containsExactly(
          "view View " + host.host.urls().hostPage(docx, "view"),
          "edit Edit " + host.host.urls().hostPage(docx, "edit"),
          "embedview Embedded view " + host.host.urls().hostPage(docx, "embedview"));
      assertThat(buttons(text(browser.get("/file/" + xlsx)))).containsExactly(
          "view View " + host.host.urls().hostPage(xlsx, "view"),
          "edit Edit " + host.host.urls().hostPage(xlsx, "edit"));
      String notes = text(browser.get("/file/" + txt));
      assertThat(buttons(notes)).isEmpty();
      assertThat(notes).contains("href=\"/file/" + txt + "/download\">Download</a>");
      assertThat(letter).doesNotContain("office-urls");

      String folder = text(browser.get("/files/"
          + host.host.catalog().findFile(docx).orElseThrow().containerId()));
      assertThat(buttons(folder)).hasSize(5)
          .contains("embedview Embedded view " + host.host.urls().hostPage(docx, "embedview"))
          .contains("edit Edit " + host.host.urls().hostPage(xlsx, "edit"));
      assertThat(folder).contains("href=\"/file/" + txt + "/download\">Download</a>");
    }
  }

  @Test
  void filePageAndBrowser_withoutAnEditor_sayHowToConfigureOne_andOfferTheDownload()
      throws Exception {
    try (TestHost host = TestHost.start(dir, Map.of("password-hash-cost", "4"))) {
      WebClient browser = signedIn(host);
      String id = host.importFile("Letter.docx", bytes("a"), "alice");

      String file = text(browser.get("/file/" + id));
      String folder = text(browser.get("/files/"
          + host.host.catalog().findFile(id).orElseThrow().containerId()));

      for (String page : List.of(file, folder)) {
        assertThat(buttons(page)).isEmpty();
        assertThat(page)
            .contains("No online office editor is configured")
            .contains("<code>office-urls</code>")
            .contains("docs/operations.md")
            .contains("href=\"/file/" + id + "/download\">Download</a>");
      }
    }
  }

  private static WebClient signedIn(TestHost host) throws Exception {
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
    WebClient browser = new WebClient(host);
    assertThat(browser.signIn("alice", "alice-password").statusCode()).isEqualTo(303);
    return browser;
  }

  /** Each button as "action label URL". */
  private static List<String> buttons(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = BUTTON.matcher(html);
    while (m.find()) {
      found.add(m.group(1) + " " + m.group(3) + " " + m.group(2).replace("&amp;", "&"));
    }
    return found;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
