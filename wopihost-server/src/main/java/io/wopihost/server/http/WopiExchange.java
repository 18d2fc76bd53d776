package io.wopihost.server.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * What one request turned out to be, filled in as it is handled and read when it is done: the
 * WOPI operation and file that the routes name, the user whose token checked out, how many body
 * bytes came in, and whether it ended in a lock conflict. Lives in the request's context; used by
 * the request's own thread only.
 */
final class WopiExchange {

  static final String NONE = "-";

  String operation = NONE;
  String fileId = NONE;
  String user = NONE;
  long bytesIn;
  boolean lockConflict;
  /** Watches the request's body for stalls; set by the request filter. */
  StalledRequests bodies;

  /** Whether a WOPI route handled the request. */
  boolean isWopi() {
    return !NONE.equals(operation);
  }

  static Optional<WopiExchange> of(ServerRequest req) {
    return req.context().get(WopiExchange.class);
  }
}
