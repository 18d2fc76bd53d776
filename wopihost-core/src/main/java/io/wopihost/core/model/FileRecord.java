package io.wopihost.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A file as the catalog knows it: its identity, where it lives, and its current version.
 *
 * @param id opaque, URL-safe, stable across renames and edits
 * @param containerId the container (folder) the file lives in
 * @param name the file name with its extension, no path
 * @param ownerId the user who owns the file
 * @param version the current version number; starts at 1 and only grows
 * @param size the size of the current content in bytes
 * @param sha256 Base64 of the SHA-256 of the current content
 * @param blobKey the blob store key of the current content
 * @param lastModified when the current content was written
 */
public record FileRecord(
    String id,
    String containerId,
    String name,
    String ownerId,
    long version,
    long size,
    String sha256,
    String blobKey,
    Instant lastModified) {

  public FileRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(blobKey, "blobKey");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /** The extension with its leading dot, lower-cased as stored, or {@code ""} when there is none. */
  public String extension() {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot);
  }

  public FileRecord withName(String newName) {
    return new FileRecord(
        id, containerId, newName, ownerId, version, size, sha256, blobKey, lastModified);
  }

  public FileRecord withContent(FileVersion v) {
    return new FileRecord(
        id, containerId, name, ownerId, v.version(), v.size(), v.sha256(), v.blobKey(), v.createdAt());
  }
}
