package io.wopihost.core.spi;

import io.wopihost.core.model.Lock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where WOPI locks live. Every method is atomic per file and safe to call from many threads and
 * many nodes at once: a compare-and-set method either applies completely or not at all, and
 * returns {@code false} when its expectation did not hold at the moment it ran. A lock whose
 * {@code expiresAt} is not after {@code now} counts as absent everywhere.
 *
 * <p>The WOPI decision table (which outcome a client gets) is not here: it is in {@code
 * io.wopihost.core.wopi.LockManager}, which composes these primitives.
 */
public interface LockStore {

  /** The live lock on the file at {@code now}, if any. */
  Optional<Lock> current(String fileId, Instant now);

  /**
   * Sets the lock if the file has no live lock at {@code now}.
   *
   * @return {@code false} when a live lock (whatever its id) is already there
   */
  boolean tryAcquire(String fileId, String lockId, Instant now, Instant expiresAt);

  /**
   * Moves the expiry of the live lock whose id is {@code expected}.
   *
   * @return {@code false} when there is no live lock with that id
   */
  boolean tryRefresh(String fileId, String expected, Instant now, Instant expiresAt);

  /**
   * Replaces the live lock whose id is {@code expected} by {@code next}, with a fresh expiry, in
   * one step (UnlockAndRelock).
   *
   * @return {@code false} when there is no live lock with id {@code expected}
   */
  boolean tryReplace(String fileId, String expected, String next, Instant now, Instant expiresAt);

  /**
   * Removes the live lock whose id is {@code expected}.
   *
   * @return {@code false} when there is no live lock with that id
   */
  boolean tryRelease(String fileId, String expected, Instant now);

  /** Removes any lock on the file, live or not (administrative unlock, file deletion). */
  void clear(String fileId);

  /** Every live lock at {@code now}, for operators. */
  List<Lock> listLive(Instant now);

  /**
   * How many locks are live at {@code now}, for the metrics gauge; stores override it with a
   * count that does not read every lock.
   */
  default long countLive(Instant now) {
    return listLive(now).size();
  }
}
