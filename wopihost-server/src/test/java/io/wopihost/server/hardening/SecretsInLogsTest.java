package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.wopihost.core.model.User;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * No log line carries a secret (issue 8): a scripted session with a known signing secret, access
 * token and password, good and bad requests alike, is logged without any of them, neither in the
 * application log nor in the access log.
 */
final class SecretsInLogsTest {

  private static final String SECRET = "a-known-signing-secret-0123456789-abcdefghij";
  private static final String PASSWORD = "correct-horse-battery-staple";
  private static final String ACCESS = "wopihost.access";

  @TempDir Path dir;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final AppenderBase<ILoggingEvent> capture =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          String line = event.getLoggerName() + " " + event.getFormattedMessage();
          if (event.getThrowableProxy() != null) {
            line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
          }
          lines.add(line);
        }
      };
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger access = (Logger) LoggerFactory.getLogger(ACCESS);

  @BeforeEach
  void capture() {
    capture.start();
    root.addAppender(capture);
    // The access log does not add up to the root logger.
    access.addAppender(capture);
  }

  @AfterEach
  void release() {
    root.detachAppender(capture);
    access.detachAppender(capture);
  }

  @Test
  void scriptedSession_goodAndBadRequests_noLogLineHasTheTokenSecretOrPassword()
      throws Exception {
    List<String> logged = new ArrayList<>();
    String token;
    try (TestHost host =
        TestHost.start(dir, Map.of("token-secret", SECRET, "password-hash-cost", "4"))) {
      host.host.users().tryAdd(new User(TestHost.USER, "Alice"), PASSWORD.toCharArray());
      WopiClient client = host.newFile("Plans.docx", bytes("plans"));
      token = client.token();
      int requests = 0;

      assertThat(client.checkFileInfo().statusCode()).isEqualTo(200);
      assertThat(client.lock("L1").statusCode()).isEqualTo(200);
      assertThat(client.putFile(bytes("new plans"), "X-WOPI-Lock", "L1").statusCode())
          .isEqualTo(200);
      assertThat(client.putFile(bytes("evil"), "X-WOPI-Lock", "wrong").statusCode())
          .isEqualTo(409);
      assertThat(client.override("NO_SUCH_OPERATION", null).statusCode()).isEqualTo(501);
      assertThat(
              host.send("GET", client.fileUri(), null, "Authorization", "Bearer " + token)
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              new WopiClient(host, client.fileId(), token.substring(1) + "A")
                  .checkFileInfo()
                  .statusCode())
          .isEqualTo(401);
      requests += 7;
      for (String password : List.of(PASSWORD, PASSWORD + "-wrong")) {
        host.send(
            "POST",
            host.uri("/signin"),
            bytes(
                "username=" + TestHost.USER + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)),
            "Content-Type",
            "application/x-www-form-urlencoded");
        requests++;
      }
      // An access-log line is written once its response is on its way: wait for one a request.
      int accessLines = 0;
      while (accessLines < requests) {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("access-log line %d of %d", accessLines + 1, requests).isNotNull();
        if (line.startsWith(ACCESS + " ")) {
          accessLines++;
        }
        logged.add(line);
      }
    }
    lines.drainTo(logged);

    // The capture saw the session: the WOPI calls and the sign-ins are there.
    assertThat(String.join("\n", logged)).contains("op=PutFile").contains("POST /signin");
    String encodedToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
    for (String line : logged) {
      assertThat(line)
          .doesNotContain(token)
          .doesNotContain(encodedToken)
          .doesNotContain(token.substring(1))
          .doesNotContain(SECRET)
          .doesNotContain(PASSWORD);
    }
  }
}
