package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.Permission;
import io.wopihost.testkit.Race;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lock, GetLock, RefreshLock, Unlock and UnlockAndRelock over HTTP: every cell of the spec's lock
 * decision table (WOPI.md §6, columns unlocked / locked with the presented id / locked with another
 * id / lock header absent), lock expiry, and the lock id rules.
 */
class LockTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] CONTENT = bytes("some content");

  private static WopiClient newFile() throws Exception {
    return NODE.newFile("Locked.docx", CONTENT);
  }

  private static WopiClient lockedFile(String lockId) throws Exception {
    WopiClient client = newFile();
    assertThat(client.lock(lockId).statusCode()).isEqualTo(200);
    return client;
  }

  private static void assertConflict(HttpResponse<byte[]> response, String currentLock) {
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("X-WOPI-Lock")).hasValue(currentLock);
  }

  private static void assertLock(WopiClient client, String expected) throws Exception {
    HttpResponse<byte[]> response = client.getLock();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-WOPI-Lock")).hasValue(expected);
  }

  // Lock

  @Test
  void lock_unlocked_takesTheLock() throws Exception {
    WopiClient client = newFile();

    HttpResponse<byte[]> response = client.lock("L1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "X-WOPI-Lock")).isNull();
    assertLock(client, "L1");
  }

  @Test
  void lock_lockedWithPresentedId_refreshesAndKeepsTheLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertThat(client.lock("L1").statusCode()).isEqualTo(200);

    assertLock(client, "L1");
  }

  @Test
  void lock_lockedWithAnotherId_conflictsWithCurrentLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertConflict(client.lock("L2"), "L1");
    assertLock(client, "L1");
  }

  @Test
  void lock_headerAbsent_isBadRequestInEveryState() throws Exception {
    WopiClient unlocked = newFile();
    WopiClient locked = lockedFile("L1");

    assertThat(unlocked.override("LOCK", null).statusCode()).isEqualTo(400);
    assertThat(locked.override("LOCK", null).statusCode()).isEqualTo(400);
    assertLock(unlocked, "");
    assertLock(locked, "L1");
  }

  @Test
  void lock_emptyLockId_isBadRequest() throws Exception {
    WopiClient client = newFile();

    assertThat(client.lock("").statusCode()).isEqualTo(400);
    assertLock(client, "");
  }

  @Test
  void lock_success_sendsItemVersionOfCheckFileInfo() throws Exception {
    WopiClient client = newFile();
    client.lock("L1");
    client.putFile(bytes("v2"), "X-WOPI-Lock", "L1");
    client.unlock("L1");

    HttpResponse<byte[]> lock = client.lock("L2");
    String version = client.fileInfo().get("Version").asText();
    HttpResponse<byte[]> unlock = client.unlock("L2");

    assertThat(lock.statusCode()).isEqualTo(200);
    assertThat(unlock.statusCode()).isEqualTo(200);
    assertThat(header(lock, "X-WOPI-ItemVersion")).isEqualTo(version);
    assertThat(header(unlock, "X-WOPI-ItemVersion")).isEqualTo(version);
  }

  @Test
  void lock_sameIdAgainAfter20Minutes_extendsTheLockBeyondTheFirstExpiry() throws Exception {
    WopiClient client = lockedFile("L1");
    NODE.host().clock.advance(Duration.ofMinutes(20));
    assertThat(client.lock("L1").statusCode()).isEqualTo(200);

    NODE.host().clock.advance(Duration.ofMinutes(20));

    assertLock(client, "L1");
    assertConflict(client.lock("L2"), "L1");
  }

  @Test
  void lock_after30Minutes_hasExpiredAndANewIdMayLock() throws Exception {
    WopiClient client = lockedFile("L1");

    NODE.host().clock.advance(Duration.ofMinutes(30));

    assertLock(client, "");
    assertThat(client.lock("L2").statusCode()).isEqualTo(200);
    assertLock(client, "L2");
  }

  @Test
  void lock_secondUsersTokenWithSameId_succeedsAsInCoEditing() throws Exception {
    WopiClient alice = lockedFile("shared-session");
    WopiClient bob = alice.as("bob", EnumSet.allOf(Permission.class));

    assertThat(bob.lock("shared-session").statusCode()).isEqualTo(200);
    assertThat(bob.refreshLock("shared-session").statusCode()).isEqualTo(200);
    assertThat(bob.putFile(CONTENT, "X-WOPI-Lock", "shared-session").statusCode()).isEqualTo(200);
  }

  @Test
  void lock_readOnlyToken_isUnauthorizedAndTakesNoLock() throws Exception {
    WopiClient client = newFile();
    WopiClient reader = client.as(TestHost.USER, EnumSet.of(Permission.READ));

    assertThat(reader.lock("L1").statusCode()).isEqualTo(401);
    assertLock(client, "");
  }

  @Test
  void refreshLockUnlockAndRelock_readOnlyTokenWithTheRightId_areUnauthorized() throws Exception {
    WopiClient client = lockedFile("L1");
    WopiClient reader = client.as("bob", EnumSet.of(Permission.READ));

    assertThat(reader.refreshLock("L1").statusCode()).isEqualTo(401);
    assertThat(reader.unlock("L1").statusCode()).isEqualTo(401);
    assertThat(reader.unlockAndRelock("L1", "L2").statusCode()).isEqualTo(401);
    assertLock(client, "L1");
  }

  // Lock ids

  @Test
  void lock_idOf1024Characters_isAcceptedAndRoundTripsThroughGetLock() throws Exception {
    String longId = "x".repeat(1000) + "0123456789abcdefghijklmn";
    assertThat(longId).hasSize(1024);
    WopiClient client = newFile();

    assertThat(client.lock(longId).statusCode()).isEqualTo(200);

    assertLock(client, longId);
  }

  @Test
  void lock_idOf1025Characters_isBadRequest() throws Exception {
    WopiClient client = newFile();

    assertThat(client.lock("x".repeat(1025)).statusCode()).isEqualTo(400);
    assertLock(client, "");
  }

  @Test
  void lock_nonAsciiId_isBadRequest() throws Exception {
    WopiClient client = newFile();

    int utf8 = client.overrideWithRawHeader("LOCK", "X-WOPI-Lock", bytes("caf\u00e9"));
    int latin1 =
        client.overrideWithRawHeader(
            "LOCK", "X-WOPI-Lock", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(utf8).isEqualTo(400);
    assertThat(latin1).isEqualTo(400);
    assertLock(client, "");
  }

  @Test
  void lock_idsDifferingOnlyInCase_areDifferentLocks() throws Exception {
    WopiClient client = lockedFile("Session-A");

    assertConflict(client.lock("session-a"), "Session-A");
  }

  // GetLock

  @Test
  void getLock_unlocked_answersEmptyLock() throws Exception {
    assertLock(newFile(), "");
  }

  @Test
  void getLock_locked_answersCurrentLockWhateverIdIsPresented() throws Exception {
    WopiClient client = lockedFile("L1");

    HttpResponse<byte[]> withSame = client.override("GET_LOCK", null, "X-WOPI-Lock", "L1");
    HttpResponse<byte[]> withOther = client.override("GET_LOCK", null, "X-WOPI-Lock", "L2");
    HttpResponse<byte[]> without = client.getLock();

    for (HttpResponse<byte[]> response : List.of(withSame, withOther, without)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    }
  }

  @Test
  void getLock_readOnlyToken_seesTheLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertLock(client.as("bob", EnumSet.of(Permission.READ)), "L1");
  }

  // RefreshLock

  @Test
  void refreshLock_unlocked_conflictsWithEmptyLock() throws Exception {
    WopiClient client = newFile();

    assertConflict(client.refreshLock("L1"), "");
    assertLock(client, "");
  }

  @Test
  void refreshLock_lockedWithPresentedId_extendsTheLock() throws Exception {
    WopiClient client = lockedFile("L1");
    NODE.host().clock.advance(Duration.ofMinutes(20));

    HttpResponse<byte[]> response = client.refreshLock("L1");
    NODE.host().clock.advance(Duration.ofMinutes(20));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "X-WOPI-Lock")).isNull();
    assertLock(client, "L1");
  }

  @Test
  void refreshLock_lockedWithAnotherId_conflictsWithCurrentLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertConflict(client.refreshLock("L2"), "L1");
  }

  @Test
  void refreshLock_headerAbsentOrEmpty_isBadRequest() throws Exception {
    WopiClient client = lockedFile("L1");

    assertThat(client.override("REFRESH_LOCK", null).statusCode()).isEqualTo(400);
    assertThat(client.refreshLock("").statusCode()).isEqualTo(400);
    assertLock(client, "L1");
  }

  @Test
  void refreshLock_expiredLock_conflictsWithEmptyLock() throws Exception {
    WopiClient client = lockedFile("L1");
    NODE.host().clock.advance(Duration.ofMinutes(31));

    assertConflict(client.refreshLock("L1"), "");
  }

  // Unlock

  @Test
  void unlock_unlocked_conflictsWithEmptyLock() throws Exception {
    assertConflict(newFile().unlock("L1"), "");
  }

  @Test
  void unlock_lockedWithPresentedId_releasesTheLock() throws Exception {
    WopiClient client = lockedFile("L1");

    HttpResponse<byte[]> response = client.unlock("L1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertLock(client, "");
    assertThat(client.lock("L2").statusCode()).isEqualTo(200);
  }

  @Test
  void unlock_lockedWithAnotherId_conflictsAndKeepsTheLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertConflict(client.unlock("L2"), "L1");
    assertLock(client, "L1");
  }

  @Test
  void unlock_headerAbsentOrEmpty_isBadRequestAndKeepsTheLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertThat(client.override("UNLOCK", null).statusCode()).isEqualTo(400);
    assertThat(client.unlock("").statusCode()).isEqualTo(400);
    assertLock(client, "L1");
  }

  @Test
  void unlock_expiredLock_conflictsWithEmptyLock() throws Exception {
    WopiClient client = lockedFile("L1");
    NODE.host().clock.advance(Duration.ofMinutes(30));

    assertConflict(client.unlock("L1"), "");
  }

  // UnlockAndRelock

  @Test
  void unlockAndRelock_unlocked_conflictsWithEmptyLock() throws Exception {
    WopiClient client = newFile();

    assertConflict(client.unlockAndRelock("L1", "L2"), "");
    assertLock(client, "");
  }

  @Test
  void unlockAndRelock_oldLockMatches_replacesTheLockWithAFresh30Minutes() throws Exception {
    WopiClient client = lockedFile("L1");
    NODE.host().clock.advance(Duration.ofMinutes(20));

    HttpResponse<byte[]> response = client.unlockAndRelock("L1", "L2");
    NODE.host().clock.advance(Duration.ofMinutes(20));

    assertThat(response.statusCode()).isEqualTo(200);
    assertLock(client, "L2");
    assertConflict(client.lock("L1"), "L2");
  }

  @Test
  void unlockAndRelock_oldLockIsAnotherId_conflictsWithCurrentLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertConflict(client.unlockAndRelock("L9", "L2"), "L1");
    assertLock(client, "L1");
  }

  @Test
  void unlockAndRelock_emptyOldLock_conflictsWithCurrentLock() throws Exception {
    WopiClient client = lockedFile("L1");

    assertConflict(client.unlockAndRelock("", "L2"), "L1");
  }

  @Test
  void unlockAndRelock_newLockAbsentOrEmptyOrTooLong_isBadRequestAndKeepsTheLock()
      throws Exception {
    WopiClient client = lockedFile("L1");

    assertThat(client.override("LOCK", null, "X-WOPI-OldLock", "L1").statusCode()).isEqualTo(400);
    assertThat(client.unlockAndRelock("L1", "").statusCode()).isEqualTo(400);
    assertThat(client.unlockAndRelock("L1", "y".repeat(1025)).statusCode()).isEqualTo(400);
    assertLock(client, "L1");
  }

  @Test
  void lock_racingWithDifferentIds_exactlyOneWins() throws Exception {
    WopiClient client = newFile();
    int contestants = 12;

    List<Integer> statuses =
        Race.run(contestants, i -> () -> client.lock("session-" + i).statusCode());

    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    assertLock(client, "session-" + statuses.indexOf(200));
  }

  @Test
  void unlockAndRelock_racingFromTheSameOldLock_exactlyOneWins() throws Exception {
    WopiClient client = lockedFile("old");
    int contestants = 12;

    List<Integer> statuses =
        Race.run(contestants, i -> () -> client.unlockAndRelock("old", "new-" + i).statusCode());

    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    assertLock(client, "new-" + statuses.indexOf(200));
  }
}
