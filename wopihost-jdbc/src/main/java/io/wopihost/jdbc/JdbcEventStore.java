package io.wopihost.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audit trail and the webhook outbox, in the tables of {@code V3__audit_events.sql}. An
 * {@link #append} writes both in one transaction, so an operation costs one commit however many
 * receivers there are. Rows are numbered by one counter in the order they were appended; the
 * outbox is read in that order. Portable between SQLite and PostgreSQL. Thread safe.
 */
public final class JdbcEventStore {

  /**
   * A line of the audit trail.
   *
   * @param at when it happened
   * @param action what happened: opened, locked, unlocked, saved, renamed, deleted
   * @param detail more about it (a version, the former name), or {@code ""}
   */
  public record AuditEntry(
      Instant at, String fileId, String fileName, String userId, String action, String detail) {
    public AuditEntry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(fileId, "fileId");
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * An event on its way to one receiver.
   *
   * @param eventId the same for every receiver of one event; receivers deduplicate on it
   * @param receiver the URL it is posted to
   * @param payload the JSON body
   */
  public record OutboxMessage(
      String eventId,
      String receiver,
      String fileId,
      String eventType,
      String payload,
      Instant createdAt) {}

  /**
   * An outbox row not yet accepted by its receiver.
   *
   * @param seq its place in the order of delivery
   * @param attempts how many deliveries failed so far
   * @param nextAttemptAt not to be delivered before this
   * @param leaseUntil while in the future, a dispatcher is delivering it
   */
  public record Pending(
      long seq,
      OutboxMessage message,
      int attempts,
      Instant nextAttemptAt,
      Optional<Instant> leaseUntil) {}

  private static final String PENDING_COLUMNS =
      "seq, event_id, receiver, file_id, event_type, payload, created_at, attempts,"
          + " next_attempt_at, lease_until";

  private final Transactions db;

  /**
   * @param dataSource a database migrated by {@link Database#migrate()}
   */
  public JdbcEventStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  /** Writes audit entries and outbox messages in one transaction; nothing when both are empty. */
  public void append(List<AuditEntry> audit, List<OutboxMessage> outbox) {
    if (audit.isEmpty() && outbox.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          long seq = reserve(c, audit.size() + outbox.size());
          for (AuditEntry e : audit) {
            Sql.update(
                c,
                "INSERT INTO audit_events (seq, occurred_at, file_id, file_name, user_id, action,"
                    + " detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                seq++,
                Sql.toMicros(e.at()),
                e.fileId(),
                e.fileName(),
                e.userId(),
                e.action(),
                e.detail());
          }
          for (OutboxMessage m : outbox) {
            Sql.update(
                c,
                "INSERT INTO webhook_outbox (seq, event_id, receiver, file_id, event_type, payload,"
                    + " created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                seq++,
                m.eventId(),
                m.receiver(),
                m.fileId(),
                m.eventType(),
                m.payload(),
                Sql.toMicros(m.createdAt()),
                Sql.toMicros(m.createdAt()));
          }
          return null;
        });
  }

  /** The last {@code limit} audit entries of a file, oldest first. */
  public List<AuditEntry> auditOfFile(String fileId, int limit) {
    List<AuditEntry> newestFirst =
        db.autoCommit(
            c ->
                Sql.queryList(
                    c,
                    "SELECT occurred_at, file_id, file_name, user_id, action, detail"
                        + " FROM audit_events WHERE file_id = ? ORDER BY seq DESC LIMIT ?",
                    JdbcEventStore::auditEntry,
                    fileId,
                    limit));
    List<AuditEntry> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** The newest audit entry of a file whose action is one of {@code actions}. */
  public Optional<AuditEntry> lastOfFile(String fileId, List<String> actions) {
    if (actions.isEmpty()) {
      return Optional.empty();
    }
    Object[] args = new Object[actions.size() + 1];
    args[0] = fileId;
    for (int i = 0; i < actions.size(); i++) {
      args[i + 1] = actions.get(i);
    }
    return db.autoCommit(
        c ->
            Sql.queryOne(
                c,
                "SELECT occurred_at, file_id, file_name, user_id, action, detail"
                    + " FROM audit_events WHERE file_id = ? AND action IN ("
                    + String.join(", ", Collections.nCopies(actions.size(), "?"))
                    + ") ORDER BY seq DESC LIMIT 1",
                JdbcEventStore::auditEntry,
                args));
  }

  /** The first {@code limit} undelivered messages for a receiver, in order of delivery. */
  public List<Pending> pending(String receiver, int limit) {
    return db.autoCommit(
        c ->
            Sql.queryList(
                c,
                "SELECT " + PENDING_COLUMNS + " FROM webhook_outbox WHERE receiver = ?"
                    + " ORDER BY seq LIMIT ?",
                JdbcEventStore::pending,
                receiver,
                limit));
  }

  /** How many messages wait for delivery, to every receiver. */
  public long pendingCount() {
    return db.autoCommit(
        c ->
            Sql.queryOne(c, "SELECT COUNT(*) FROM webhook_outbox", row -> row.getLong(1))
                .orElse(0L));
  }

  /**
   * Takes a message for delivery until {@code until}, unless another dispatcher holds it.
   *
   * @return {@code false} when it is leased by another dispatcher or was delivered meanwhile
   */
  public boolean tryLease(long seq, String owner, Instant now, Instant until) {
    return db.autoCommit(
            c ->
                Sql.update(
                    c,
                    "UPDATE webhook_outbox SET lease_owner = ?, lease_until = ?"
                        + " WHERE seq = ? AND (lease_until IS NULL OR lease_until <= ?)",
                    owner,
                    Sql.toMicros(until),
                    seq,
                    Sql.toMicros(now)))
        == 1;
  }

  /** Its receiver accepted the message: it leaves the outbox. */
  public void delivered(long seq) {
    db.autoCommit(c -> Sql.update(c, "DELETE FROM webhook_outbox WHERE seq = ?", seq));
  }

  /** A delivery failed: the message waits until {@code nextAttemptAt}, its lease released. */
  public void failed(long seq, int attempts, Instant nextAttemptAt, String error) {
    db.autoCommit(
        c ->
            Sql.update(
                c,
                "UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?,"
                    + " lease_owner = NULL, lease_until = NULL WHERE seq = ?",
                attempts,
                Sql.toMicros(nextAttemptAt),
                error,
                seq));
  }

  private static long reserve(Connection c, int count) throws SQLException {
    // The UPDATE locks the counter row until commit, so concurrent appends get disjoint ranges.
    int updated =
        Sql.update(
            c, "UPDATE event_sequence SET next_value = next_value + ? WHERE name = 'events'", count);
    if (updated == 0) {
      // The row was emptied out (a truncated schema): numbering starts again after the rows left.
      long start =
          Sql.queryOne(
                  c,
                  "SELECT COALESCE(MAX(seq), 0) + 1 FROM (SELECT seq FROM audit_events"
                      + " UNION ALL SELECT seq FROM webhook_outbox) AS used",
                  row -> row.getLong(1))
              .orElse(1L);
      Sql.update(
          c,
          "INSERT INTO event_sequence (name, next_value) VALUES ('events', ?)",
          start + count);
      return start;
    }
    long next =
        Sql.queryOne(
                c,
                "SELECT next_value FROM event_sequence WHERE name = 'events'",
                row -> row.getLong(1))
            .orElseThrow(() -> new SQLException("the event_sequence row is missing"));
    return next - count;
  }

  private static AuditEntry auditEntry(ResultSet row) throws SQLException {
    return new AuditEntry(
        Sql.fromMicros(row.getLong("occurred_at")),
        row.getString("file_id"),
        row.getString("file_name"),
        row.getString("user_id"),
        row.getString("action"),
        row.getString("detail"));
  }

  private static Pending pending(ResultSet row) throws SQLException {
    long leaseUntil = row.getLong("lease_until");
    Optional<Instant> lease =
        row.wasNull() ? Optional.empty() : Optional.of(Sql.fromMicros(leaseUntil));
    var message =
        new OutboxMessage(
            row.getString("event_id"),
            row.getString("receiver"),
            row.getString("file_id"),
            row.getString("event_type"),
            row.getString("payload"),
            Sql.fromMicros(row.getLong("created_at")));
    return new Pending(
        row.getLong("seq"),
        message,
        row.getInt("attempts"),
        Sql.fromMicros(row.getLong("next_attempt_at")),
        lease);
  }
}
