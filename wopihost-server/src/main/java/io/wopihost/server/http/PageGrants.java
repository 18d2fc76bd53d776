package io.wopihost.server.http;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The host page's grants ({@link HostPageAccess}, tried in turn) and the access tokens it mints
 * from them for the editor, with the configured lifetime. Thread safe.
 */
final class PageGrants {

  /** An access token and its {@code access_token_ttl} (milliseconds since the epoch). */
  record Minted(String token, long ttl) {}

  private final List<HostPageAccess> access;
  private final TokenService tokens;
  private final Clock clock;
  private final Duration tokenTtl;

  PageGrants(List<HostPageAccess> access, TokenService tokens, Clock clock, Duration tokenTtl) {
    this.access = List.copyOf(access);
    this.tokens = tokens;
    this.clock = clock;
    this.tokenTtl = tokenTtl;
  }

  Optional<AccessToken> grant(ServerRequest request, String fileId) {
    return access.stream()
        .map(a -> a.grant(request, fileId))
        .flatMap(Optional::stream)
        .findFirst();
  }

  void opened(ServerRequest request, ServerResponse response, AccessToken grant) {
    access.forEach(a -> a.opened(request, response, grant));
  }

  /** An access token for the file with the grant's user and rights. */
  Minted mint(AccessToken grant, String fileId) {
    var token =
        new AccessToken(
            grant.userId(), Scope.file(fileId), grant.permissions(),
            clock.instant().plus(tokenTtl));
    return new Minted(tokens.issue(token), token.expiresAt().toEpochMilli());
  }

  Duration tokenTtl() {
    return tokenTtl;
  }
}
