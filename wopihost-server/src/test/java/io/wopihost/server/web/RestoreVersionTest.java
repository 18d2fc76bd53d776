package io.wopihost.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.User;
import io.wopihost.core.token.Permission;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring a version from the history page: a new version with the old bytes, audited. */
class RestoreVersionTest {

  @TempDir Path dir;
  private TestHost host;
  private WebClient browser;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("password-hash-cost", "4"));
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
    browser = new WebClient(host);
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void restore_firstVersion_becomesANewVersionWithItsBytesAndIsAudited() throws Exception {
    String id = host.importFile("report.docx", bytes("first"), "alice");
    var wopi =
        new WopiClient(host, id, host.token(id, "alice", EnumSet.allOf(Permission.class)));
    assertThat(wopi.lock("L").statusCode()).isEqualTo(200);
    assertThat(wopi.putFile(bytes("second"), "X-WOPI-Lock", "L").statusCode()).isEqualTo(200);
    assertThat(wopi.override("UNLOCK", null, "X-WOPI-Lock", "L").statusCode()).isEqualTo(200);
    browser.signIn("alice", "alice-password");

    var restored =
        browser.post("/file/" + id + "/restore", "version", "1", "csrf", browser.csrf());

    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(new String(wopi.getFile().body(), StandardCharsets.UTF_8)).isEqualTo("first");
    assertThat(host.host.catalog().findFile(id).orElseThrow().version()).isEqualTo(3);
    assertThat(host.host.events().auditOfFile(id, 100))
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("restored");
              assertThat(entry.userId()).isEqualTo("alice");
            });
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
