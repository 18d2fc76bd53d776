package io.wopihost.core.spi;

/**
 * Keeps the body of a save that arrived whole but could not be committed for a reason on the
 * host's side (the catalog failed): the client gets its error, and an operator can still give the
 * user their work back. Bodies refused for the client's own reasons (a lock conflict, a size
 * mismatch, a body over the limit) are not kept. Thread safe; never throws.
 */
@FunctionalInterface
public interface SaveRecovery {

  /** Keeps nothing: the stored blob is left to the orphan collector. */
  SaveRecovery NONE = (blob, target, userId, failure) -> {};

  /**
   * @param blob where the body is stored now (unreferenced, so the orphan collector would delete
   *     it after its grace period)
   * @param target what the save was for: the file id, or the new file's name and container
   * @param userId the user of the access token
   * @param failure why the commit failed
   */
  void keep(StoredBlob blob, String target, String userId, RuntimeException failure);
}
