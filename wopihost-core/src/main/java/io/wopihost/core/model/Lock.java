package io.wopihost.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A WOPI lock on a file: an opaque id chosen by the client and the instant it lapses. Locks are
 * not owned by a user: whoever presents the id with a write token may use it.
 *
 * @param fileId the locked file
 * @param lockId the client's opaque lock id, at most 1024 ASCII characters
 * @param expiresAt when the lock stops counting if not refreshed
 */
public record Lock(String fileId, String lockId, Instant expiresAt) {

  public Lock {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(lockId, "lockId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
