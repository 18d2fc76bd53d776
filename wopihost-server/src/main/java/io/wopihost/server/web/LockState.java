package io.wopihost.server.web;

import io.wopihost.core.model.Lock;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.jdbc.JdbcEventStore.AuditEntry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What a file page says about the file's WOPI lock: who took it and since when, until when, and
 * its id. A WOPI lock belongs to no user (whoever presents its id with a write token may use it),
 * so who took it comes from the audit trail: the user of the newest Lock or UnlockAndRelock,
 * unless an Unlock came after it.
 */
final class LockState {

  private static final List<String> LOCK_CHANGES = List.of("locked", "unlocked");

  private final LockStore locks;
  private final JdbcEventStore audit;
  private final UserDirectory users;
  private final Clock clock;

  LockState(LockStore locks, JdbcEventStore audit, UserDirectory users, Clock clock) {
    this.locks = locks;
    this.audit = audit;
    this.users = users;
    this.clock = clock;
  }

  Optional<Lock> current(String fileId) {
    return locks.current(fileId, clock.instant());
  }

  /** One paragraph of HTML: "Not locked.", or the lock with its holder when known. */
  String describe(String fileId) {
    Optional<Lock> lock = current(fileId);
    if (lock.isEmpty()) {
      return "<p class=\"lock\">Not locked.</p>";
    }
    String holder =
        audit.lastOfFile(fileId, LOCK_CHANGES)
            .filter(e -> e.action().equals("locked"))
            .map(this::holder)
            .orElse("an editor");
    return "<p class=\"lock\">Locked by " + holder + " until " + Html.when(lock.get().expiresAt())
        + " (lock id <code>" + Html.escape(shorten(lock.get().lockId())) + "</code>).</p>";
  }

  private String holder(AuditEntry locked) {
    String name = users.find(locked.userId()).map(User::displayName).orElse(locked.userId());
    return Html.escape(name) + " since " + Html.when(locked.at());
  }

  /** Lock ids can be 1024 characters of JSON; the page shows their start. */
  private static String shorten(String lockId) {
    return lockId.length() <= 40 ? lockId : lockId.substring(0, 40) + "…";
  }
}
