package io.wopihost.core.wopi;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lock, GetLock, RefreshLock, Unlock and UnlockAndRelock: header validation around the {@link
 * LockManager} decision table.
 */
final class LockOperations {

  private final LockManager locks;

  LockOperations(LockManager locks) {
    this.locks = locks;
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/lock">Lock</a> */
  Outcome lock(FileCall call) {
    return withLockId(call, WopiHeaders.LOCK, id -> versioned(call, locks.lock(call.fileId(), id)));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getlock">GetLock</a> */
  Outcome getLock(FileCall call) {
    String current = locks.current(call.fileId()).map(l -> l.lockId()).orElse("");
    return new Outcome.Ok(Map.of(WopiHeaders.LOCK, current), Body.NONE);
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/refreshlock">RefreshLock</a> */
  Outcome refreshLock(FileCall call) {
    return withLockId(
        call, WopiHeaders.LOCK, id -> versioned(call, locks.refresh(call.fileId(), id)));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/unlock">Unlock</a> */
  Outcome unlock(FileCall call) {
    return withLockId(
        call, WopiHeaders.LOCK, id -> versioned(call, locks.unlock(call.fileId(), id)));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/unlockandrelock">UnlockAndRelock</a> */
  Outcome unlockAndRelock(FileCall call) {
    return withLockId(
        call,
        WopiHeaders.LOCK,
        next -> {
          // An empty or malformed old lock id can never match a lock: the spec leaves it
          // unspecified, and a 409 with the current lock tells the client what it needs.
          String old = call.header(WopiHeaders.OLD_LOCK).orElse("");
          return versioned(call, locks.unlockAndRelock(call.fileId(), old, next));
        });
  }

  private static Outcome withLockId(
      FileCall call, String header, Function<String, Outcome> operation) {
    Optional<String> value = call.header(header);
    if (value.isEmpty() || value.get().isEmpty()) {
      return new Outcome.BadRequest(header + " is required");
    }
    return invalidLockId(value.get())
        .<Outcome>map(Outcome.BadRequest::new)
        .orElseGet(() -> operation.apply(value.get()));
  }

  /** Why a lock id is unacceptable: WOPI lock ids are at most 1024 printable ASCII characters. */
  static Optional<String> invalidLockId(String lockId) {
    if (lockId.length() > LockManager.MAX_LOCK_ID_LENGTH) {
      return Optional.of("lock ids are at most " + LockManager.MAX_LOCK_ID_LENGTH + " characters");
    }
    for (int i = 0; i < lockId.length(); i++) {
      char c = lockId.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return Optional.of("lock ids are printable ASCII");
      }
    }
    return Optional.empty();
  }

  private static Outcome versioned(FileCall call, Optional<Outcome.LockConflict> conflict) {
    return conflict
        .<Outcome>map(c -> c)
        .orElseGet(
            () ->
                new Outcome.Ok(
                    Map.of(WopiHeaders.ITEM_VERSION, String.valueOf(call.file().version())),
                    Body.NONE));
  }
}
