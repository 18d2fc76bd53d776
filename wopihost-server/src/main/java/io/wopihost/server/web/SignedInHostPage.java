package io.wopihost.server.web;

import io.helidon.webserver.http.ServerRequest;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.http.HostPageAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Opens the host page for a signed-in user of the web UI: the owner of the file (or an admin)
 * gets every right on it, as in the file browser. The session cookie is the memory, so nothing
 * else is kept for the page's token renewals.
 */
final class SignedInHostPage implements HostPageAccess {

  private final Sessions sessions;
  private final Catalog catalog;
  private final Clock clock;
  private final Duration grantTtl;

  SignedInHostPage(Sessions sessions, Catalog catalog, Clock clock, Duration grantTtl) {
    this.sessions = sessions;
    this.catalog = catalog;
    this.clock = clock;
    this.grantTtl = grantTtl;
  }

  @Override
  public Optional<AccessToken> grant(ServerRequest request, String fileId) {
    return sessions
        .visitor(request)
        .filter(v -> catalog.findFile(fileId).filter(f -> v.mayAccess(f.ownerId())).isPresent())
        .map(
            v ->
                new AccessToken(
                    v.id(),
                    new Scope(Scope.Kind.HOST_PAGE, fileId),
                    EnumSet.allOf(Permission.class),
                    clock.instant().plus(grantTtl)));
  }
}
