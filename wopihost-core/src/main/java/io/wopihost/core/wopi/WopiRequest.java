package io.wopihost.core.wopi;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** What an operation needs of an HTTP request, without the HTTP framework. */
public interface WopiRequest {

  /** The first value of a header, matched case-insensitively. */
  Optional<String> header(String name);

  /** The request body; read at most once. */
  InputStream body();

  /** The declared length of the body, if the client sent {@code Content-Length}. */
  OptionalLong contentLength();

  /**
   * Called once the access token checks out, with its user, so that the transport can log who
   * asked. The default ignores it.
   */
  default void authenticatedAs(String userId) {}
}
