package io.wopihost.server;

import io.helidon.webserver.WebServer;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.LockStore;
import io.wopihost.jdbc.Database;
import io.wopihost.jdbc.DatabaseProbe;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.server.config.Secret;
import io.wopihost.server.config.Settings;
import io.wopihost.server.events.EventRecorder;
import io.wopihost.server.events.WebhookDispatcher;
import io.wopihost.server.health.BlobCheck;
import io.wopihost.server.health.Health;
import io.wopihost.server.http.StalledRequests;
import io.wopihost.server.http.WebApp;
import io.wopihost.server.metrics.HostMetrics;
import java.time.Clock;
import java.util.Optional;

/**
 * The operator's side of a node, wired from its settings: metrics, health checks, the audit
 * trail and webhook outbox, the webhook dispatcher and the management port.
 */
final class HostOperations implements AutoCloseable {

  private final Settings settings;
  private final StalledRequests stalledRequests;
  private final HostMetrics metrics;
  private final Health health;
  private final JdbcEventStore events;
  private final Optional<WebhookDispatcher> webhooks;
  private final EventRecorder recorder;
  private WebServer management;

  HostOperations(
      Settings settings, Clock clock, Database database, LockStore locks, BlobStore blobs) {
    this.settings = settings;
    this.stalledRequests = new StalledRequests(settings.operations().clientReadTimeout());
    var ops = settings.operations();
    this.metrics = new HostMetrics(clock);
    metrics.bindPool(database.dataSource());
    metrics.bindLocks(locks, clock);
    this.health = new Health(ops.healthTimeout());
    var db = settings.database();
    var probe =
        new DatabaseProbe(
            db.url(), db.user(), db.password().map(Secret::text), ops.healthTimeout());
    health.register("database", probe::check);
    health.register("blobs", BlobCheck.of(settings.blobs(), blobs));
    this.events = new JdbcEventStore(database.dataSource());
    var hooks = ops.webhooks();
    this.webhooks =
        hooks.urls().isEmpty()
            ? Optional.empty()
            : Optional.of(
                new WebhookDispatcher(
                    events,
                    hooks.urls(),
                    hooks.secret().orElseThrow().bytes(),
                    hooks.timeout(),
                    hooks.maxBackoff(),
                    clock,
                    metrics.registry()));
    webhooks.ifPresent(
        w ->
            metrics.gauge(
                "wopihost.webhook.pending",
                "events waiting in the outbox for a receiver to accept them",
                events,
                JdbcEventStore::pendingCount));
    this.recorder =
        new EventRecorder(
            events,
            hooks.urls(),
            ops.auditOpenWindow(),
            () -> webhooks.ifPresent(WebhookDispatcher::wake),
            metrics.registry());
  }

  HostMetrics metrics() {
    return metrics;
  }

  Health health() {
    return health;
  }

  JdbcEventStore events() {
    return events;
  }

  EventRecorder recorder() {
    return recorder;
  }

  Optional<WebhookDispatcher> webhooks() {
    return webhooks;
  }

  /** Cuts off requests whose headers or WOPI body stop arriving. */
  StalledRequests stalledRequests() {
    return stalledRequests;
  }

  WebApp.Operations web() {
    return new WebApp.Operations(
        metrics,
        health,
        events,
        settings.operations().accessLogFormat(),
        settings.operations().managementPort().isPresent(),
        stalledRequests);
  }

  /** Starts the management port, if one is configured, and the webhook dispatcher. */
  void start(String serverVersion, String machineName) {
    settings
        .operations()
        .managementPort()
        .ifPresent(
            port ->
                management =
                    WebServer.builder()
                        .host(settings.bindAddress())
                        .port(port)
                        .routing(WebApp.managementRouting(serverVersion, machineName, web()))
                        .build()
                        .start());
    webhooks.ifPresent(WebhookDispatcher::start);
  }

  /** The management port, once started. */
  Optional<Integer> managementPort() {
    return Optional.ofNullable(management).map(WebServer::port);
  }

  /** After the main server stopped: the management port, the dispatcher, the meters. */
  @Override
  public void close() {
    stalledRequests.close();
    if (management != null) {
      management.stop();
    }
    webhooks.ifPresent(WebhookDispatcher::close);
    metrics.close();
  }
}
