package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import io.wopihost.core.wopi.HostUrls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Short-lived signed links that open a file's host page for a user, until the web UI has
 * sign-in: {@code /open/{fileId}?action=...&launch=TOKEN}, minted by {@code wopihost open-url}.
 * Opening one gives the page a session cookie, valid for {@code host-page-session} and only under
 * that file's page, from which the page gets fresh access tokens. Both are signed grants of the
 * {@link Scope.Kind#HOST_PAGE} kind, which no WOPI endpoint takes; nothing is stored, so every
 * node of a cluster honours them. Thread safe.
 */
public final class LaunchLinks implements HostPageAccess {

  static final String PARAMETER = "launch";
  private static final String COOKIE = "wopihost-page";

  private final TokenService tokens;
  private final HostUrls urls;
  private final Clock clock;
  private final Duration linkTtl;
  private final Duration sessionTtl;

  /**
   * @param linkTtl how long a link can be opened
   * @param sessionTtl how long a page opened from a link keeps getting fresh tokens
   */
  public LaunchLinks(
      TokenService tokens, HostUrls urls, Clock clock, Duration linkTtl, Duration sessionTtl) {
    this.tokens = tokens;
    this.urls = urls;
    this.clock = clock;
    this.linkTtl = linkTtl;
    this.sessionTtl = sessionTtl;
  }

  /**
   * A link that opens the file's host page for the user with those rights.
   *
   * @param action {@code view} or {@code edit}
   */
  public String mint(String fileId, String userId, Set<Permission> rights, String action) {
    String link = tokens.issue(grant(userId, fileId, rights, clock.instant().plus(linkTtl)));
    return urls.hostPage(fileId, action) + "&" + PARAMETER + "="
        + URLEncoder.encode(link, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<AccessToken> grant(ServerRequest request, String fileId) {
    Optional<String> presented =
        request.query().first(PARAMETER).asOptional()
            .or(() -> request.headers().cookies().first(COOKIE).asOptional());
    return presented
        .flatMap(tokens::verify)
        .filter(g -> g.scope().equals(new Scope(Scope.Kind.HOST_PAGE, fileId)));
  }

  @Override
  public void opened(ServerRequest request, ServerResponse response, AccessToken grant) {
    if (!request.query().contains(PARAMETER)) {
      return; // opened with the cookie: the session keeps its end
    }
    Instant end = clock.instant().plus(sessionTtl);
    String session =
        tokens.issue(grant(grant.userId(), grant.scope().id(), grant.permissions(), end));
    boolean secure = urls.base().startsWith("https:");
    response.headers().add(
        HeaderNames.SET_COOKIE,
        COOKIE + "=" + session + "; Path=/open/" + grant.scope().id() + "; Max-Age="
            + sessionTtl.toSeconds() + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
  }

  private static AccessToken grant(
      String userId, String fileId, Set<Permission> rights, Instant expiresAt) {
    return new AccessToken(userId, new Scope(Scope.Kind.HOST_PAGE, fileId), rights, expiresAt);
  }
}
