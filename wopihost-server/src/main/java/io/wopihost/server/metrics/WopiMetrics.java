package io.wopihost.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The host's own meters, by Prometheus name (see docs/operations.md for each):
 *
 * <ul>
 *   <li>{@code wopihost_wopi_request_duration_seconds{operation,status}}: one histogram per WOPI
 *       operation and HTTP status; its {@code _count} counts the requests
 *   <li>{@code wopihost_wopi_received_bytes_total{operation}}, {@code
 *       wopihost_wopi_sent_bytes_total{operation}}: body bytes in and out
 *   <li>{@code wopihost_wopi_lock_conflicts_total{operation}}: answers 409 about a lock
 *   <li>{@code wopihost_proof_failures_total{editor}}: requests whose proof-key signature did
 *       not verify
 *   <li>{@code wopihost_discovery_fetches_total{editor,result}}, {@code
 *       wopihost_discovery_age_seconds{editor}}: editors' discovery
 * </ul>
 *
 * The meters of an operation and status are created once and then found without allocating, so
 * CheckFileInfo, which editors call every few minutes per open document, stays cheap. Thread
 * safe.
 */
public final class WopiMetrics {

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
  };
  private static final int MAX_STATUS = 600;

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, OperationMeters> operations = new ConcurrentHashMap<>();

  public WopiMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Records a finished WOPI request. */
  public void request(String operation, int status, long nanos, long bytesIn, long bytesOut) {
    OperationMeters meters = meters(operation);
    meters.timer(status).record(nanos, TimeUnit.NANOSECONDS);
    if (bytesIn > 0) {
      meters.received.increment(bytesIn);
    }
    if (bytesOut > 0) {
      meters.sent.increment(bytesOut);
    }
  }

  /** Records an answer 409 about a lock. */
  public void lockConflict(String operation) {
    meters(operation).lockConflicts.increment();
  }

  private OperationMeters meters(String operation) {
    // get() first: computeIfAbsent would allocate its capturing lambda on every call.
    OperationMeters meters = operations.get(operation);
    return meters != null ? meters : operations.computeIfAbsent(operation, OperationMeters::new);
  }

  /**
   * Records a request from an editor whose proof-key signature did not verify (neither with the
   * current nor with the old key).
   *
   * @param editor the editor's configured name, not a value a client chose
   */
  public void proofFailure(String editor) {
    Counter.builder("wopihost.proof.failures")
        .description("requests whose proof-key signature did not verify")
        .tag("editor", editor)
        .register(registry)
        .increment();
  }

  /** Records a fetch of an editor's discovery XML. */
  public void discoveryFetch(String editor, boolean succeeded) {
    Counter.builder("wopihost.discovery.fetches")
        .description("fetches of an editor's discovery XML")
        .tag("editor", editor)
        .tag("result", succeeded ? "success" : "failure")
        .register(registry)
        .increment();
  }

  /**
   * Publishes how old an editor's discovery is, read at each scrape.
   *
   * @param fetchedAt when the discovery in use was fetched; empty before the first success
   */
  public void discoveryAge(String editor, Supplier<Optional<Instant>> fetchedAt) {
    Gauge.builder(
            "wopihost.discovery.age",
            fetchedAt,
            f ->
                f.get()
                    .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
                    .orElse(Double.NaN))
        .description("age of the discovery XML in use; NaN before the first successful fetch")
        .tag("editor", editor)
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  private final class OperationMeters {

    private final String operation;
    private final Timer[] byStatus = new Timer[MAX_STATUS];
    private final Counter received;
    private final Counter sent;
    private final Counter lockConflicts;

    OperationMeters(String operation) {
      this.operation = operation;
      this.received = bytes("wopihost.wopi.received", "request body bytes received");
      this.sent = bytes("wopihost.wopi.sent", "response body bytes sent");
      this.lockConflicts =
          Counter.builder("wopihost.wopi.lock.conflicts")
              .description("answers 409 about a lock")
              .tag("operation", operation)
              .register(registry);
    }

    Timer timer(int status) {
      if (status < 0 || status >= MAX_STATUS) {
        return newTimer(status);
      }
      Timer timer = byStatus[status];
      if (timer == null) {
        // A race registers the same meter twice: the registry hands both the one instance.
        timer = newTimer(status);
        byStatus[status] = timer;
      }
      return timer;
    }

    private Timer newTimer(int status) {
      return Timer.builder("wopihost.wopi.request.duration")
          .description("WOPI requests by operation and status, and how long they took")
          .tag("operation", operation)
          .tag("status", String.valueOf(status))
          .serviceLevelObjectives(LATENCY_BUCKETS)
          .register(registry);
    }

    private Counter bytes(String name, String description) {
      return Counter.builder(name)
          .description(description)
          .tag("operation", operation)
          .baseUnit("bytes")
          .register(registry);
    }
  }
}
