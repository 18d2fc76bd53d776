package io.wopihost.server.web;

import io.helidon.http.Status;

/**
 * An expected failure of a web UI request, with the message the user sees. {@link WebUi} turns
 * it into an error page; it is never logged as a failure.
 */
sealed class WebException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Status status;

  WebException(Status status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  Status status() {
    return status;
  }

  static final class BadRequest extends WebException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(Status.BAD_REQUEST_400, message);
    }
  }

  static final class NotFound extends WebException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(Status.NOT_FOUND_404, message);
    }
  }

  static final class Forbidden extends WebException {
    private static final long serialVersionUID = 1L;

    Forbidden(String message) {
      super(Status.FORBIDDEN_403, message);
    }
  }

  static final class Conflict extends WebException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
      super(Status.CONFLICT_409, message);
    }
  }
}
