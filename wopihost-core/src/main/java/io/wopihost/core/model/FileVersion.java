package io.wopihost.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param modifiedByUser whether the user changed the document since the previous save ({@code
 *     X-COOL-WOPI-IsModifiedByUser}, {@code X-LOOL-WOPI-IsModifiedByUser}); empty when the
 *     editor did not say
 */
public record FileVersion(
    long version,
    String blobKey,
    long size,
    String sha256,
    Instant createdAt,
    String userId,
    List<String> editors,
    SaveKind kind,
    Optional<Boolean> modifiedByUser) {

  public FileVersion {
    Objects.requireNonNull(blobKey, "blobKey");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(userId, "userId");
    editors = List.copyOf(editors);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(modifiedByUser, "modifiedByUser");
  }

  /** A version whose editor did not say whether the user modified it. */
  public FileVersion(
      long version,
      String blobKey,
      long size,
      String sha256,
      Instant createdAt,
      String userId,
      List<String> editors,
      SaveKind kind) {
    this(version, blobKey, size, sha256, createdAt, userId, editors, kind, Optional.empty());
  }
}
