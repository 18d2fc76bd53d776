package io.wopihost.server;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes the blobs that no version points at: left by an upload whose version was never committed
 * (a crash between the two steps, a lost compare-and-set whose clean-up failed) or by a deletion
 * that removed the rows but not the blobs. Only blobs stored longer ago than the grace period are
 * looked at, so the blob of an upload about to be committed is never touched: the grace must exceed
 * the longest upload. Safe to run on several nodes at once, and beside traffic.
 */
public final class BlobCollector {

  private static final int KEYS_PER_BATCH = 500;

  private final Catalog catalog;
  private final BlobStore blobs;
  private final Clock clock;

  /**
   * @param examined how many blobs were older than the grace period
   * @param deleted how many of those no version pointed at, now deleted
   */
  public record Report(long examined, long deleted) {}

  public BlobCollector(Catalog catalog, BlobStore blobs, Clock clock) {
    this.catalog = catalog;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** Runs one collection through the whole store. */
  public Report collect(Duration grace) throws IOException {
    long examined = 0;
    long deleted = 0;
    try (Stream<String> keys = blobs.keysStoredBefore(clock.instant().minus(grace))) {
      Iterator<String> listed = keys.iterator();
      List<String> batch = new ArrayList<>(KEYS_PER_BATCH);
      while (listed.hasNext()) {
        batch.add(listed.next());
        if (batch.size() == KEYS_PER_BATCH || !listed.hasNext()) {
          examined += batch.size();
          deleted += deleteUnreferenced(batch);
          batch.clear();
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Report(examined, deleted);
  }

  private int deleteUnreferenced(List<String> batch) throws IOException {
    // Asked after the listing, so a version committed while it ran still protects its blob.
    Set<String> referenced = catalog.referencedBlobKeys(batch);
    int deleted = 0;
    for (String key : batch) {
      if (!referenced.contains(key)) {
        blobs.delete(key);
        deleted++;
      }
    }
    return deleted;
  }
}
