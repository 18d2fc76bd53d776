package io.wopihost.server.editors;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.testkit.FakeEditor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The host page in Debian's chromium, headless, against stand-in editor pages that record what
 * they receive: the form with the token goes to the right action URL, the messages are answered,
 * and a fresh token reaches each editor its own way. Skipped where chromium or chromedriver is not
 * installed.
 */
class HostPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final long WAIT_SECONDS = 30;

  @TempDir Path dir;
  private FakeEditor onlyoffice;
  private FakeEditor collabora;
  private TestHost host;
  private ChromeDriver driver;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed");
    onlyoffice = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE);
    collabora = FakeEditor.start(FakeEditor.Flavor.COLLABORA);
    host =
        TestHost.start(
            dir.resolve("host"),
            Map.of(
                "office-urls",
                "onlyoffice=" + onlyoffice.baseUrl() + ",collabora=" + collabora.baseUrl(),
                "office-preference", "odt:collabora"));
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    for (AutoCloseable c : new AutoCloseable[] {host, onlyoffice, collabora}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Test
  void onlyoffice_formGoesToTheActionUrl_messagesAnswered_renewalPostsAgain_editOpensTheEditor()
      throws Exception {
    String id = host.importFile("Budget.docx", bytes("content"), "alice");

    driver.get(host.host.launchLinks().mint(id, "alice", EnumSet.allOf(Permission.class), "view"));

    FakeEditor.Post first = next(onlyoffice.posts());
    assertThat(first.path()).isEqualTo("/hosting/wopi/word/view");
    assertThat(first.query())
        .contains("wopisrc=" + URLEncoder.encode(host.wopiSrc(id), StandardCharsets.UTF_8))
        .doesNotContain("access_token");
    AccessToken token = verify(first.form().get("access_token"), id);
    assertThat(Long.parseLong(first.form().get("access_token_ttl")))
        .isEqualTo(token.expiresAt().toEpochMilli());
    assertThat(message(onlyoffice.messages()).get("MessageId").asText())
        .isEqualTo("Host_PostmessageReady");
    assertThat(driver.getCurrentUrl()).doesNotContain("launch=");

    host.clock.advance(Duration.ofHours(1));
    ((JavascriptExecutor) driver).executeScript("window.wopihost.renew()");
    FakeEditor.Post renewed = next(onlyoffice.posts());
    assertThat(renewed.path()).isEqualTo("/hosting/wopi/word/view");
    assertThat(verify(renewed.form().get("access_token"), id).expiresAt())
        .isEqualTo(token.expiresAt().plus(Duration.ofHours(1)));

    fromEditor("UI_Edit");
    FakeEditor.Post edit = next(onlyoffice.posts());
    assertThat(edit.path()).isEqualTo("/hosting/wopi/word/edit");
    assertThat(verify(edit.form().get("access_token"), id).can(Permission.WRITE)).isTrue();
  }

  @Test
  void collabora_getsAFreshTokenByMessage_andSharingOpensThePanel() throws Exception {
    String id = host.importFile("Notes.odt", bytes("content"), "alice");

    driver.get(host.host.launchLinks().mint(id, "alice", EnumSet.allOf(Permission.class), "edit"));

    FakeEditor.Post post = next(collabora.posts());
    assertThat(post.path()).isEqualTo("/browser/0123abcd/cool.html");
    assertThat(post.query())
        .startsWith("WOPISrc=" + URLEncoder.encode(host.wopiSrc(id), StandardCharsets.UTF_8));
    verify(post.form().get("access_token"), id);
    assertThat(message(collabora.messages()).get("MessageId").asText())
        .isEqualTo("Host_PostmessageReady");

    host.clock.advance(Duration.ofHours(1));
    ((JavascriptExecutor) driver).executeScript("window.wopihost.renew()");
    JsonNode reset = message(collabora.messages());
    assertThat(reset.get("MessageId").asText()).isEqualTo("Reset_Access_Token");
    AccessToken fresh = verify(reset.at("/Values/token").asText(), id);
    assertThat(reset.at("/Values/token_ttl").asText())
        .isEqualTo(Long.toString(fresh.expiresAt().toEpochMilli()));
    assertThat(collabora.posts()).as("no reload").isEmpty();

    fromEditor("UI_Sharing");
    assertThat(message(collabora.messages()).get("MessageId").asText()).isEqualTo("Blur_Focus");
    new WebDriverWait(driver, Duration.ofSeconds(WAIT_SECONDS))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("wopihost-panel")));
    assertThat(driver.findElements(By.cssSelector("#wopihost-panel input")))
        .extracting(e -> e.getDomProperty("value"))
        .hasSize(2)
        .allMatch(url -> url.startsWith(host.host.urls().base() + "/s/"));
  }

  /** Makes the stand-in editor page in the iframe post a message to the host page. */
  private void fromEditor(String messageId) {
    driver.switchTo().frame("office_frame");
    ((JavascriptExecutor) driver).executeScript(
        "window.parent.postMessage(JSON.stringify({MessageId: arguments[0], SendTime: Date.now(),"
            + " Values: {}}), '*')", messageId);
    driver.switchTo().defaultContent();
  }

  private AccessToken verify(String token, String fileId) {
    AccessToken verified = host.host.tokens().verify(token).orElseThrow();
    assertThat(verified.scope()).isEqualTo(Scope.file(fileId));
    assertThat(verified.userId()).isEqualTo("alice");
    return verified;
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(item).as("the stand-in editor received it").isNotNull();
    return item;
  }

  private static JsonNode message(BlockingQueue<String> messages) throws Exception {
    return new ObjectMapper().readTree(next(messages));
  }
}
