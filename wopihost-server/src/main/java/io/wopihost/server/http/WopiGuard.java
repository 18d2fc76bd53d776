package io.wopihost.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.office.OfficeEditors;
import io.wopihost.office.ProofRequest;
import io.wopihost.office.ProofVerdict;
import io.wopihost.server.config.IpRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every WOPI endpoint: the IP allowlist, then the proof-key check. A refused
 * address gets 403; a request whose proof does not verify gets 500, as the spec says. The
 * {@code FileUrl} download is the one endpoint editors call without proofs, so only the
 * allowlist applies to it (it takes only the token minted for it).
 */
final class WopiGuard implements HttpService {

  private static final Logger LOG = LoggerFactory.getLogger(WopiGuard.class);
  private static final Pattern FILE_URL = Pattern.compile("/wopi/files/[^/]+/download");
  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

  private static final HeaderName PROOF = HeaderNames.create("X-WOPI-Proof");
  private static final HeaderName PROOF_OLD = HeaderNames.create("X-WOPI-ProofOld");
  private static final HeaderName TIMESTAMP = HeaderNames.create("X-WOPI-TimeStamp");

  private final OfficeEditors editors;
  private final List<IpRange> allowed;
  private final Optional<String> clientIpHeader;
  private final HostUrls urls;

  WopiGuard(
      OfficeEditors editors,
      List<IpRange> allowed,
      Optional<String> clientIpHeader,
      HostUrls urls) {
    this.editors = editors;
    this.allowed = allowed;
    this.clientIpHeader = clientIpHeader;
    this.urls = urls;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.any(this::guard);
  }

  private void guard(ServerRequest req, ServerResponse res) {
    if (!allowed.isEmpty()) {
      Optional<InetAddress> client = clientAddress(req);
      if (client.isEmpty() || allowed.stream().noneMatch(r -> r.contains(client.get()))) {
        LOG.warn("refused a WOPI request from {}: not in wopi-allowed-ips",
            client.map(InetAddress::getHostAddress).orElse("an unknown address"));
        OutcomeWriter.text(res, Status.FORBIDDEN_403, "this address may not call the WOPI endpoints");
        return;
      }
    }
    String path = req.prologue().uriPath().rawPath();
    boolean fileUrl = req.prologue().method() == Method.GET && FILE_URL.matcher(path).matches();
    if (!fileUrl) {
      ProofVerdict verdict = editors.verify(proofRequest(req, path));
      if (!verdict.accepted()) {
        // The path has no token; the query (which does) is never logged.
        LOG.warn("refused a WOPI request whose proof does not verify: {} ({} {})",
            verdict.reason(), req.prologue().method().text(), path);
        OutcomeWriter.text(res, Status.INTERNAL_SERVER_ERROR_500,
            "the request's proof-key signature does not verify");
        return;
      }
    }
    res.next();
  }

  /**
   * The request as the editor signed it: the public URL it called (a reverse proxy may have
   * changed scheme, host and port on the way), the raw path and query unchanged.
   */
  private ProofRequest proofRequest(ServerRequest req, String rawPath) {
    String rawQuery = req.query().rawValue();
    String url = urls.base() + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    List<String> tokens = new ArrayList<>(2);
    String token = HelidonWopiRequest.accessToken(req);
    if (token != null) {
      tokens.add(token);
      if (req.query().contains("access_token")) {
        String raw = req.query().getRaw("access_token");
        if (!raw.equals(token)) {
          tokens.add(raw);
        }
      }
    }
    return new ProofRequest(
        url,
        tokens,
        req.headers().first(PROOF),
        req.headers().first(PROOF_OLD),
        req.headers().first(TIMESTAMP));
  }

  /**
   * The connection's peer, or, when a trusted proxy is configured, the last address in its header
   * (the one the proxy itself added); a request without that header did not come through the
   * proxy and has no usable address.
   */
  private Optional<InetAddress> clientAddress(ServerRequest req) {
    if (clientIpHeader.isPresent()) {
      return req.headers()
          .first(HeaderNames.create(clientIpHeader.get()))
          .map(v -> v.substring(v.lastIndexOf(',') + 1).trim())
          .flatMap(WopiGuard::literal);
    }
    SocketAddress peer = req.remotePeer().address();
    return peer instanceof InetSocketAddress inet && inet.getAddress() != null
        ? Optional.of(inet.getAddress())
        : Optional.empty();
  }

  /** An IP literal, never resolved as a host name. */
  private static Optional<InetAddress> literal(String value) {
    if (!LITERAL.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(value));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
