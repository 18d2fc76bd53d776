package io.wopihost.server;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mints access tokens for files after a primary authentication (the operator's CLI, the serve
 * banner), with the configured lifetime.
 */
public final class TokenMinter {

  private final Host host;

  public TokenMinter(Host host) {
    this.host = host;
  }

  /**
   * @return {@code wopiSrc}, {@code accessToken} and {@code accessTokenTtl} (the expiry in
   *     milliseconds since the epoch, as editors take it in {@code access_token_ttl})
   * @throws IllegalArgumentException when there is no such file
   */
  public Map<String, Object> mint(String fileId, String userId, boolean readOnly, Duration ttl) {
    if (host.catalog().findFile(fileId).isEmpty()) {
      throw new IllegalArgumentException("there is no file with id '" + fileId + "'");
    }
    if (userId.isBlank()) {
      throw new IllegalArgumentException("the user id must not be blank");
    }
    Set<Permission> rights =
        readOnly ? EnumSet.of(Permission.READ) : EnumSet.allOf(Permission.class);
    Instant expiry = host.clock().instant().plus(ttl);
    String token =
        host.tokens().issue(new AccessToken(userId, Scope.file(fileId), rights, expiry));
    var out = new LinkedHashMap<String, Object>();
    out.put("wopiSrc", host.urls().wopiSrc(fileId));
    out.put("accessToken", token);
    out.put("accessTokenTtl", expiry.toEpochMilli());
    return out;
  }
}
