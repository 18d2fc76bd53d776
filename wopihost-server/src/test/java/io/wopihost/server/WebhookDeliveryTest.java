package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wopihost.core.model.FileEvent;
import io.wopihost.jdbc.Database;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.server.events.EventRecorder;
import io.wopihost.server.events.WebhookDispatcher;
import io.wopihost.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox and its dispatcher on a real SQLite file and a real HTTP receiver, with time moved
 * by hand: an outage, back-off, a restart, and every event arriving once and in order per file.
 */
class WebhookDeliveryTest {

  private static final byte[] SECRET = "a webhook secret of some length".getBytes();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAt2026();
  private final ObjectMapper json = new ObjectMapper();
  private Database database;
  private JdbcEventStore store;

  @BeforeEach
  void open() {
    database = openDatabase();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void deliverDue_receiverDownForTheFirstDeliveriesAndARestart_eachEventOnceInOrderPerFile()
      throws Exception {
    try (var receiver = new Receiver(SECRET, 5)) {
      var recorder = recorder(receiver);
      List<FileEvent> sent = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        sent.add(event(FileEvent.Kind.SAVED, "file-a", i));
        sent.add(event(i % 2 == 0 ? FileEvent.Kind.LOCKED : FileEvent.Kind.UNLOCKED, "file-b", i));
      }
      sent.forEach(recorder::happened);
      var dispatcher = dispatcher(receiver);

      int rounds = 0;
      while (store.pendingCount() > 0 && rounds++ < 50) {
        if (rounds == 3) {
          // A restart mid-outage: the outbox is all there is.
          database.close();
          database = openDatabase();
          dispatcher = dispatcher(receiver);
        }
        dispatcher.deliverDue();
        clock.advance(MAX_BACKOFF);
      }

      assertThat(store.pendingCount()).isZero();
      assertThat(receiver.attempts()).isEqualTo(sent.size() + 5);
      assertThat(receiver.accepted).allMatch(Receiver.Delivery::signatureValid);
      assertThat(receiver.accepted).extracting(Receiver.Delivery::eventId).doesNotHaveDuplicates()
          .hasSize(sent.size());
      assertThat(versionsByFile(receiver.accepted))
          .containsEntry("file-a", List.of(1L, 2L, 3L, 4L, 5L, 6L))
          .containsEntry("file-b", List.of(1L, 2L, 3L, 4L, 5L, 6L));
    }
  }

  @Test
  void deliverDue_afterAFailure_waitsForTheBackOffAndHoldsBackThatFileOnly() throws Exception {
    try (var receiver = new Receiver(SECRET, 1)) {
      var recorder = recorder(receiver);
      recorder.happened(event(FileEvent.Kind.SAVED, "file-a", 1));
      recorder.happened(event(FileEvent.Kind.SAVED, "file-a", 2));
      recorder.happened(event(FileEvent.Kind.SAVED, "file-b", 1));
      var dispatcher = dispatcher(receiver);

      assertThat(dispatcher.deliverDue()).isEqualTo(1);
      assertThat(receiver.accepted).extracting(d -> field(d, "fileId")).containsExactly("file-b");

      clock.advance(Duration.ofMillis(999));
      assertThat(dispatcher.deliverDue()).isZero();
      assertThat(receiver.attempts()).isEqualTo(2);

      clock.advance(Duration.ofMillis(1));
      assertThat(dispatcher.deliverDue()).isEqualTo(2);
      assertThat(receiver.accepted).extracting(d -> field(d, "fileId") + "@" + field(d, "version"))
          .containsExactly("file-b@1", "file-a@1", "file-a@2");
    }
  }

  @Test
  void backoff_afterRepeatedFailures_doublesUpToTheMaximum() throws Exception {
    try (var receiver = new Receiver(SECRET, Integer.MAX_VALUE)) {
      recorder(receiver).happened(event(FileEvent.Kind.RENAMED, "file-a", 1));
      var dispatcher = dispatcher(receiver);
      List<Long> waits = new ArrayList<>();

      for (int failure = 1; failure <= 9; failure++) {
        long waited = 0;
        while (dispatcher.deliverDue() == 0 && receiver.attempts() < failure) {
          clock.advance(Duration.ofSeconds(1));
          waited++;
        }
        waits.add(waited);
      }

      assertThat(waits).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }
  }

  @Test
  void payload_ofARename_carriesTheEventAndBothNames() throws Exception {
    try (var receiver = new Receiver(SECRET, 0)) {
      var rename =
          new FileEvent(FileEvent.Kind.RENAMED, "file-a", "New.docx", Optional.of("Old.docx"),
              "alice", clock.instant(), 3);
      recorder(receiver).happened(rename);
      recorder(receiver).happened(event(FileEvent.Kind.OPENED, "file-a", 3));

      dispatcher(receiver).deliverDue();

      assertThat(receiver.accepted).hasSize(1);
      var delivery = receiver.accepted.getFirst();
      JsonNode body = json.readTree(delivery.body());
      assertThat(delivery.type()).isEqualTo("file.renamed");
      assertThat(body.get("id").asText()).isEqualTo(delivery.eventId());
      assertThat(body.get("type").asText()).isEqualTo("file.renamed");
      assertThat(body.get("fileName").asText()).isEqualTo("New.docx");
      assertThat(body.get("previousName").asText()).isEqualTo("Old.docx");
      assertThat(body.get("userId").asText()).isEqualTo("alice");
      assertThat(body.get("occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }
  }

  private Database openDatabase() {
    var db = Database.open("jdbc:sqlite:" + dir.resolve("events.db"), Optional.empty(),
        Optional.empty());
    db.migrate();
    store = new JdbcEventStore(db.dataSource());
    return db;
  }

  private EventRecorder recorder(Receiver receiver) {
    return new EventRecorder(store, List.of(receiver.uri()), Duration.ofHours(1), () -> {},
        new SimpleMeterRegistry());
  }

  private WebhookDispatcher dispatcher(Receiver receiver) {
    return new WebhookDispatcher(store, List.of(receiver.uri()), SECRET, TIMEOUT, MAX_BACKOFF,
        clock, new SimpleMeterRegistry());
  }

  private FileEvent event(FileEvent.Kind kind, String file, long version) {
    return new FileEvent(kind, file, file + ".docx", Optional.empty(), "alice", clock.instant(),
        version);
  }

  private String field(Receiver.Delivery delivery, String name) {
    try {
      return json.readTree(delivery.body().getBytes(StandardCharsets.UTF_8)).get(name).asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Map<String, List<Long>> versionsByFile(List<Receiver.Delivery> deliveries) {
    return deliveries.stream()
        .collect(
            Collectors.groupingBy(
                d -> field(d, "fileId"),
                Collectors.mapping(d -> Long.parseLong(field(d, "version")), Collectors.toList())));
  }
}
