package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareLinkStoreTest {

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAt2026();
  private Database database;
  private JdbcShareLinkStore links;

  @BeforeEach
  void open() {
    database =
        Database.open("jdbc:sqlite:" + dir.resolve("s.db"), Optional.empty(), Optional.empty());
    database.migrate();
    links = new JdbcShareLinkStore(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private ShareLink link(String id, boolean canWrite, Duration ttl) {
    return new ShareLink(id, "file1", "alice", canWrite, clock.instant(), clock.instant().plus(ttl));
  }

  @Test
  void findLive_addedLink_returnsIt_untilItExpires() {
    ShareLink link = link("l1", true, Duration.ofDays(1));
    links.add(link);

    assertThat(links.findLive("l1", clock.instant())).contains(link);
    assertThat(links.findLive("l2", clock.instant())).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(links.findLive("l1", clock.instant())).isEmpty();
  }

  @Test
  void tryRevoke_liveLink_makesItOpenNothing_once() {
    links.add(link("l1", false, Duration.ofDays(1)));
    clock.advance(Duration.ofSeconds(1));
    ShareLink second = link("l2", true, Duration.ofDays(1));
    links.add(second);

    assertThat(links.tryRevoke("l1")).isTrue();
    assertThat(links.tryRevoke("l1")).isFalse();
    assertThat(links.tryRevoke("nope")).isFalse();

    assertThat(links.findLive("l1", clock.instant())).isEmpty();
    assertThat(links.liveForFile("file1", clock.instant())).containsExactly(second);
  }
}
