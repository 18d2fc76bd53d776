package io.wopihost.core.wopi;

import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.util.Map;
import java.util.Optional;

/**
 * The Ecosystem endpoint, reached with a token from GetEcosystem. CheckEcosystem states whether
 * the host supports containers; it must match CheckFileInfo.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/checkecosystem">CheckEcosystem</a>
 */
public final class WopiEcosystem {

  private final TokenService tokens;

  public WopiEcosystem(TokenService tokens) {
    this.tokens = tokens;
  }

  public Outcome checkEcosystem(String rawToken) {
    boolean valid =
        Optional.ofNullable(rawToken)
            .flatMap(tokens::verify)
            .filter(t -> t.scope().kind() == Scope.Kind.ECOSYSTEM)
            .isPresent();
    if (!valid) {
      return new Outcome.Unauthorized("the access token is not an ecosystem token");
    }
    return Outcome.Ok.json(Map.of("SupportsContainers", false));
  }
}
