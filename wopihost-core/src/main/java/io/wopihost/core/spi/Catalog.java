package io.wopihost.core.spi;

import io.wopihost.core.model.Activity;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata of files, containers, versions, activities and per-user information. Names are
 * unique within a container, compared case-insensitively (as the editors' Windows heritage
 * expects); every method that could break that returns {@code false} or empty instead. Each method is one atomic
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

  /**
   * Which of the given blob keys a stored version points at, for the collection of blobs no
   * version points at. Any number of keys may be asked at once.
   *
   * @return the subset of {@code blobKeys} still in use
   */
  Set<String> referencedBlobKeys(Collection<String> blobKeys);

  Optional<ContainerRecord> findContainer(String containerId);

  /** The user's root container, created on first use with the id {@code newId}. */
  ContainerRecord rootContainer(String ownerId, String newId);

  /**
   * Creates a container in {@code parentId}, owned by the parent's owner.
   *
   * @return the new container, or empty when the parent does not exist or already holds a
   *     container of that name
   */
  Optional<ContainerRecord> tryCreateContainer(String containerId, String parentId, String name);

  /**
   * Renames a container; its id and place do not change.
   *
   * @return {@code false} when the container is gone or a sibling container has that name
   */
  boolean tryRenameContainer(String containerId, String newName);

  /** What {@link #tryMoveFile} or {@link #tryMoveContainer} did. */
  enum Move {
    /** Moved, or already there. */
    MOVED,
    /** The file, the container or the target is gone. */
    NOT_FOUND,
    /** The target already holds one of that name (case-insensitively); nothing changed. */
    NAME_TAKEN,
    /** The target is the container itself or below it. */
    CYCLE,
    /** A root container has no parent to leave. */
    ROOT,
    /** The target is in another tree (another owner's root): a move never changes hands. */
    OTHER_TREE
  }

  /**
   * Moves a file into another container of the same tree, keeping its id and name. Atomic: a
   * concurrent file of the same name in the target makes this {@code NAME_TAKEN} or fails itself.
   */
  Move tryMoveFile(String fileId, String targetContainerId);

  /**
   * Moves a container, with everything below it, under another container of the same tree.
   * Moves within one tree are serialised, so two moves at once can never close a cycle.
   */
  Move tryMoveContainer(String containerId, String targetContainerId);

  /** What {@link #deleteContainer} did. */
  enum ContainerDeletion {
    DELETED,
    NOT_FOUND,
    /** Nothing changed: the container holds files or containers. */
    NOT_EMPTY
  }

  /**
   * Deletes an empty container. A child created at the same moment either makes this {@code
   * NOT_EMPTY} or fails to be created; never both succeed.
   */
  ContainerDeletion deleteContainer(String containerId);

  /**
   * The container and the containers above it, root first: the last element is the container
   * itself, the first its root. When the chain is longer than {@code maxLength}, only its nearest
   * {@code maxLength} elements are returned, and the first is then not a root. Empty when the
   * container does not exist. One query, whatever the depth.
   */
  List<ContainerRecord> ancestry(String containerId, int maxLength);

  /** The containers directly in the container, by name (case-insensitively). */
  List<ContainerRecord> childContainers(String containerId);

  /** The files directly in the container, by name (case-insensitively). */
  List<FileRecord> childFiles(String containerId);

  /**
   * Stores activities an editor reported on a file, in order. An activity whose id the file
   * already has is left as it was (editors retry). Deleting the file deletes its activities.
   */
  void addActivities(String fileId, List<Activity> activities);

  /** The file's activities, oldest first; those stored together in the order given. */
  List<Activity> activities(String fileId);

  /** The value last stored by PutUserInfo for the user. */
  Optional<String> userInfo(String userId);

  void putUserInfo(String userId, String userInfo);
}
