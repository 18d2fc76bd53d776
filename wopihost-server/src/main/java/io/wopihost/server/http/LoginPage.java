package io.wopihost.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.server.oauth.AuthorizationServer.Step;
import java.util.List;
import java.util.Map;

/**
 * The sign-in page of the OAuth authorization endpoint. It posts the OAuth request back as hidden
 * fields with the user's name and password. Like every page it may not be framed (clickjacking) and
 * loads nothing from elsewhere ({@link SecurityHeaders}).
 */
final class LoginPage {

  private LoginPage() {}

  static void render(ServerResponse res, Step.Login login) {
    var hidden = new StringBuilder();
    for (Map.Entry<String, List<String>> parameter : login.parameters().entrySet()) {
      for (String value : parameter.getValue()) {
        hidden.append("<input type=\"hidden\" name=\"").append(Pages.escape(parameter.getKey()))
            .append("\" value=\"").append(Pages.escape(value)).append("\">");
      }
    }
    String error =
        login.error().map(e -> "<p role=\"alert\"><strong>" + Pages.escape(e) + "</strong></p>")
            .orElse("");
    Pages.html(
        res,
        Status.OK_200,
        "Sign in",
        error
            + "<form method=\"post\" action=\"/oauth2/authorize\">"
            + hidden
            + "<p><label for=\"username\">User name</label><br>"
            + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required"
            + " autofocus></p>"
            + "<p><label for=\"password\">Password</label><br>"
            + "<input id=\"password\" name=\"password\" type=\"password\""
            + " autocomplete=\"current-password\" required></p>"
            + "<p><button type=\"submit\">Sign in</button></p></form>");
  }
}
