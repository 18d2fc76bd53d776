package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.core.wopi.Outcome;
import io.wopihost.core.wopi.WopiBootstrapper;
import java.util.Optional;

/**
 * {@code /wopibootstrapper}: Bootstrap ({@code GET}) and the operations named by {@code
 * X-WOPI-EcosystemOperation} ({@code POST}). A 401 carries the one {@code WWW-Authenticate:
 * Bearer} challenge that sends Office mobile to the host's OAuth endpoints.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/bootstrapper/bootstrap">Bootstrap</a>
 */
final class BootstrapRoutes implements HttpService {

  private final WopiBootstrapper bootstrapper;
  private final HostUrls urls;
  private final Optional<String> providerId;
  private final OutcomeWriter writer;

  BootstrapRoutes(
      WopiBootstrapper bootstrapper,
      HostUrls urls,
      Optional<String> providerId,
      OutcomeWriter writer) {
    this.bootstrapper = bootstrapper;
    this.urls = urls;
    this.providerId = providerId;
    this.writer = writer;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", (req, res) ->
            write(bootstrapper.bootstrap(bearer(req), wopi(req, "Bootstrap")), res))
        .post("/", (req, res) ->
            write(bootstrapper.handle(bearer(req), wopi(req, operation(req))), res));
  }

  private void write(Outcome outcome, ServerResponse res) {
    if (outcome instanceof Outcome.Unauthorized) {
      res.header(HeaderNames.WWW_AUTHENTICATE, challenge());
    }
    writer.write(outcome, res);
  }

  /** Exactly the spec's format: quoted values, commas and no spaces between parameters. */
  private String challenge() {
    String base = urls.base();
    return "Bearer authorization_uri=\"" + base + "/oauth2/authorize\",tokenIssuance_uri=\""
        + base + "/oauth2/token\"" + providerId.map(id -> ",providerId=\"" + id + "\"").orElse("");
  }

  /**
   * The OAuth token of {@code Authorization}, written {@code Bearer <token>} by RFC 6750 and
   * {@code Bearer: <token>} by the spec's pages; {@code null} when there is none.
   */
  static String bearer(ServerRequest req) {
    Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION).map(String::trim);
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer", 0, 6)) {
      return null;
    }
    String rest = header.get().substring(6);
    if (rest.startsWith(":")) {
      rest = rest.substring(1);
    } else if (rest.isEmpty() || !Character.isWhitespace(rest.charAt(0))) {
      return null;
    }
    String token = rest.trim();
    return token.isEmpty() ? null : token;
  }

  private static String operation(ServerRequest req) {
    return req.headers()
        .first(HeaderNames.create("X-WOPI-EcosystemOperation"))
        .map(String::trim)
        .orElse("Bootstrap");
  }

  private static HelidonWopiRequest wopi(ServerRequest req, String operation) {
    WopiExchange exchange = WopiExchange.of(req).orElseGet(WopiExchange::new);
    exchange.operation = operation;
    return new HelidonWopiRequest(req, exchange);
  }
}
