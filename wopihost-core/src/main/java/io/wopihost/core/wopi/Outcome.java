package io.wopihost.core.wopi;

import java.util.Map;

/**
 * The result of a WOPI operation, as a value. Every expected protocol answer is one of these; the
 * HTTP layer writes them with one exhaustive switch. Unexpected failures are exceptions, not
 * outcomes.
 */
public sealed interface Outcome {

  /** 200 with the operation's headers and body. */
  record Ok(Map<String, String> headers, Body body) implements Outcome {
    public Ok {
      headers = Map.copyOf(headers);
    }

    public static Ok empty() {
      return new Ok(Map.of(), Body.NONE);
    }

    public static Ok json(Map<String, Object> json) {
      return new Ok(Map.of(), new Body.Json(json));
    }
  }

  /** 400: a required header is missing or a name is illegal. */
  record BadRequest(String reason, Map<String, String> headers) implements Outcome {
    public BadRequest {
      headers = Map.copyOf(headers);
    }

    public BadRequest(String reason) {
      this(reason, Map.of());
    }
  }

  /** 401: the access token is missing, malformed, expired, or for another resource. */
  record Unauthorized(String reason) implements Outcome {}

  /** 404: no such resource, or the token's user may not see it or do this to it. */
  record NotFound(String reason) implements Outcome {}

  /**
   * 409 about a lock: always carries {@code X-WOPI-Lock} with the current lock id ({@code ""} when
   * the file is unlocked), which clients read to learn the lock.
   */
  record LockConflict(String currentLock, String reason) implements Outcome {}

  /** 409 for anything but a lock mismatch: a name that exists, a version that moved on. */
  record Conflict(String reason, Map<String, String> headers, Body body) implements Outcome {
    public Conflict {
      headers = Map.copyOf(headers);
    }
  }

  /** 412: GetFile of a file larger than {@code X-WOPI-MaxExpectedSize}. */
  record PreconditionFailed(String reason) implements Outcome {}

  /** 413: the body is larger than the host accepts. */
  record TooLarge(String reason) implements Outcome {}

  /** 501: an operation or option this host does not support. */
  record NotImplemented(String reason) implements Outcome {}
}
