package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.wopihost.core.wopi.WopiRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Helidon request seen as a {@link WopiRequest}. It tells the request's {@link WopiExchange}
 * who the token's user is and how many body bytes were read.
 */
final class HelidonWopiRequest implements WopiRequest {

  private final ServerRequest request;
  private final WopiExchange exchange;

  HelidonWopiRequest(ServerRequest request, WopiExchange exchange) {
    this.request = request;
    this.exchange = exchange;
  }

  @Override
  public Optional<String> header(String name) {
    return request.headers().first(HeaderNames.create(name));
  }

  @Override
  public InputStream body() {
    InputStream body = request.content().inputStream();
    return new CountingStream(
        exchange.bodies == null ? body : exchange.bodies.watch(body), exchange);
  }

  @Override
  public OptionalLong contentLength() {
    return request.headers().contentLength();
  }

  @Override
  public void authenticatedAs(String userId) {
    exchange.user = OutcomeWriter.asciiHeaderValue(userId);
  }

  /**
   * The access token: the {@code access_token} query parameter, which every client sends, else
   * {@code Authorization: Bearer}. {@code null} when there is neither.
   */
  static String accessToken(ServerRequest request) {
    Optional<String> query = request.query().first("access_token").asOptional();
    if (query.isPresent()) {
      return query.get();
    }
    return request
        .headers()
        .first(HeaderNames.AUTHORIZATION)
        .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(v -> v.substring(7).trim())
        .orElse(null);
  }

  private static final class CountingStream extends FilterInputStream {

    private final WopiExchange exchange;

    CountingStream(InputStream in, WopiExchange exchange) {
      super(in);
      this.exchange = exchange;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        exchange.bytesIn++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        exchange.bytesIn += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      exchange.bytesIn += skipped;
      return skipped;
    }
  }
}
