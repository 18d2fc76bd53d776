package io.wopihost.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the token signing secret (docs/operations.md): the node restarted with a new secret
 * and the old one as {@code token-secret-previous} accepts the old tokens until {@code
 * token-secret-previous-until}, then refuses them; it signs new tokens with the new secret only.
 */
class SigningSecretRotationTest {

  private static final String OLD = "the-old-signing-secret-0123456789-abcdef";
  private static final String NEW = "the-new-signing-secret-0123456789-abcdef";
  /** Two hours after the start of the test hosts' clock. */
  private static final String GRACE_ENDS = "2026-01-01T02:00:00Z";

  @TempDir Path dir;

  @Test
  void oldToken_afterRotation_isAcceptedDuringTheGracePeriodAndRefusedAfterIt() throws Exception {
    String fileId;
    String oldToken;
    try (TestHost before = TestHost.start(dir, Map.of("token-secret", OLD))) {
      fileId = before.importFile("Budget.docx", "content".getBytes(StandardCharsets.UTF_8));
      oldToken = before.token(fileId);
    }
    Path previous = Files.writeString(dir.resolve("previous-secret"), OLD + "\n");

    try (TestHost after = TestHost.start(dir, Map.of(
        "token-secret", NEW,
        "token-secret-previous-file", previous.toString(),
        "token-secret-previous-until", GRACE_ENDS))) {
      var old = new WopiClient(after, fileId, oldToken);
      var fresh = new WopiClient(after, fileId, after.token(fileId));
      assertThat(old.checkFileInfo().statusCode()).isEqualTo(200);
      assertThat(fresh.checkFileInfo().statusCode()).isEqualTo(200);

      after.clock.set(Instant.parse(GRACE_ENDS));

      assertThat(old.checkFileInfo().statusCode()).isEqualTo(401);
      assertThat(fresh.checkFileInfo().statusCode()).isEqualTo(200);
    }
    try (TestHost oldOnly = TestHost.start(dir, Map.of("token-secret", OLD))) {
      assertThat(new WopiClient(oldOnly, fileId, freshTokenOf(fileId)).checkFileInfo()
          .statusCode()).as("new tokens are signed with the new secret only").isEqualTo(401);
    }
  }

  /** A token minted by a node that signs with {@link #NEW} and still accepts {@link #OLD}. */
  private String freshTokenOf(String fileId) throws Exception {
    try (TestHost rotated = TestHost.start(dir, Map.of(
        "token-secret", NEW,
        "token-secret-previous", OLD,
        "token-secret-previous-until", GRACE_ENDS))) {
      return rotated.token(fileId);
    }
  }

  @Test
  void previousSecret_withoutItsEnd_stopsStartUpSayingWhatToSet() {
    assertThatThrownBy(() -> TestHost.start(dir, Map.of(
            "token-secret", NEW, "token-secret-previous", OLD)))
        .hasMessageStartingWith("token-secret-previous-until = '' ")
        .hasMessageContaining("set the previous secret")
        .hasMessageNotContaining(OLD);
  }

  @Test
  void grace_givenAsADuration_isRefusedWithAnExample() {
    assertThatThrownBy(() -> TestHost.start(dir, Map.of(
            "token-secret", NEW, "token-secret-previous", OLD,
            "token-secret-previous-until", "10h")))
        .hasMessageContaining("use a UTC time such as 2026-07-01T12:00:00Z");
  }
}
