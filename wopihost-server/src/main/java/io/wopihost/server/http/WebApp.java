package io.wopihost.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.TokenService;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.core.wopi.WopiBootstrapper;
import io.wopihost.core.wopi.WopiContainers;
import io.wopihost.core.wopi.WopiEcosystem;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.office.OfficeEditors;
import io.wopihost.server.config.IpRange;
import io.wopihost.server.config.Settings.AccessLogFormat;
import io.wopihost.server.health.Health;
import io.wopihost.server.metrics.HostMetrics;
import io.wopihost.server.oauth.AuthorizationServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP routing of a wopihost node: WOPI endpoints, pages, and the one error mapping. */
public final class WebApp {

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  private WebApp() {}

  /**
   * What the operator's side of the routing needs.
   *
   * @param metrics the node's meters
   * @param health the node's health checks
   * @param events the audit trail, for the audit API
   * @param accessLogFormat the form of the access log's lines
   * @param managementPort whether {@code /metrics} is served on a port of its own (then it is
   *     left out of the main routing)
   */
  public record Operations(
      HostMetrics metrics,
      Health health,
      JdbcEventStore events,
      AccessLogFormat accessLogFormat,
      boolean managementPort,
      StalledRequests stalledRequests) {}

  /**
   * The protocol side of the routing: the WOPI endpoints, the bootstrapper and its OAuth server.
   *
   * @param providerId the {@code providerId} of the bootstrapper's challenge, if registered
   */
  public record Wopi(
      WopiFiles files,
      WopiContainers containers,
      WopiEcosystem ecosystem,
      WopiBootstrapper bootstrapper,
      AuthorizationServer oauth,
      HostUrls urls,
      Optional<String> providerId) {}

  /**
   * The editors' side of the routing: who may call {@code /wopi} and with which proof, and the
   * host page that opens a file in an editor.
   *
   * @param editors the configured editors (WOPI clients)
   * @param wopiAllowedIps the networks that may call {@code /wopi}; empty allows every address
   * @param clientIpHeader the trusted proxy's header with the client's address, if any
   * @param access who may open a host page, tried in turn
   * @param tokenTtl the lifetime of the access tokens the host page mints
   * @param clock the clock tokens are minted by
   * @param frameSources the origins the host page may frame besides the chosen editor's
   */
  public record Office(
      OfficeEditors editors,
      List<IpRange> wopiAllowedIps,
      Optional<String> clientIpHeader,
      List<HostPageAccess> access,
      Duration tokenTtl,
      Clock clock,
      List<String> frameSources) {}

  /**
   * @param serverVersion sent as {@code X-WOPI-ServerVersion}
   * @param machineName sent as {@code X-WOPI-MachineName}
   * @param webUi the pages people use (sign-in, file browser), served from {@code /}
   * @param office the editors and the host page
   */
  public static HttpRouting.Builder routing(
      Wopi wopi,
      TokenService tokens,
      Catalog catalog,
      BlobStore blobs,
      String serverVersion,
      String machineName,
      Operations ops,
      HttpService webUi,
      Office office) {
    var json = new ObjectMapper();
    var writer = new OutcomeWriter(json);
    return errors(
        HttpRouting.builder()
            .addFilter(requestFilter(serverVersion, machineName, ops))
            .addFilter(new SecurityHeaders(wopi.urls().base().startsWith("https:")))
            .register(
                "/wopi",
                new WopiGuard(
                    office.editors(), office.wopiAllowedIps(), office.clientIpHeader(), wopi.urls()))
            .register(
                "/wopi", new WopiRoutes(wopi.files(), wopi.containers(), wopi.ecosystem(), writer))
            .register(
                "/wopibootstrapper",
                new BootstrapRoutes(wopi.bootstrapper(), wopi.urls(), wopi.providerId(), writer))
            .register(
                "/oauth2", new OAuthRoutes(wopi.oauth(), wopi.urls().base() + "/oauth2/token"))
            .register("/shared", new SharedContainerPages(catalog, blobs, tokens))
            .register("/api", new AuditRoutes(ops.events(), tokens, json))
            .register(
                new OpsRoutes(
                    ops.managementPort() ? Optional.empty() : Optional.of(ops.metrics()),
                    ops.health(),
                    json))
            .register(
                "/open",
                new HostPage(
                    office.editors(),
                    office.access(),
                    catalog,
                    wopi.files(),
                    tokens,
                    wopi.urls(),
                    office.clock(),
                    office.tokenTtl(),
                    office.frameSources(),
                    json))
            .register(webUi));
  }

  /** The routing of the management port: {@code /metrics} and the health endpoints. */
  public static HttpRouting.Builder managementRouting(
      String serverVersion, String machineName, Operations ops) {
    return errors(
        HttpRouting.builder()
            .addFilter(requestFilter(serverVersion, machineName, ops))
            .addFilter(new SecurityHeaders(false))
            .register(new OpsRoutes(Optional.of(ops.metrics()), ops.health(), new ObjectMapper())));
  }

  private static RequestFilter requestFilter(
      String serverVersion, String machineName, Operations ops) {
    return new RequestFilter(
        serverVersion,
        machineName,
        new AccessLog(ops.accessLogFormat(), Clock.systemUTC()),
        ops.metrics().wopi(),
        ops.stalledRequests());
  }

  private static HttpRouting.Builder errors(HttpRouting.Builder routing) {
    return routing
        .error(
            Exception.class,
            (req, res, e) -> {
              if (e instanceof HttpException http) {
                // Routing's own answers (no such endpoint, a bad request line): not failures.
                OutcomeWriter.text(res, http.status(), http.getMessage());
                return;
              }
              // Unexpected failures only: every expected answer is an Outcome. Logged once,
              // here, with an id the client sees, and without the request's query (tokens).
              String id = UUID.randomUUID().toString().substring(0, 8);
              LOG.error("internal error {} on {} {}", id, req.prologue().method().text(),
                  req.prologue().uriPath().rawPath(), e);
              if (!res.isSent()) {
                OutcomeWriter.text(res, Status.INTERNAL_SERVER_ERROR_500,
                    "internal error " + id + "; the server log has the details");
              }
            });
  }
}
