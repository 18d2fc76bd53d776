package io.wopihost.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a user did to a file through WOPI that succeeded, as the audit trail and webhooks
 * see it.
 *
 * @param kind what happened
 * @param fileId the file's id
 * @param fileName the file's name after the operation (the new name for a rename)
 * @param previousName the name before a rename; empty for every other kind
 * @param userId the user of the access token
 * @param at when the host answered, by its clock
 * @param version the file's version after the operation
 */
public record FileEvent(
    Kind kind,
    String fileId,
    String fileName,
    Optional<String> previousName,
    String userId,
    Instant at,
    long version) {

  /** The kinds of event. */
  public enum Kind {
    /** CheckFileInfo or GetFile: a user opened or read the file. */
    OPENED,
    LOCKED,
    UNLOCKED,
    SAVED,
    RENAMED,
    DELETED,
    /** Moved to another folder (in the web UI): same id, same name. */
    MOVED,
    /** An earlier version was made the current one again (a new version with its content). */
    RESTORED
  }

  public FileEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(previousName, "previousName");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(at, "at");
  }
}
