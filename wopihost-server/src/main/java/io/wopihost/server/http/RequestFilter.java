package io.wopihost.server.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.wopihost.server.metrics.WopiMetrics;

/**
 * Around every request: the headers every response carries ({@code X-WOPI-ServerVersion}, {@code
 * X-WOPI-MachineName}), a {@link WopiExchange} for the routes to fill in, and when it is done its
 * access-log line and, for WOPI requests, its metrics.
 */
final class RequestFilter implements Filter {

  private final String serverVersion;
  private final String machineName;
  private final AccessLog accessLog;
  private final WopiMetrics metrics;
  private final StalledRequests bodies;

  RequestFilter(
      String serverVersion,
      String machineName,
      AccessLog accessLog,
      WopiMetrics metrics,
      StalledRequests bodies) {
    this.bodies = bodies;
    this.serverVersion = serverVersion;
    this.machineName = machineName;
    this.accessLog = accessLog;
    this.metrics = metrics;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long start = System.nanoTime();
    res.header("X-WOPI-ServerVersion", serverVersion);
    res.header("X-WOPI-MachineName", machineName);
    String remote = req.remotePeer().host();
    var exchange = new WopiExchange();
    exchange.bodies = bodies;
    req.context().register(exchange);
    try {
      chain.proceed();
    } finally {
      long nanos = System.nanoTime() - start;
      // Error handlers run inside proceed(), so the status is the one the client got.
      int status = res.status().code();
      // The body's declared size: bytesWritten() would count the status line and headers too.
      long bytesOut = res.headers().contentLength().orElse(0);
      if (exchange.isWopi()) {
        metrics.request(exchange.operation, status, nanos, exchange.bytesIn, bytesOut);
        if (exchange.lockConflict) {
          metrics.lockConflict(exchange.operation);
        }
      }
      accessLog.log(req, remote, status, nanos, bytesOut, exchange);
    }
  }
}
