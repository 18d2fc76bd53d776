package io.wopihost.core.spi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import java.util.List;
import java.util.Optional;

/**
 * The metadata of files, containers, versions and per-user information. Names are unique within
 * a container, compared case-insensitively (as the editors' Windows heritage expects); every
 * method that could break that returns {@code false} or empty instead. Each method is one atomic
 * step, safe to call from many threads and nodes at once. Thread safe.
 */
public interface Catalog {

  Optional<FileRecord> findFile(String fileId);

  /** The file of that name (compared case-insensitively) in the container. */
  Optional<FileRecord> findFileByName(String containerId, String name);

  /**
   * Creates a file whose first version is {@code first}.
   *
   * @return the new file, or empty when the container already holds a file of that name
   */
  Optional<FileRecord> tryCreateFile(
      String fileId, String containerId, String name, String ownerId, FileVersion first);

  /**
   * Makes {@code next} the file's current version, if the current version is still {@code
   * expectedVersion} (compare-and-set: two writers racing from the same base cannot both win).
   * {@code next.version()} must be {@code expectedVersion + 1}.
   *
   * @return the updated file, or empty when the file is gone or its version moved on
   */
  Optional<FileRecord> tryCommitVersion(String fileId, long expectedVersion, FileVersion next);

  /**
   * Renames a file in its container.
   *
   * @return {@code false} when the file is gone or another file of the container has that name
   */
  boolean tryRenameFile(String fileId, String newName);

  /**
   * Deletes a file and its version rows.
   *
   * @return the blob keys the file's versions used (for the caller to delete), or empty when the
   *     file did not exist
   */
  Optional<List<String>> deleteFile(String fileId);

  /** Every version of the file, newest first. */
  List<FileVersion> versions(String fileId);

  Optional<ContainerRecord> findContainer(String containerId);

  /** The user's root container, created on first use with the id {@code newId}. */
  ContainerRecord rootContainer(String ownerId, String newId);

  /** The value last stored by PutUserInfo for the user. */
  Optional<String> userInfo(String userId);

  void putUserInfo(String userId, String userInfo);
}
