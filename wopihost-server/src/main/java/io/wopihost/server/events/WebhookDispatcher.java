package io.wopihost.server.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.jdbc.JdbcEventStore.Pending;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the outbox's events to their receivers, signed (see {@link WebhookSignature}).
 *
 * <p>Order: per receiver and file, an event goes out only after every earlier one was accepted;
 * a receiver that fails holds back the rest of that file's events, not other files'. Exactly
 * once, as far as a receiver can tell: a row leaves the outbox only after a 2xx answer, so an
 * event can reach a receiver twice (its answer was lost, or the node stopped before noting it)
 * but always with the same {@value WebhookSignature#EVENT_ID_HEADER}, on which the receiver
 * deduplicates. Any other answer, or none within {@code requestTimeout}, is retried after 1 s,
 * 2 s, 4 s, … up to {@code maxBackoff}, for as long as it takes. Several nodes may dispatch from
 * one database: a lease on the row keeps two from posting the same event at once.
 *
 * <p>{@link #deliverDue()} is one pass, by the injected clock; tests call it directly. {@link
 * #start()} runs passes on a virtual thread until {@link #close()}: after each enqueue and at
 * least every second. Thread safe.
 */
public final class WebhookDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 200;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

  private final JdbcEventStore store;
  private final List<URI> receivers;
  private final WebhookSignature signature;
  private final Duration requestTimeout;
  private final Duration maxBackoff;
  private final Clock clock;
  private final HttpClient http;
  private final String owner = UUID.randomUUID().toString();
  private final Counter delivered;
  private final Counter failed;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread loop;

  public WebhookDispatcher(
      JdbcEventStore store,
      List<URI> receivers,
      byte[] secret,
      Duration requestTimeout,
      Duration maxBackoff,
      Clock clock,
      MeterRegistry registry) {
    this.store = store;
    this.receivers = List.copyOf(receivers);
    this.signature = new WebhookSignature(secret);
    this.requestTimeout = requestTimeout;
    this.maxBackoff = maxBackoff;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    this.delivered = deliveries(registry, "success");
    this.failed = deliveries(registry, "failure");
  }

  private static Counter deliveries(MeterRegistry registry, String result) {
    return Counter.builder("wopihost.webhook.deliveries")
        .description("webhook delivery attempts")
        .tag("result", result)
        .register(registry);
  }

  /**
   * Delivers every event that is due now, in order per receiver and file.
   *
   * @return how many were accepted
   */
  public int deliverDue() {
    int accepted = 0;
    for (URI receiver : receivers) {
      accepted += deliverDue(receiver);
    }
    return accepted;
  }

  private int deliverDue(URI receiver) {
    int accepted = 0;
    Set<String> heldBack = new HashSet<>();
    for (Pending row : store.pending(receiver.toString(), BATCH)) {
      String file = row.message().fileId();
      if (heldBack.contains(file)) {
        continue;
      }
      Instant now = clock.instant();
      boolean due = !row.nextAttemptAt().isAfter(now);
      if (!due || !store.tryLease(row.seq(), owner, now, now.plus(requestTimeout.multipliedBy(2)))) {
        heldBack.add(file);
        continue;
      }
      if (post(receiver, row)) {
        accepted++;
      } else {
        heldBack.add(file);
      }
    }
    return accepted;
  }

  private boolean post(URI receiver, Pending row) {
    byte[] body = row.message().payload().getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(receiver)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header(WebhookSignature.EVENT_ID_HEADER, row.message().eventId())
            .header(WebhookSignature.EVENT_TYPE_HEADER, row.message().eventType())
            .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
            .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String error;
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        store.delivered(row.seq());
        delivered.increment();
        return true;
      }
      error = "HTTP " + status;
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    int attempts = row.attempts() + 1;
    store.failed(row.seq(), attempts, clock.instant().plus(backoff(attempts)), error);
    failed.increment();
    LOG.warn("webhook {} for file {} to {} failed ({}), attempt {}", row.message().eventType(),
        row.message().fileId(), receiver.getHost(), error, attempts);
    return false;
  }

  /** 1 s after the first failure, doubling each time, at most {@code maxBackoff}. */
  Duration backoff(int attempts) {
    int doublings = Math.min(attempts - 1, 30);
    Duration delay = FIRST_BACKOFF.multipliedBy(1L << doublings);
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }

  /** Runs passes on a virtual thread until {@link #close()}. */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    running = true;
    loop = Thread.ofVirtual().name("wopihost-webhooks").start(this::run);
  }

  /** Asks for a pass now: events were added. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (running) {
      int accepted = 0;
      try {
        accepted = deliverDue();
      } catch (RuntimeException e) {
        LOG.warn("a webhook pass failed; the next one retries", e);
      }
      synchronized (signal) {
        if (accepted == 0 && !woken && running) {
          try {
            signal.wait(IDLE_WAIT.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
        woken = false;
      }
    }
  }

  /** Stops the passes after the delivery in progress. */
  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      running = false;
      thread = loop;
    }
    wake();
    if (thread != null) {
      try {
        thread.join(requestTimeout.plusSeconds(1).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    http.close();
  }
}
