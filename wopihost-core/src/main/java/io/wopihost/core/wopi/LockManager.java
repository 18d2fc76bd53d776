package io.wopihost.core.wopi;

import io.wopihost.core.model.Lock;
import io.wopihost.core.spi.LockStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The WOPI lock decision table (spec: concepts, Lock, RefreshLock, Unlock, UnlockAndRelock), in
 * one place, on top of the compare-and-set primitives of a {@link LockStore}. An empty result
 * means the operation took effect; a {@link Outcome.LockConflict} carries the lock id the client
 * must be told ({@code ""} when the file is unlocked).
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/lock">Lock</a>
 */
public final class LockManager {

  /** A lock lapses 30 minutes after it was last set or refreshed. */
  public static final Duration LOCK_DURATION = Duration.ofMinutes(30);

  /** Clients may send lock ids this long when {@code SupportsExtendedLockLength} is true. */
  public static final int MAX_LOCK_ID_LENGTH = 1024;

  // A compare-and-set can lose to a lock that expires or is released between two steps; the
  // retry re-reads the state. Each retry means another request changed the lock, so a few are
  // plenty.
  private static final int MAX_ATTEMPTS = 8;

  private final LockStore store;
  private final Clock clock;

  public LockManager(LockStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The live lock on the file, if any. */
  public Optional<Lock> current(String fileId) {
    return store.current(fileId, clock.instant());
  }

  /** Lock: take the lock, or refresh it when the same id already holds it. */
  public Optional<Outcome.LockConflict> lock(String fileId, String lockId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Instant expiry = now.plus(LOCK_DURATION);
      if (store.tryAcquire(fileId, lockId, now, expiry)) {
        return Optional.empty();
      }
      Optional<Lock> held = store.current(fileId, now);
      if (held.isEmpty()) {
        continue;
      }
      if (!held.get().lockId().equals(lockId)) {
        return conflict(held.get().lockId(), "the file is locked with another lock id");
      }
      if (store.tryRefresh(fileId, lockId, now, expiry)) {
        return Optional.empty();
      }
    }
    return conflictWithCurrent(fileId, "the lock changed while it was being taken");
  }

  /** RefreshLock: extend the lock the client holds. */
  public Optional<Outcome.LockConflict> refresh(String fileId, String lockId) {
    Instant now = clock.instant();
    if (store.tryRefresh(fileId, lockId, now, now.plus(LOCK_DURATION))) {
      return Optional.empty();
    }
    return conflictWithCurrent(fileId, "the presented lock id does not hold the file");
  }

  /** Unlock: release the lock the client holds. */
  public Optional<Outcome.LockConflict> unlock(String fileId, String lockId) {
    if (store.tryRelease(fileId, lockId, clock.instant())) {
      return Optional.empty();
    }
    return conflictWithCurrent(fileId, "the presented lock id does not hold the file");
  }

  /** UnlockAndRelock: replace {@code oldLockId} by {@code newLockId} in one atomic step. */
  public Optional<Outcome.LockConflict> unlockAndRelock(
      String fileId, String oldLockId, String newLockId) {
    Instant now = clock.instant();
    if (store.tryReplace(fileId, oldLockId, newLockId, now, now.plus(LOCK_DURATION))) {
      return Optional.empty();
    }
    return conflictWithCurrent(fileId, "the old lock id does not hold the file");
  }

  /**
   * Whether a write presenting {@code presented} (absent when the client sent no lock) may go
   * ahead on a locked file. Empty when the file is unlocked or the id matches.
   */
  public Optional<Outcome.LockConflict> checkHolder(String fileId, Optional<String> presented) {
    Optional<Lock> held = current(fileId);
    if (held.isEmpty() || presented.filter(held.get().lockId()::equals).isPresent()) {
      return Optional.empty();
    }
    return conflict(held.get().lockId(), "the file is locked with another lock id");
  }

  /** Removes any lock on a file that is being deleted. */
  public void clear(String fileId) {
    store.clear(fileId);
  }

  private Optional<Outcome.LockConflict> conflictWithCurrent(String fileId, String ifLocked) {
    return current(fileId)
        .map(held -> conflict(held.lockId(), ifLocked))
        .orElseGet(() -> conflict("", "the file is not locked"));
  }

  private static Optional<Outcome.LockConflict> conflict(String currentLock, String reason) {
    return Optional.of(new Outcome.LockConflict(currentLock, reason));
  }
}
