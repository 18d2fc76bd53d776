package io.wopihost.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.LockStore;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * A node's meter registry in the Prometheus format, with the JVM's meters, and the ways the rest
 * of the host is measured: {@link #wopi()} for requests, {@link #timed} for the blob store,
 * {@link #bindPool} for the connection pool, {@link #gauge} for values read at each scrape.
 * Close it to unhook the JVM listeners. Thread safe.
 */
public final class HostMetrics implements AutoCloseable {

  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final WopiMetrics wopi;

  public HostMetrics(Clock clock) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    this.wopi = new WopiMetrics(registry, clock);
  }

  public WopiMetrics wopi() {
    return wopi;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The blob store, with each call timed. */
  public BlobStore timed(BlobStore blobs) {
    return new TimedBlobStore(blobs, registry);
  }

  /** Publishes HikariCP's pool meters ({@code hikaricp_connections_*}) when it is a Hikari pool. */
  public void bindPool(DataSource dataSource) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        dataSource
            .unwrap(HikariDataSource.class)
            .setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("a pool that says it is Hikari cannot be unwrapped", e);
    }
  }

  /** Publishes {@code wopihost_locks_active}, counted in the lock store at each scrape. */
  public void bindLocks(LockStore locks, Clock clock) {
    gauge("wopihost.locks.active", "live WOPI locks", locks, l -> l.countLive(clock.instant()));
  }

  /** A gauge read at each scrape; NaN (and a logged warning) when reading it fails. */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value)
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** Every meter, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
