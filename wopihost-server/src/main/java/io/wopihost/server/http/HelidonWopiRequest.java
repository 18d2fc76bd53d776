package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.wopihost.core.wopi.WopiRequest;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** A Helidon request seen as a {@link WopiRequest}. */
final class HelidonWopiRequest implements WopiRequest {

  private final ServerRequest request;

  HelidonWopiRequest(ServerRequest request) {
    this.request = request;
  }

  @Override
  public Optional<String> header(String name) {
    return request.headers().first(HeaderNames.create(name));
  }

  @Override
  public InputStream body() {
    return request.content().inputStream();
  }

  @Override
  public OptionalLong contentLength() {
    return request.headers().contentLength();
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
}
