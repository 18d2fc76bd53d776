package io.wopihost.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Share links to files: a random id that opens a file for someone without an account, read-only
 * or read-write, until it expires or is revoked. Every method is one atomic step, safe from many
 * threads and nodes at once. Thread safe.
 */
public interface ShareLinkStore {

  /**
   * A share link.
   *
   * @param id the secret in the link's URL: random, URL-safe
   * @param createdBy the user who shared the file; the link acts with their rights, no more
   */
  record ShareLink(
      String id,
      String fileId,
      String createdBy,
      boolean canWrite,
      Instant createdAt,
      Instant expiresAt) {

    public ShareLink {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fileId, "fileId");
      Objects.requireNonNull(createdBy, "createdBy");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  void add(ShareLink link);

  /** The link, if it exists, is not revoked and has not expired at {@code now}. */
  Optional<ShareLink> findLive(String id, Instant now);

  /** The file's links that are live at {@code now}, newest first. */
  List<ShareLink> liveForFile(String fileId, Instant now);

  /**
   * Revokes a link: from now on it opens nothing.
   *
   * @return {@code false} when there is no such link, or it was revoked before
   */
  boolean tryRevoke(String id);
}
