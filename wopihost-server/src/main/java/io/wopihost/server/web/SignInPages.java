package io.wopihost.server.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.jdbc.JdbcWebSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Signing in and out, and changing one's password. Guessing is throttled: after {@link
 * #PER_USER} failed sign-ins for one user id, or {@link #PER_ADDRESS} from one client address,
 * within {@link #WINDOW}, further attempts are refused without checking the password until the
 * window has passed. The counts live in the database, so every node applies them.
 */
final class SignInPages {

  static final int PER_USER = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MIN_PASSWORD_LENGTH = 8;

  private final UserDirectory users;
  private final JdbcWebSessions store;
  private final Sessions sessions;
  private final Clock clock;

  SignInPages(UserDirectory users, JdbcWebSessions store, Sessions sessions, Clock clock) {
    this.users = users;
    this.store = store;
    this.sessions = sessions;
    this.clock = clock;
  }

  void form(ServerRequest req, ServerResponse res) {
    if (sessions.visitor(req).isPresent()) {
      Html.redirect(res, "/files");
      return;
    }
    render(res, Status.OK_200, "", Optional.empty());
  }

  void signIn(ServerRequest req, ServerResponse res) {
    Form form = Form.read(req.content().inputStream());
    String userId = form.get("username").orElse("").strip();
    char[] password = form.get("password").orElse("").toCharArray();
    String userKey = "user:" + userId;
    String addressKey = "address:" + req.remotePeer().host();
    try {
      var now = clock.instant();
      if (store.failures(userKey, now, WINDOW) >= PER_USER
          || store.failures(addressKey, now, WINDOW) >= PER_ADDRESS) {
        render(res, Status.TOO_MANY_REQUESTS_429, userId, Optional.of(
            "Too many failed sign-ins. Wait " + WINDOW.toMinutes() + " minutes and try again."));
        return;
      }
      Optional<User> user = users.authenticate(userId, password);
      if (user.isEmpty()) {
        store.recordFailure(userKey, now, WINDOW);
        store.recordFailure(addressKey, now, WINDOW);
        render(res, Status.UNAUTHORIZED_401, userId,
            Optional.of("The user name or the password is wrong."));
        return;
      }
      store.clearFailures(userKey);
      sessions.signIn(res, user.get());
      Html.redirect(res, "/files");
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  void signOut(ServerRequest req, ServerResponse res, Visitor visitor, Form form) {
    sessions.signOut(res, visitor);
    Html.redirect(res, "/signin");
  }

  void account(ServerRequest req, ServerResponse res, Visitor visitor) {
    accountPage(res, Status.OK_200, visitor, "");
  }

  void changePassword(ServerRequest req, ServerResponse res, Visitor visitor, Form form) {
    char[] current = form.get("current").orElse("").toCharArray();
    char[] next = form.get("password").orElse("").toCharArray();
    char[] again = form.get("again").orElse("").toCharArray();
    try {
      if (users.authenticate(visitor.id(), current).isEmpty()) {
        accountPage(res, Status.BAD_REQUEST_400, visitor, "The current password is wrong.");
      } else if (next.length < MIN_PASSWORD_LENGTH) {
        accountPage(res, Status.BAD_REQUEST_400, visitor,
            "The new password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
      } else if (!Arrays.equals(next, again)) {
        accountPage(res, Status.BAD_REQUEST_400, visitor, "The two new passwords differ.");
      } else {
        users.trySetPassword(visitor.id(), next);
        // Other browsers signed in with the old password are signed out; this one starts afresh.
        sessions.endAll(visitor.id());
        sessions.signIn(res, visitor.user());
        Html.redirect(res, "/files");
      }
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(next, '\0');
      Arrays.fill(again, '\0');
    }
  }

  private static void accountPage(ServerResponse res, Status status, Visitor v, String error) {
    Html.page(res, status, Optional.of(v), "Change your password",
        alert(error)
            + "<form method=\"post\" action=\"/account\" class=\"stack\">" + Html.csrfField(v)
            + field("current", "Current password", "password", "current-password", "")
            + field("password", "New password (at least " + MIN_PASSWORD_LENGTH + " characters)",
                "password", "new-password", "")
            + field("again", "New password again", "password", "new-password", "")
            + "<p><button type=\"submit\">Change password</button></p></form>");
  }

  private static void render(ServerResponse res, Status status, String userId,
      Optional<String> error) {
    Html.page(res, status, Optional.empty(), "Sign in",
        alert(error.orElse(""))
            + "<form method=\"post\" action=\"/signin\" class=\"stack\">"
            + field("username", "User name", "text", "username", userId)
            + field("password", "Password", "password", "current-password", "")
            + "<p><button type=\"submit\">Sign in</button></p></form>");
  }

  private static String alert(String error) {
    return error.isEmpty() ? "" : "<p role=\"alert\" class=\"error\">" + Html.escape(error) + "</p>";
  }

  static String field(String name, String label, String type, String autocomplete, String value) {
    return "<p><label for=\"" + name + "\">" + Html.escape(label) + "</label>"
        + "<input id=\"" + name + "\" name=\"" + name + "\" type=\"" + type + "\" autocomplete=\""
        + autocomplete + "\" value=\"" + Html.escape(value) + "\" required></p>";
  }
}
