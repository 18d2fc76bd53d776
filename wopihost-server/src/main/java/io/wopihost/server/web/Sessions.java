package io.wopihost.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.jdbc.JdbcWebSessions;
import io.wopihost.server.web.WebException.Forbidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The session cookie and the CSRF rule. The cookie is HttpOnly and SameSite=Lax, and Secure when
 * the host's public URL is https. Every state-changing request must carry the session's CSRF
 * token, as the form field {@code csrf} or the header {@code X-CSRF-Token}.
 */
final class Sessions {

  static final String COOKIE = "wopihost_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final Duration LIFETIME = Duration.ofHours(12);

  private final JdbcWebSessions store;
  private final UserDirectory users;
  private final Clock clock;
  private final boolean secure;

  Sessions(JdbcWebSessions store, UserDirectory users, Clock clock, boolean secure) {
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.secure = secure;
  }

  /** The signed-in user of the request, if its cookie names a live session of a known user. */
  Optional<Visitor> visitor(ServerRequest req) {
    return req.headers().cookies().first(COOKIE).asOptional()
        .flatMap(secret -> store.find(secret, clock.instant()))
        .flatMap(s -> users.find(s.userId()).map(user ->
            new Visitor(user, users.isAdmin(user.id()), s.secret(), s.csrfToken())));
  }

  void signIn(ServerResponse res, User user) {
    // Sessions are only added here, so sweeping the expired ones here keeps the table bounded
    // without a background job.
    store.deleteExpired(clock.instant());
    var session = store.create(user.id(), clock.instant().plus(LIFETIME));
    res.header(HeaderNames.SET_COOKIE, cookie(session.secret(), LIFETIME.toSeconds()));
  }

  void signOut(ServerResponse res, Visitor visitor) {
    store.delete(visitor.sessionSecret());
    res.header(HeaderNames.SET_COOKIE, cookie("", 0));
  }

  /** Ends every session of the user, in every browser. */
  void endAll(String userId) {
    store.deleteAllOf(userId);
  }

  /**
   * @throws Forbidden when {@code presented} is not the visitor's CSRF token
   */
  static void checkCsrf(Visitor visitor, Optional<String> presented) {
    byte[] expected = visitor.csrfToken().getBytes(StandardCharsets.UTF_8);
    byte[] actual = presented.orElse("").getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new Forbidden("This form has expired or did not come from this site. Go back, reload"
          + " the page and try again.");
    }
  }

  private String cookie(String value, long maxAgeSeconds) {
    return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
  }
}
