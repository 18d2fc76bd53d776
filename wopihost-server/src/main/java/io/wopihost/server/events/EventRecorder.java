package io.wopihost.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wopihost.core.model.FileEvent;
import io.wopihost.core.spi.WopiEvents;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.jdbc.JdbcEventStore.AuditEntry;
import io.wopihost.jdbc.JdbcEventStore.OutboxMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link FileEvent} to the audit trail and, for the kinds integrators subscribe to,
 * to the webhook outbox (one row per receiver), in one transaction.
 *
 * <p>The rule for "opened": CheckFileInfo and GetFile are recorded once per user and file per
 * {@code openWindow}. Editors call CheckFileInfo every few minutes for as long as a document is
 * open, and each co-editor does; the trail says who opened what and when, not every poll. The
 * memory of the last recorded open is this node's: after a restart, or on another node, the next
 * open is recorded again.
 *
 * <p>A failure to record is logged and counted ({@code wopihost_event_record_failures_total}),
 * and the operation's answer still goes out: it already took effect. Thread safe.
 */
public final class EventRecorder implements WopiEvents {

  /** The kinds that go to webhooks; opening a file does not. */
  static final Set<FileEvent.Kind> WEBHOOK_KINDS =
      Set.of(
          FileEvent.Kind.SAVED,
          FileEvent.Kind.RENAMED,
          FileEvent.Kind.DELETED,
          FileEvent.Kind.MOVED,
          FileEvent.Kind.RESTORED,
          FileEvent.Kind.LOCKED,
          FileEvent.Kind.UNLOCKED);

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int MAX_REMEMBERED_OPENS = 10_000;

  private final JdbcEventStore store;
  private final List<URI> receivers;
  private final Duration openWindow;
  private final Runnable outboxChanged;
  private final Counter failures;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Instant> lastOpen = new ConcurrentHashMap<>();

  /**
   * @param receivers the webhook URLs; none means no outbox rows
   * @param openWindow how long an "opened" is not recorded again for the same user and file
   * @param outboxChanged called after rows were added to the outbox (wakes the dispatcher)
   */
  public EventRecorder(
      JdbcEventStore store,
      List<URI> receivers,
      Duration openWindow,
      Runnable outboxChanged,
      MeterRegistry registry) {
    this.store = store;
    this.receivers = List.copyOf(receivers);
    this.openWindow = openWindow;
    this.outboxChanged = outboxChanged;
    this.failures =
        Counter.builder("wopihost.event.record.failures")
            .description("events that could not be written to the audit trail or outbox")
            .register(registry);
  }

  @Override
  public void happened(FileEvent event) {
    boolean audited = event.kind() != FileEvent.Kind.OPENED || firstOpenInWindow(event);
    List<OutboxMessage> outbox =
        WEBHOOK_KINDS.contains(event.kind()) ? messages(event) : List.of();
    if (!audited && outbox.isEmpty()) {
      return;
    }
    try {
      store.append(audited ? List.of(auditEntry(event)) : List.of(), outbox);
    } catch (RuntimeException e) {
      failures.increment();
      if (event.kind() == FileEvent.Kind.OPENED) {
        lastOpen.remove(openKey(event));
      }
      LOG.error("could not record {} of file {} by {}", event.kind(), event.fileId(),
          event.userId(), e);
      return;
    }
    if (!outbox.isEmpty()) {
      outboxChanged.run();
    }
  }

  private boolean firstOpenInWindow(FileEvent event) {
    if (lastOpen.size() > MAX_REMEMBERED_OPENS) {
      Instant cutoff = event.at().minus(openWindow);
      lastOpen.values().removeIf(at -> at.isBefore(cutoff));
    }
    boolean[] first = {false};
    lastOpen.compute(
        openKey(event),
        (key, previous) -> {
          if (previous == null || !event.at().isBefore(previous.plus(openWindow))) {
            first[0] = true;
            return event.at();
          }
          return previous;
        });
    return first[0];
  }

  private static String openKey(FileEvent event) {
    return event.fileId() + '\n' + event.userId();
  }

  private static AuditEntry auditEntry(FileEvent event) {
    String detail =
        switch (event.kind()) {
          case SAVED -> "version " + event.version();
          case RENAMED -> "from " + event.previousName().orElse("?");
          default -> "";
        };
    return new AuditEntry(
        event.at(), event.fileId(), event.fileName(), event.userId(), action(event), detail);
  }

  private List<OutboxMessage> messages(FileEvent event) {
    String id = UUID.randomUUID().toString();
    String type = "file." + action(event);
    String payload = payload(id, type, event);
    return receivers.stream()
        .map(r -> new OutboxMessage(id, r.toString(), event.fileId(), type, payload, event.at()))
        .toList();
  }

  private String payload(String id, String type, FileEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", type);
    body.put("occurredAt", event.at().toString());
    body.put("fileId", event.fileId());
    body.put("fileName", event.fileName());
    event.previousName().ifPresent(p -> body.put("previousName", p));
    body.put("version", event.version());
    body.put("userId", event.userId());
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event is a map of plain values", e);
    }
  }

  private static String action(FileEvent event) {
    return event.kind().name().toLowerCase(Locale.ROOT);
  }
}
