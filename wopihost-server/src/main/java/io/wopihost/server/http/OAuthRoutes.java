package io.wopihost.server.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.server.oauth.AuthorizationServer;
import io.wopihost.server.oauth.AuthorizationServer.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 2.0 endpoints under {@code /oauth2}: the authorization endpoint (a login page) and the
 * token endpoint. The {@link AuthorizationServer} decides; this class only moves bytes.
 */
final class OAuthRoutes implements HttpService {

  // A login form or a token request is a few hundred bytes.
  private static final int MAX_FORM_BYTES = 64 * 1024;

  private final AuthorizationServer server;
  private final String tokenEndpoint;

  /**
   * @param tokenEndpoint the absolute URL of {@code /oauth2/token}, which Nimbus wants to know
   */
  OAuthRoutes(AuthorizationServer server, String tokenEndpoint) {
    this.server = server;
    this.tokenEndpoint = tokenEndpoint;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/authorize", (req, res) -> step(server.authorize(query(req)), res))
        .post("/authorize", (req, res) -> step(server.signIn(form(req)), res))
        .post("/token", this::token);
  }

  private void token(ServerRequest req, ServerResponse res) {
    var http = new HTTPRequest(HTTPRequest.Method.POST, URI.create(tokenEndpoint));
    var headers = req.headers();
    headers.first(HeaderNames.CONTENT_TYPE).ifPresent(v -> http.setHeader("Content-Type", v));
    headers.first(HeaderNames.AUTHORIZATION).ifPresent(v -> http.setHeader("Authorization", v));
    http.setBody(body(req));
    HTTPResponse answer = server.token(http);
    res.status(Status.create(answer.getStatusCode()));
    answer.getHeaderMap().forEach((name, values) -> values.forEach(v -> res.header(name, v)));
    String body = answer.getBody() == null ? "" : answer.getBody();
    res.send(body.getBytes(StandardCharsets.UTF_8));
  }

  private static void step(Step step, ServerResponse res) {
    switch (step) {
      case Step.Login login -> LoginPage.render(res, login);
      case Step.Redirect redirect -> {
        res.status(Status.FOUND_302);
        res.header(HeaderNames.LOCATION, redirect.location().toString());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send();
      }
      case Step.Refused refused ->
          Pages.html(res, Status.BAD_REQUEST_400, "Sign-in not possible",
              "<p>" + Pages.escape(refused.reason()) + ".</p>");
    }
  }

  private static Map<String, List<String>> query(ServerRequest req) {
    return URLUtils.parseParameters(req.query().rawValue());
  }

  private static Map<String, List<String>> form(ServerRequest req) {
    return URLUtils.parseParameters(body(req));
  }

  private static String body(ServerRequest req) {
    try (InputStream in = req.content().inputStream()) {
      byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
      if (bytes.length > MAX_FORM_BYTES) {
        // An HttpException is answered with its own status, where any other would be a 500.
        throw new HttpException(
            "the form is larger than " + MAX_FORM_BYTES + " bytes",
            Status.REQUEST_ENTITY_TOO_LARGE_413);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
