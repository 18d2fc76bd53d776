package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.testkit.MutableClock;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What {@link SecretsInTestLogs} recognises in a log line, and what it lets pass. */
class SecretShapesTest {

  private final MutableClock clock = MutableClock.startingAt2026();
  private final HmacTokenService tokens =
      new HmacTokenService(bytes("a secret for shapes, 32 bytes long!"), clock);

  @Test
  void secretsIn_accessTokensOfEveryKind_areFoundByTheirShape() {
    for (Scope.Kind kind : Scope.Kind.values()) {
      String token =
          tokens.issue(
              new AccessToken(
                  "u",
                  new Scope(kind, "x"),
                  EnumSet.of(Permission.READ),
                  clock.instant().plus(Duration.ofHours(1))));

      assertThat(SecretsInTestLogs.secretsIn("GET /wopi/files/x?" + token + " 200"))
          .as(kind.name())
          .containsExactly("an access token of u (" + kind + ")");
    }
  }

  @Test
  void secretsIn_tokenParameterCookieOrTestPassword_areFound() {
    assertThat(SecretsInTestLogs.secretsIn("GET /wopi/files/x?access_token=abc HTTP/1.1"))
        .hasSize(1);
    assertThat(SecretsInTestLogs.secretsIn("Cookie: wopihost_session=abc")).hasSize(1);
    assertThat(SecretsInTestLogs.secretsIn("signed in with alice-password")).hasSize(1);
  }

  @Test
  void secretsIn_accessLogLineWithIdsAndHashes_findsNothing() {
    String line =
        "127.0.0.1 - owner-1 [27/Nov/2026:01:39:23 +0000] \"POST /wopi/files/IseBphWJYt7NEsOxa7kSHQ"
            + " HTTP/1.1\" 200 0 \"-\" op=Lock file=IseBphWJYt7NEsOxa7kSHQ access_token= sha256="
            + "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4";

    assertThat(SecretsInTestLogs.secretsIn(line)).isEmpty();
  }
}
