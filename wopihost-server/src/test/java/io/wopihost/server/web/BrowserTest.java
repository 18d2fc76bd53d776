package io.wopihost.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.StoredBlob;
import io.wopihost.server.TestHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in Debian's chromium, headless, driven through its chromedriver. Skipped where
 * either is not installed. Screenshots of the main pages go to {@code target/screenshots}.
 */
class BrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;
  private TestHost host;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed");
    host = TestHost.start(dir.resolve("host"), Map.of("password-hash-cost", "4"));
    host.host.users().tryAdd(new User("alice", "Alice Adams"), "alice-password".toCharArray());
    host.host.users().tryAdd(new User("admin", "Administrator"), "admin-password".toCharArray());
    host.host.users().trySetAdmin("admin", true);
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")),
        "--window-size=1100,800");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (host != null) {
      host.close();
    }
  }

  @Test
  void signIn_upload_create_rename_history_restore_download_share() throws Exception {
    signIn("alice", "alice-password");
    screenshot("files-empty");

    Path upload = dir.resolve("report.txt");
    Files.writeString(upload, "first version\n");
    driver.findElement(By.id("upload")).sendKeys(upload.toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("report.txt")));

    driver.findElement(By.id("doc-name")).sendKeys("Plan");
    new Select(driver.findElement(By.id("doc-type")))
        .selectByValue("docx");
    driver.findElement(By.xpath("//button[text()='Create']")).click();
    wait.until(ExpectedConditions.titleContains("Plan.docx"));
    FileRecord plan = onlyFile("Plan.docx");
    assertThat(fetch("/file/" + plan.id() + "/download"))
        .isEqualTo(resource("/templates/blank.docx"));

    var name = driver.findElement(By.id("file-name"));
    name.clear();
    name.sendKeys("Roadmap.docx");
    driver.findElement(By.xpath("//form[contains(@action,'/rename')]/button")).click();
    wait.until(ExpectedConditions.titleContains("Roadmap.docx"));
    screenshot("file");

    FileRecord report = onlyFile("report.txt");
    byte[] first = Files.readAllBytes(upload);
    saveVersion(report, "second version, saved by an editor\n");
    driver.get(host.uri("/file/" + report.id()).toString());
    driver.findElement(By.linkText("History")).click();
    wait.until(ExpectedConditions.titleContains("History of report.txt"));
    screenshot("history");
    driver.findElement(By.cssSelector("button[aria-label='Restore version 1']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("button[aria-label='Restore version 2']")));
    assertThat(host.host.catalog().findFile(report.id()).orElseThrow().version()).isEqualTo(3);
    assertThat(fetch("/file/" + report.id() + "/download")).isEqualTo(first);
    assertThat(fetch("/file/" + report.id() + "/versions/2"))
        .isEqualTo("second version, saved by an editor\n".getBytes(StandardCharsets.UTF_8));

    driver.get(host.uri("/file/" + report.id()).toString());
    driver.findElement(By.xpath("//button[text()='Create link']")).click();
    String link = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.partialLinkText("read-only link"))).getAttribute("href");
    driver.findElement(By.xpath("//button[text()='Sign out']")).click();
    wait.until(ExpectedConditions.titleContains("Sign in"));
    driver.get(link);
    assertThat(driver.getTitle()).contains("report.txt");
    assertThat(driver.findElements(By.xpath("//button[text()='Sign out']"))).isEmpty();
    screenshot("share");
    assertThat(fetch(driver.findElement(By.linkText("Download")).getAttribute("href")))
        .isEqualTo(first);
  }

  @Test
  void forceUnlock_asAdmin_removesAnEditorsLock() throws Exception {
    String id = host.importFile("Locked.docx", resource("/templates/blank.docx"), "alice");
    var now = host.clock.instant();
    host.host.locks().tryAcquire(id, "editor-lock", now, now.plus(Duration.ofMinutes(30)));
    signIn("admin", "admin-password");

    driver.get(host.uri("/file/" + id).toString());
    assertThat(driver.findElement(By.className("lock")).getText()).contains("Locked by an editor");
    driver.findElement(By.xpath("//button[text()='Force unlock']")).click();

    wait.until(ExpectedConditions.textToBe(By.className("lock"), "Not locked."));
    assertThat(host.host.locks().current(id, host.clock.instant())).isEmpty();
  }

  @Test
  void move_aFileIntoANewFolder_fromItsPage() throws Exception {
    String id = host.importFile("Minutes.docx", resource("/templates/blank.docx"), "alice");
    signIn("alice", "alice-password");
    driver.findElement(By.id("new-folder")).sendKeys("Archive");
    driver.findElement(By.xpath("//button[text()='Create folder']")).click();
    wait.until(ExpectedConditions.titleContains("Archive"));

    driver.get(host.uri("/file/" + id).toString());
    new Select(driver.findElement(By.id("move-target"))).selectByVisibleText("/Archive/");
    driver.findElement(By.xpath("//button[text()='Move']")).click();

    wait.until(ExpectedConditions.titleContains("Archive"));
    assertThat(driver.findElement(By.linkText("Minutes.docx"))).isNotNull();
    String archive = host.host.catalog().findFile(id).orElseThrow().containerId();
    assertThat(host.host.catalog().findContainer(archive).orElseThrow().name()).isEqualTo("Archive");
  }

  @Test
  void phoneWidth_folderPage_hasNoHorizontalScroll() throws Exception {
    host.importFile("A rather long document name for a narrow screen.docx",
        resource("/templates/blank.docx"), "alice");
    driver.manage().window().setSize(new Dimension(390, 800));
    signIn("alice", "alice-password");
    screenshot("files-phone");

    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
  }

  private void signIn(String user, String password) {
    driver.get(host.uri("/").toString());
    wait.until(ExpectedConditions.titleContains("Sign in"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    screenshot("signin");
    driver.findElement(By.xpath("//button[text()='Sign in']")).click();
    wait.until(ExpectedConditions.titleContains("Files"));
  }

  private FileRecord onlyFile(String name) {
    String root = host.host.catalog().rootContainer("alice", "unused").id();
    return host.host.catalog().findFileByName(root, name).orElseThrow();
  }

  /** A save as an editor makes it: a new version straight into the catalog. */
  private void saveVersion(FileRecord file, String content) throws Exception {
    StoredBlob blob = host.host.blobs().put(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    host.clock.advance(Duration.ofMinutes(1));
    host.host.catalog().tryCommitVersion(file.id(), file.version(), new FileVersion(
        file.version() + 1, blob.key(), blob.size(), blob.sha256(), host.clock.instant(), "alice",
        List.of(), SaveKind.EXPLICIT)).orElseThrow();
  }

  /** Downloads in the page, with its cookies, and returns the bytes. */
  private byte[] fetch(String url) {
    Object base64 = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
            + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
            + "  done(btoa(s)); });",
        url);
    return Base64.getDecoder().decode((String) base64);
  }

  private static byte[] resource(String name) throws Exception {
    try (var in = BrowserTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private void screenshot(String name) {
    try {
      Path target = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(target.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
