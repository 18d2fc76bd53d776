package io.wopihost.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored version of a file's content. Versions are never changed once written.
 *
 * @param version the version number, unique per file, increasing
 * @param blobKey where the bytes are in the blob store
 * @param size bytes
 * @param sha256 Base64 of the SHA-256 of the bytes
 * @param createdAt when the version was committed
 * @param userId the user whose token wrote it
 * @param editors the user ids the editor said contributed ({@code X-WOPI-Editors}); may be empty
 * @param kind how the editor described the save
 */
public record FileVersion(
    long version,
    String blobKey,
    long size,
    String sha256,
    Instant createdAt,
    String userId,
    List<String> editors,
    SaveKind kind) {

  public FileVersion {
    Objects.requireNonNull(blobKey, "blobKey");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(userId, "userId");
    editors = List.copyOf(editors);
    Objects.requireNonNull(kind, "kind");
  }
}
