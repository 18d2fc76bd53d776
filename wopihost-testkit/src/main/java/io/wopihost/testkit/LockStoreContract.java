package io.wopihost.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.Lock;
import io.wopihost.core.spi.LockStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link LockStore} must show. A backend's test extends this class and creates
 * a fresh, empty store in {@link #newStore}; it may add tests of its own. Instants are whole
 * milliseconds, the finest precision a store must keep for expiries; time moves on a {@link
 * MutableClock}.
 */
public abstract class LockStoreContract {

  private static final String FILE = "file-1";
  private static final Duration TTL = Duration.ofMinutes(30);

  private final MutableClock clock = MutableClock.startingAt2026();
  private LockStore store;

  /** A new, empty store; called before each test. */
  protected abstract LockStore newStore() throws Exception;

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  @Test
  void current_noLock_isEmpty() {
    assertThat(store.current(FILE, now())).isEmpty();
  }

  @Test
  void tryAcquire_unlockedFile_succeedsAndCurrentShowsTheLock() {
    assertThat(store.tryAcquire(FILE, "L1", now(), expiry())).isTrue();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L1", expiry()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"L1", "L2"})
  void tryAcquire_liveLockWithAnyId_failsAndKeepsTheLock(String lockId) {
    store.tryAcquire(FILE, "L1", now(), expiry());
    Instant firstExpiry = expiry();
    clock.advance(Duration.ofMinutes(1));

    assertThat(store.tryAcquire(FILE, lockId, now(), expiry())).isFalse();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L1", firstExpiry));
  }

  @Test
  void tryAcquire_atExactlyTheExpiryOfTheOldLock_succeeds() {
    store.tryAcquire(FILE, "L1", now(), expiry());
    clock.advance(TTL);

    assertThat(store.tryAcquire(FILE, "L2", now(), expiry())).isTrue();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L2", expiry()));
  }

  @Test
  void current_oneMillisecondBeforeExpiry_isLiveAndAtExpiry_isAbsent() {
    Instant expiresAt = expiry();
    store.tryAcquire(FILE, "L1", now(), expiresAt);

    assertThat(store.current(FILE, expiresAt.minusMillis(1))).isPresent();
    assertThat(store.current(FILE, expiresAt)).isEmpty();
    assertThat(store.listLive(expiresAt)).isEmpty();
  }

  @Test
  void countLive_twoLiveAndOneLapsed_countsTheLiveOnes() {
    store.tryAcquire("lapses", "L0", now(), now().plusSeconds(1));
    store.tryAcquire(FILE, "L1", now(), expiry());
    store.tryAcquire("file-2", "L2", now(), expiry());
    clock.advance(Duration.ofSeconds(1));

    assertThat(store.countLive(now())).isEqualTo(2);
    assertThat(store.countLive(expiry())).isZero();
  }

  @Test
  void tryAcquire_manyThreadsOnAnUnlockedFile_exactlyOneWins() throws Exception {
    List<Boolean> won = Race.run(16, i -> () -> store.tryAcquire(FILE, "L" + i, now(), expiry()));

    assertThat(won).containsOnlyOnce(true);
    String winner = "L" + won.indexOf(true);
    assertThat(store.current(FILE, now())).contains(new Lock(FILE, winner, expiry()));
  }

  @Test
  void tryAcquire_manyThreadsOnALapsedLock_exactlyOneWins() throws Exception {
    store.tryAcquire(FILE, "old", now(), expiry());
    clock.advance(TTL.plusSeconds(1));

    List<Boolean> won = Race.run(16, i -> () -> store.tryAcquire(FILE, "L" + i, now(), expiry()));

    assertThat(won).containsOnlyOnce(true);
    assertThat(store.current(FILE, now()).orElseThrow().lockId())
        .isEqualTo("L" + won.indexOf(true));
  }

  @Test
  void tryRefresh_liveLockWithThatId_movesTheExpiry() {
    store.tryAcquire(FILE, "L1", now(), expiry());
    clock.advance(Duration.ofMinutes(20));
    Instant refreshed = expiry();

    assertThat(store.tryRefresh(FILE, "L1", now(), refreshed)).isTrue();

    clock.advance(Duration.ofMinutes(20));
    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L1", refreshed));
  }

  @Test
  void tryRefresh_otherId_failsAndKeepsTheExpiry() {
    Instant expiresAt = expiry();
    store.tryAcquire(FILE, "L1", now(), expiresAt);

    assertThat(store.tryRefresh(FILE, "L2", now(), expiresAt.plus(TTL))).isFalse();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L1", expiresAt));
  }

  @Test
  void tryRefresh_lapsedLock_failsAndTheLockStaysAbsent() {
    store.tryAcquire(FILE, "L1", now(), expiry());
    clock.advance(TTL);

    assertThat(store.tryRefresh(FILE, "L1", now(), expiry())).isFalse();

    assertThat(store.current(FILE, now())).isEmpty();
  }

  @Test
  void tryRefresh_noLock_fails() {
    assertThat(store.tryRefresh(FILE, "L1", now(), expiry())).isFalse();
    assertThat(store.current(FILE, now())).isEmpty();
  }

  @Test
  void tryReplace_liveLockWithThatId_putsTheNewIdAndExpiry() {
    store.tryAcquire(FILE, "L1", now(), expiry());
    clock.advance(Duration.ofMinutes(5));

    assertThat(store.tryReplace(FILE, "L1", "L2", now(), expiry())).isTrue();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L2", expiry()));
    assertThat(store.tryRelease(FILE, "L1", now())).isFalse();
  }

  @Test
  void tryReplace_otherId_failsAndKeepsTheLock() {
    Instant expiresAt = expiry();
    store.tryAcquire(FILE, "L1", now(), expiresAt);

    assertThat(store.tryReplace(FILE, "L9", "L2", now(), expiresAt.plus(TTL))).isFalse();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L1", expiresAt));
  }

  @Test
  void tryReplace_lapsedLock_fails() {
    store.tryAcquire(FILE, "L1", now(), expiry());
    clock.advance(TTL);

    assertThat(store.tryReplace(FILE, "L1", "L2", now(), expiry())).isFalse();

    assertThat(store.current(FILE, now())).isEmpty();
  }

  @Test
  void tryRelease_liveLockWithThatId_removesItSoAnotherCanLock() {
    store.tryAcquire(FILE, "L1", now(), expiry());

    assertThat(store.tryRelease(FILE, "L1", now())).isTrue();

    assertThat(store.current(FILE, now())).isEmpty();
    assertThat(store.tryAcquire(FILE, "L2", now(), expiry())).isTrue();
  }

  @Test
  void tryRelease_otherId_failsAndKeepsTheLock() {
    store.tryAcquire(FILE, "L1", now(), expiry());

    assertThat(store.tryRelease(FILE, "L2", now())).isFalse();

    assertThat(store.current(FILE, now())).contains(new Lock(FILE, "L1", expiry()));
  }

  @Test
  void tryRelease_lapsedLockOrNoLock_fails() {
    store.tryAcquire(FILE, "L1", now(), expiry());
    clock.advance(TTL);

    assertThat(store.tryRelease(FILE, "L1", now())).isFalse();
    assertThat(store.tryRelease("file-2", "L1", now())).isFalse();
  }

  @Test
  void lockIds_differingOnlyInCaseOrTrailingSpace_doNotMatch() {
    store.tryAcquire(FILE, "Lock-A", now(), expiry());

    assertThat(store.tryRefresh(FILE, "lock-a", now(), expiry())).isFalse();
    assertThat(store.tryRelease(FILE, "Lock-A ", now())).isFalse();
    assertThat(store.current(FILE, now()).orElseThrow().lockId()).isEqualTo("Lock-A");
  }

  @ParameterizedTest
  @MethodSource("unusualLockIds")
  void lockId_longOrNonAscii_roundTripsExactlyAndMatches(String lockId) {
    assertThat(store.tryAcquire(FILE, lockId, now(), expiry())).isTrue();

    assertThat(store.current(FILE, now()).orElseThrow().lockId()).isEqualTo(lockId);
    assertThat(store.listLive(now())).extracting(Lock::lockId).containsExactly(lockId);
    assertThat(store.tryRefresh(FILE, lockId, now(), expiry())).isTrue();
    assertThat(store.tryRelease(FILE, lockId, now())).isTrue();
  }

  static Stream<String> unusualLockIds() {
    StringBuilder everyPrintableAscii = new StringBuilder();
    while (everyPrintableAscii.length() < 1024) {
      everyPrintableAscii.append((char) (' ' + everyPrintableAscii.length() % 95));
    }
    return Stream.of(everyPrintableAscii.toString(), "ünïcode ☃ 😀 锁", "'; DROP TABLE locks; --");
  }

  @Test
  void clear_liveLock_removesItWhateverItsId() {
    store.tryAcquire(FILE, "L1", now(), expiry());

    store.clear(FILE);
    store.clear("never-locked");

    assertThat(store.current(FILE, now())).isEmpty();
    assertThat(store.tryAcquire(FILE, "L2", now(), expiry())).isTrue();
  }

  @Test
  void locks_onDifferentFiles_areIndependent() {
    store.tryAcquire("file-a", "L1", now(), expiry());

    assertThat(store.tryAcquire("file-b", "L1", now(), expiry())).isTrue();
    assertThat(store.tryRelease("file-a", "L1", now())).isTrue();

    assertThat(store.current("file-a", now())).isEmpty();
    assertThat(store.current("file-b", now())).contains(new Lock("file-b", "L1", expiry()));
  }

  @Test
  void listLive_mixOfLiveAndLapsedLocks_returnsOnlyTheLiveOnes() {
    store.tryAcquire("file-a", "A", now(), now().plus(Duration.ofMinutes(10)));
    store.tryAcquire("file-b", "B", now(), now().plus(Duration.ofMinutes(30)));
    store.tryAcquire("file-c", "C", now(), now().plus(Duration.ofMinutes(20)));
    Instant bExpiry = now().plus(Duration.ofMinutes(30));
    Instant cExpiry = now().plus(Duration.ofMinutes(20));
    clock.advance(Duration.ofMinutes(10));

    assertThat(store.listLive(now()))
        .containsExactlyInAnyOrder(
            new Lock("file-b", "B", bExpiry), new Lock("file-c", "C", cExpiry));
  }

  private Instant now() {
    return clock.instant();
  }

  /** The expiry of a lock taken or refreshed now. */
  private Instant expiry() {
    return now().plus(TTL);
  }
}
