package io.wopihost.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.RoutingRequest;
import io.wopihost.server.config.Settings.AccessLogFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code wopihost.access} logger, as text (the NCSA combined format,
 * then WOPI fields) or JSON. A line carries the path without its query string and the referrer
 * without its query string, and no {@code Authorization} header, so an access token never
 * reaches it; it carries the editor's correlation and session ids when sent, the WOPI operation,
 * file and user, the status, the body bytes sent and the duration.
 */
final class AccessLog {

  static final String LOGGER = "wopihost.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final HeaderName CORRELATION = HeaderNames.create("X-WOPI-CorrelationID");
  private static final HeaderName SESSION = HeaderNames.create("X-WOPI-SessionId");
  private static final DateTimeFormatter NCSA_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern SHARE_SECRET = Pattern.compile("(/(?:s|shared)/)[^/?#]+");

  private final AccessLogFormat format;
  private final Clock wallClock;

  AccessLog(AccessLogFormat format, Clock wallClock) {
    this.format = format;
    this.wallClock = wallClock;
  }

  /**
   * @param remote the client's address, taken when the request came in: once a stalled request's
   *     connection is closed, Helidon can no longer tell it
   */
  void log(RoutingRequest req, String remote, int status, long nanos, long bytesOut,
      WopiExchange exchange) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    var line =
        new Line(
            wallClock.instant(),
            remote,
            req.prologue().method().text(),
            withoutSecrets(req.prologue().uriPath().rawPath()),
            req.prologue().protocol() + "/" + req.prologue().protocolVersion(),
            status,
            bytesOut,
            withoutSecrets(withoutQuery(header(req, HeaderNames.REFERER))),
            header(req, HeaderNames.USER_AGENT),
            exchange,
            header(req, CORRELATION),
            header(req, SESSION),
            nanos / 1_000_000);
    LOG.info(format == AccessLogFormat.JSON ? json(line) : text(line));
  }

  private record Line(
      Instant time,
      String remote,
      String method,
      String path,
      String protocol,
      int status,
      long bytes,
      String referer,
      String userAgent,
      WopiExchange exchange,
      String correlation,
      String session,
      long millis) {}

  private static String text(Line l) {
    var out = new StringBuilder(256);
    out.append(l.remote()).append(" - ");
    token(out, l.exchange().user).append(" [").append(NCSA_TIME.format(l.time())).append("] \"").append(l.method()).append(' ')
        .append(l.path()).append(' ').append(l.protocol()).append("\" ").append(l.status())
        .append(' ').append(l.bytes()).append(' ');
    quoted(out, l.referer()).append(' ');
    quoted(out, l.userAgent());
    field(out, "op", l.exchange().operation);
    field(out, "file", l.exchange().fileId);
    field(out, "correlation", l.correlation());
    field(out, "session", l.session());
    out.append(" ms=").append(l.millis());
    return out.toString();
  }

  private static String json(Line l) {
    var out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", l.time().toString());
      g.writeStringField("remote", l.remote());
      g.writeStringField("method", l.method());
      g.writeStringField("path", l.path());
      g.writeNumberField("status", l.status());
      g.writeNumberField("bytes", l.bytes());
      g.writeNumberField("ms", l.millis());
      optional(g, "operation", l.exchange().operation);
      optional(g, "fileId", l.exchange().fileId);
      optional(g, "user", l.exchange().user);
      optional(g, "correlationId", l.correlation());
      optional(g, "sessionId", l.session());
      optional(g, "referer", l.referer());
      optional(g, "userAgent", l.userAgent());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (!WopiExchange.NONE.equals(value)) {
      g.writeStringField(name, value);
    }
  }

  /** {@code key=value}; a value with a space or a quote is quoted, as logfmt does. */
  private static void field(StringBuilder out, String key, String value) {
    token(out.append(' ').append(key).append('='), value);
  }

  private static StringBuilder token(StringBuilder out, String value) {
    return value.indexOf(' ') >= 0 || value.indexOf('"') >= 0
        ? quoted(out, value)
        : out.append(value);
  }

  private static StringBuilder quoted(StringBuilder out, String value) {
    return out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
  }

  private static String header(RoutingRequest req, HeaderName name) {
    return req.headers()
        .first(name)
        .map(OutcomeWriter::asciiHeaderValue)
        .filter(v -> !v.isEmpty())
        .orElse(WopiExchange.NONE);
  }

  /**
   * Share links carry their secret in the path ({@code /s/{id}}, {@code /shared/{grant}}): the
   * line keeps where a request went, not the link that opens it.
   */
  static String withoutSecrets(String pathOrUrl) {
    return SHARE_SECRET.matcher(pathOrUrl).replaceAll("$1***");
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
