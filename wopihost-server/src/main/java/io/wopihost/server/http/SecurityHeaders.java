package io.wopihost.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import java.util.Collection;
import java.util.Optional;

/**
 * The browser-facing security headers of every response, pages and WOPI alike, in this one
 * place. A response gets each header unless its route set its own: static assets may be cached,
 * and the host page ({@link #hostPage}) frames its editor.
 *
 * <p>They are added just before the response is sent rather than before routing, because
 * Helidon clears the headers of a response whose route failed, and an error page needs them as
 * much as any other.
 */
final class SecurityHeaders implements Filter {

  static final HeaderName CONTENT_SECURITY_POLICY =
      HeaderNames.create("Content-Security-Policy");
  static final HeaderName PERMISSIONS_POLICY = HeaderNames.create("Permissions-Policy");

  /**
   * Pages load only this host's stylesheet and script (no inline script or style), post forms
   * only here, and may not be framed by anyone (clickjacking).
   */
  static final String PAGE_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** No page of the host uses any of these powerful features. */
  static final String PAGE_PERMISSIONS =
      "camera=(), microphone=(), geolocation=(), display-capture=(), payment=(), usb=(),"
          + " clipboard-read=()";

  /**
   * The editor in the host page's frame asks for camera, microphone, screen and clipboard (its
   * iframe's {@code allow}), which only a document allowed them can delegate.
   */
  private static final String HOST_PAGE_PERMISSIONS = "geolocation=(), payment=(), usb=()";

  private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
  private static final HeaderName CONTENT_TYPE_OPTIONS =
      HeaderNames.create("X-Content-Type-Options");
  private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");

  private final boolean https;

  /**
   * @param https whether browsers reach the host over HTTPS (TLS here or at a proxy): then they
   *     are told to use nothing else (HSTS)
   */
  SecurityHeaders(boolean https) {
    this.https = https;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    res.beforeSend(() -> addMissing(res.headers()));
    chain.proceed();
  }

  private void addMissing(ServerResponseHeaders headers) {
    headers.setIfAbsent(HeaderValues.create(CONTENT_TYPE_OPTIONS, "nosniff"));
    // URLs carry access tokens, share-link tokens and launch links: no page passes one on.
    headers.setIfAbsent(HeaderValues.create(REFERRER_POLICY, "no-referrer"));
    headers.setIfAbsent(HeaderValues.create(CONTENT_SECURITY_POLICY, PAGE_POLICY));
    headers.setIfAbsent(HeaderValues.create(FRAME_OPTIONS, "DENY"));
    headers.setIfAbsent(HeaderValues.create(PERMISSIONS_POLICY, PAGE_PERMISSIONS));
    // Pages show sessions, tokens and documents: nothing is kept by a browser or a proxy.
    headers.setIfAbsent(HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store"));
    if (https) {
      headers.setIfAbsent(
          HeaderValues.create(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000"));
    }
  }

  /**
   * The host page's policy: only its own nonce'd script and style run; it frames and posts its
   * form to the editor's origins only, shows the editor's icon, and is framed by no one.
   *
   * @param editorOrigins where the editor's frame is and its form goes (CSP source expressions)
   * @param iconOrigin the origin of the editor's favicon, if it has one
   */
  static void hostPage(
      ServerResponse res, String nonce, Collection<String> editorOrigins,
      Optional<String> iconOrigin) {
    String editors = String.join(" ", editorOrigins);
    res.header(CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "';"
            + " frame-src " + editors + "; form-action " + editors + "; img-src 'self'"
            + iconOrigin.map(o -> " " + o).orElse("") + "; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'");
    res.header(PERMISSIONS_POLICY, HOST_PAGE_PERMISSIONS);
  }
}
