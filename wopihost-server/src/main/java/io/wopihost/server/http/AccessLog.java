package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.wopihost.core.wopi.WopiHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code wopihost.access} logger, and the headers every response
 * carries. The line has the path without its query string, so an access token never reaches a
 * log; it carries the editor's correlation and session ids when sent.
 */
final class AccessLog implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger("wopihost.access");

  private final String serverVersion;
  private final String machineName;

  AccessLog(String serverVersion, String machineName) {
    this.serverVersion = serverVersion;
    this.machineName = machineName;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long start = System.nanoTime();
    res.header("X-WOPI-ServerVersion", serverVersion);
    res.header("X-WOPI-MachineName", machineName);
    try {
      chain.proceed();
    } finally {
      if (LOG.isInfoEnabled()) {
        LOG.info(
            "{} {} {} {}ms override={} correlation={} session={}",
            req.prologue().method().text(),
            req.path().rawPath(),
            res.status().code(),
            (System.nanoTime() - start) / 1_000_000,
            header(req, WopiHeaders.OVERRIDE),
            header(req, "X-WOPI-CorrelationID"),
            header(req, "X-WOPI-SessionId"));
      }
    }
  }

  private static String header(RoutingRequest req, String name) {
    return req.headers().first(HeaderNames.create(name)).map(OutcomeWriter::asciiHeaderValue).orElse("-");
  }
}
