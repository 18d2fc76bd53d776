package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.jdbc.JdbcWebSessions.Session;
import io.wopihost.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSessionsTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAt2026();
  private Database database;
  private JdbcWebSessions sessions;

  @BeforeEach
  void open() {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("web.db"), Optional.empty(), Optional.empty());
    database.migrate();
    sessions = new JdbcWebSessions(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void find_liveSession_returnsItsUserAndCsrfToken() {
    Session created = sessions.create("alice", clock.instant().plus(Duration.ofHours(1)));

    Optional<Session> found = sessions.find(created.secret(), clock.instant());

    assertThat(found).contains(created);
    assertThat(created.csrfToken()).isNotEqualTo(created.secret()).hasSizeGreaterThan(40);
    assertThat(created.toString()).doesNotContain(created.secret(), created.csrfToken());
  }

  @Test
  void find_expiredDeletedOrUnknownSession_isEmpty() {
    Session a = sessions.create("alice", clock.instant().plus(Duration.ofHours(1)));
    Session b = sessions.create("bob", clock.instant().plus(Duration.ofHours(1)));
    Session c = sessions.create("carol", clock.instant().plus(Duration.ofHours(1)));

    sessions.delete(b.secret());
    sessions.deleteAllOf("carol");

    assertThat(sessions.find(b.secret(), clock.instant())).isEmpty();
    assertThat(sessions.find(c.secret(), clock.instant())).isEmpty();
    assertThat(sessions.find("not-a-session", clock.instant())).isEmpty();
    clock.advance(Duration.ofHours(1));
    assertThat(sessions.find(a.secret(), clock.instant())).isEmpty();
    assertThat(sessions.deleteExpired(clock.instant())).isEqualTo(1);
  }

  @Test
  void recordFailure_withinWindow_counts_andANewWindowStartsOver() {
    assertThat(sessions.recordFailure("u:alice", clock.instant(), WINDOW)).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10));
    assertThat(sessions.recordFailure("u:alice", clock.instant(), WINDOW)).isEqualTo(2);
    assertThat(sessions.failures("u:alice", clock.instant(), WINDOW)).isEqualTo(2);
    assertThat(sessions.failures("u:bob", clock.instant(), WINDOW)).isZero();

    clock.advance(Duration.ofMinutes(5));
    assertThat(sessions.failures("u:alice", clock.instant(), WINDOW)).isZero();
    assertThat(sessions.recordFailure("u:alice", clock.instant(), WINDOW)).isEqualTo(1);

    sessions.clearFailures("u:alice");
    assertThat(sessions.failures("u:alice", clock.instant(), WINDOW)).isZero();
  }
}
