package io.wopihost.server.web;

import io.wopihost.core.model.Lock;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.jdbc.JdbcEventStore.AuditEntry;
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

  private final JdbcEventStore audit;
  private final UserDirectory users;

  LockState(JdbcEventStore audit, UserDirectory users) {
    this.audit = audit;
    this.users = users;
  }

  /**
   * One paragraph of HTML: "Not locked.", or the lock with its holder when known.
   *
   * @param lock the file's live lock, as the page read it
   */
  String describe(String fileId, Optional<Lock> lock) {
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
