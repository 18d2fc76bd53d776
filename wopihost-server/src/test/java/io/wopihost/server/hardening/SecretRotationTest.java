package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import io.wopihost.server.config.SettingsException;
import io.wopihost.server.config.SettingsLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the token signing secret: tokens of the retired secret work until the grace time and
 * are refused after it; tokens minted now use the new secret. Secrets come from files.
 */
class SecretRotationTest {

  private static final String OLD = "the-old-signing-secret-0123456789abcdefghij";
  private static final String NEW = "the-new-signing-secret-9876543210zyxwvutsrq";

  @TempDir Path dir;

  @Test
  void tokensOfTheRetiredSecret_workUntilTheGraceEnds() throws Exception {
    Path newFile = Files.writeString(dir.resolve("new-secret"), NEW + "\n");
    Path oldFile = Files.writeString(dir.resolve("old-secret"), OLD + "\n");
    Instant until = Instant.parse("2026-01-01T01:00:00Z");
    try (TestHost host = TestHost.start(dir.resolve("host"), Map.of(
        "token-secret-file", newFile.toString(),
        "token-secret-previous-file", oldFile.toString(),
        "token-secret-previous-until", until.toString()))) {
      String id = host.importFile("Memo.docx", bytes("memo"), "uma");
      var old = new HmacTokenService(OLD.getBytes(StandardCharsets.UTF_8), host.clock);
      String oldToken = old.issue(new AccessToken("uma", Scope.file(id),
          EnumSet.allOf(Permission.class), host.clock.instant().plus(Duration.ofHours(10))));
      WopiClient withOld = new WopiClient(host, id, oldToken);
      WopiClient withNew = new WopiClient(host, id, host.token(id));
      assertThat(host.clock.instant()).isBefore(until);

      assertThat(withOld.checkFileInfo().statusCode()).isEqualTo(200);
      assertThat(old.verify(host.token(id))).as("new tokens use the new secret").isEmpty();
      host.clock.advance(Duration.between(host.clock.instant(), until));
      assertThat(withOld.checkFileInfo().statusCode()).isEqualTo(401);
      assertThat(withNew.checkFileInfo().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aRotationWithoutItsGraceTime_orAShortRetiredSecret_doesNotStart() {
    assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), Map.of(),
        Map.of("token-secret", NEW, "token-secret-previous", OLD)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("token-secret-previous-until");
    assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), Map.of(),
        Map.of("token-secret", NEW, "token-secret-previous", "short",
            "token-secret-previous-until", "2026-12-01T00:00:00Z")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("at least 32")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), Map.of(),
        Map.of("token-secret", NEW, "token-secret-previous", OLD,
            "token-secret-previous-until", "next tuesday")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("ISO-8601");
  }
}
