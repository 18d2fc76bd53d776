package io.wopihost.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.http.HostPageAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the host page for whoever holds a file's share link, signed in or not, with exactly the
 * link's right (view, or view and edit) and as the user who shared it. The link's id is kept in a
 * cookie scoped to that file's host page, and checked again at every token renewal: a revoked or
 * expired link opens nothing more.
 */
final class SharedHostPage implements HostPageAccess {

  static final String COOKIE = "wopihost_share";

  private final ShareLinkStore links;
  private final Clock clock;
  private final Duration grantTtl;
  private final boolean secure;

  SharedHostPage(ShareLinkStore links, Clock clock, Duration grantTtl, boolean secure) {
    this.links = links;
    this.clock = clock;
    this.grantTtl = grantTtl;
    this.secure = secure;
  }

  @Override
  public Optional<AccessToken> grant(ServerRequest request, String fileId) {
    Instant now = clock.instant();
    return request.headers().cookies().first(COOKIE).asOptional()
        .flatMap(id -> links.findLive(id, now))
        .filter(link -> link.fileId().equals(fileId))
        .map(link -> grant(link, now));
  }

  /** Remembers the link for the file's host page, for as long as the link lives. */
  void remember(ServerResponse res, ShareLink link) {
    long seconds = Math.max(0, Duration.between(clock.instant(), link.expiresAt()).toSeconds());
    res.header(HeaderNames.SET_COOKIE, COOKIE + "=" + link.id() + "; Path=/open/" + link.fileId()
        + "; Max-Age=" + seconds + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
  }

  private AccessToken grant(ShareLink link, Instant now) {
    Set<Permission> rights =
        link.canWrite() ? EnumSet.of(Permission.READ, Permission.WRITE) : Set.of(Permission.READ);
    Instant until = now.plus(grantTtl);
    return new AccessToken(
        link.createdBy(),
        new Scope(Scope.Kind.HOST_PAGE, link.fileId()),
        rights,
        until.isAfter(link.expiresAt()) ? link.expiresAt() : until);
  }
}
