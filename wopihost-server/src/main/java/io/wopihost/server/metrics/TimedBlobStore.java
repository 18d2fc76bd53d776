package io.wopihost.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} that times each call of another in {@code
 * wopihost_blob_operation_duration_seconds{operation,outcome}}. A put is timed with its upload
 * (the store reads the body as it writes); an open only until the stream is open.
 */
final class TimedBlobStore implements BlobStore {

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  private final BlobStore store;
  private final MeterRegistry registry;

  TimedBlobStore(BlobStore store, MeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    return timed("put", () -> store.put(content, maxBytes));
  }

  @Override
  public InputStream open(String key) throws IOException {
    return timed("open", () -> store.open(key));
  }

  @Override
  public void delete(String key) throws IOException {
    timed(
        "delete",
        () -> {
          store.delete(key);
          return null;
        });
  }

  @Override
  public boolean exists(String key) throws IOException {
    return timed("exists", () -> store.exists(key));
  }

  @Override
  public Stream<String> keysStoredBefore(Instant cutoff) throws IOException {
    return store.keysStoredBefore(cutoff);
  }

  private <T> T timed(String operation, Call<T> call) throws IOException {
    long start = System.nanoTime();
    String outcome = "failure";
    try {
      T result = call.run();
      outcome = "success";
      return result;
    } finally {
      Timer.builder("wopihost.blob.operation.duration")
          .description("calls of the blob store and how long they took")
          .tag("operation", operation)
          .tag("outcome", outcome)
          .register(registry)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}
