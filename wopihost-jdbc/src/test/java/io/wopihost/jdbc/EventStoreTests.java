package io.wopihost.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.jdbc.JdbcEventStore.AuditEntry;
import io.wopihost.jdbc.JdbcEventStore.OutboxMessage;
import io.wopihost.jdbc.JdbcEventStore.Pending;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database must do for {@link JdbcEventStore}. */
abstract class EventStoreTests {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");
  private static final String HOOK = "http://receiver.example/hook";

  private JdbcEventStore store;

  protected abstract JdbcEventStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @Test
  void auditOfFile_afterAppends_listsTheLastEntriesOldestFirst() {
    for (int i = 0; i < 5; i++) {
      store.append(List.of(audit("f1", T0.plusSeconds(i), "saved", "version " + i)), List.of());
    }
    store.append(List.of(audit("f2", T0, "opened", "")), List.of());

    assertThat(store.auditOfFile("f1", 3))
        .extracting(AuditEntry::detail)
        .containsExactly("version 2", "version 3", "version 4");
    assertThat(store.auditOfFile("f1", 100).getFirst()).isEqualTo(audit("f1", T0, "saved",
        "version 0"));
    assertThat(store.auditOfFile("f2", 100)).extracting(AuditEntry::action).containsExactly(
        "opened");
    assertThat(store.auditOfFile("nobody", 100)).isEmpty();
  }

  @Test
  void pending_afterAppends_comesInAppendOrderPerReceiver() {
    store.append(List.of(audit("f1", T0, "saved", "")), List.of(message("e1", "f1"),
        message("e1", "f1", "http://other.example/")));
    store.append(List.of(), List.of(message("e2", "f2")));
    store.append(List.of(), List.of(message("e3", "f1")));

    List<Pending> pending = store.pending(HOOK, 10);

    assertThat(pending).extracting(p -> p.message().eventId()).containsExactly("e1", "e2", "e3");
    assertThat(pending).extracting(Pending::seq).isSorted().doesNotHaveDuplicates();
    assertThat(pending.getFirst().message()).isEqualTo(message("e1", "f1"));
    assertThat(pending.getFirst().attempts()).isZero();
    assertThat(pending.getFirst().nextAttemptAt()).isEqualTo(T0);
    assertThat(store.pendingCount()).isEqualTo(4);
  }

  @Test
  void tryLease_heldByAnother_failsUntilTheLeaseLapses() {
    store.append(List.of(), List.of(message("e1", "f1")));
    long seq = store.pending(HOOK, 1).getFirst().seq();
    Instant until = T0.plusSeconds(20);

    assertThat(store.tryLease(seq, "node-a", T0, until)).isTrue();
    assertThat(store.tryLease(seq, "node-b", T0.plusSeconds(19), until)).isFalse();
    assertThat(store.pending(HOOK, 1).getFirst().leaseUntil()).contains(until);
    assertThat(store.tryLease(seq, "node-b", until, until.plusSeconds(20))).isTrue();
  }

  @Test
  void failed_thenDelivered_updatesTheRowThenRemovesIt() {
    store.append(List.of(), List.of(message("e1", "f1")));
    long seq = store.pending(HOOK, 1).getFirst().seq();
    store.tryLease(seq, "node-a", T0, T0.plusSeconds(20));

    store.failed(seq, 1, T0.plus(Duration.ofSeconds(1)), "HTTP 503");

    Pending row = store.pending(HOOK, 1).getFirst();
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(row.leaseUntil()).isEmpty();

    store.delivered(seq);

    assertThat(store.pending(HOOK, 10)).isEmpty();
    assertThat(store.pendingCount()).isZero();
  }

  @Test
  void append_bothEmpty_writesNothing() {
    store.append(List.of(), List.of());

    assertThat(store.pendingCount()).isZero();
  }

  private static AuditEntry audit(String file, Instant at, String action, String detail) {
    return new AuditEntry(at, file, file + ".docx", "alice", action, detail);
  }

  private static OutboxMessage message(String eventId, String file) {
    return message(eventId, file, HOOK);
  }

  private static OutboxMessage message(String eventId, String file, String receiver) {
    return new OutboxMessage(
        eventId, receiver, file, "file.saved", "{\"id\":\"" + eventId + "\"}", T0);
  }
}
