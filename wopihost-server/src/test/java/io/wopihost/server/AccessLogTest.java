package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The access log: one line per request with the WOPI fields, and never the access token. A line
 * is written once the response is on its way, so the test waits for it to arrive.
 */
class AccessLogTest {

  private static final String CORRELATION = "5d0d2e8a-1c7b-4b7e-9f1e-correlation";
  private static final String SESSION = "b3f1c2d4-session";

  @TempDir Path dir;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final AppenderBase<ILoggingEvent> lines =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          queue.add(event.getFormattedMessage());
        }
      };
  private final Logger logger = (Logger) LoggerFactory.getLogger("wopihost.access");
  private TestHost host;

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    if (host != null) {
      host.close();
    }
  }

  @Test
  void text_tokenInQueryAndHeader_lineHasTheWopiFieldsAndNoToken() throws Exception {
    host = TestHost.start(dir);
    String id = host.importFile("Plan.docx", "plan".getBytes());
    String token = host.token(id);

    HttpResponse<byte[]> response = checkFileInfo(id, token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-WOPI-ServerVersion")).isPresent();
    assertThat(response.headers().firstValue("X-WOPI-MachineName")).isPresent();
    String line = onlyLine();
    assertThat(line)
        .contains(" - alice [")
        .contains("\"GET /wopi/files/" + id + " HTTP/1.1\" 200 ")
        .contains(" op=CheckFileInfo")
        .contains(" file=" + id)
        .contains(" correlation=" + CORRELATION)
        .contains(" session=" + SESSION)
        .containsPattern(" ms=\\d+$");
    assertThat(line).doesNotContain(token).doesNotContain("access_token");
  }

  @Test
  void json_tokenInQueryAndHeader_objectHasTheWopiFieldsAndNoToken() throws Exception {
    host = TestHost.start(dir, Map.of("access-log-format", "json"));
    String id = host.importFile("Plan.docx", "plan".getBytes());
    String token = host.token(id);

    checkFileInfo(id, token);

    String line = onlyLine();
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("operation").asText()).isEqualTo("CheckFileInfo");
    assertThat(json.get("fileId").asText()).isEqualTo(id);
    assertThat(json.get("user").asText()).isEqualTo("alice");
    assertThat(json.get("status").asInt()).isEqualTo(200);
    assertThat(json.get("correlationId").asText()).isEqualTo(CORRELATION);
    assertThat(json.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(json.get("path").asText()).isEqualTo("/wopi/files/" + id);
    assertThat(json.get("ms").isIntegralNumber()).isTrue();
    assertThat(line).doesNotContain(token).doesNotContain("access_token");
  }

  @Test
  void shareLinkPaths_areLoggedWithoutTheirSecret() throws Exception {
    host = TestHost.start(dir);
    String link = "SecretShareLinkId0123456789abcdefghijklmnopqr";

    host.send("GET", host.uri("/s/" + link + "/content"), null);
    host.send("GET", host.uri("/shared/" + link), null, "Referer",
        host.host.urls().shareLink(link));

    assertThat(nextLine()).contains("\"GET /s/***/content HTTP/1.1\" 404 ").doesNotContain(link);
    assertThat(nextLine()).contains("\"GET /shared/*** HTTP/1.1\"").doesNotContain(link);
  }

  @Test
  void text_refusedTokenAndPageRequest_oneLineEachWithoutToken() throws Exception {
    host = TestHost.start(dir);
    String id = host.importFile("Plan.docx", "plan".getBytes());
    String forged = host.token(id).substring(1) + "A";

    assertThat(checkFileInfo(id, forged).statusCode()).isEqualTo(401);
    assertThat(host.send("GET", host.uri("/signin"), null).statusCode()).isEqualTo(200);

    assertThat(nextLine()).contains(" - - [").contains("\" 401 ").contains(" op=CheckFileInfo")
        .doesNotContain(forged);
    assertThat(nextLine()).contains("\"GET /signin HTTP/1.1\" 200 ").contains(" op=- ");
    assertThat(queue).isEmpty();
  }

  private HttpResponse<byte[]> checkFileInfo(String id, String token) throws Exception {
    URI uri =
        URI.create(host.wopiSrc(id) + "?access_token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return host.send("GET", uri, null,
        "Authorization", "Bearer " + token,
        "X-WOPI-CorrelationID", CORRELATION,
        "X-WOPI-SessionId", SESSION);
  }

  private String onlyLine() throws InterruptedException {
    String line = nextLine();
    assertThat(queue).isEmpty();
    return line;
  }

  private String nextLine() throws InterruptedException {
    String line = queue.poll(10, TimeUnit.SECONDS);
    assertThat(line).as("an access-log line").isNotNull();
    return line;
  }
}
