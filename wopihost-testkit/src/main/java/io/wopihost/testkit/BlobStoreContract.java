package io.wopihost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.BlobTooLargeException;
import io.wopihost.core.spi.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link BlobStore} must show. A backend's test extends this class, creates a
 * fresh, empty store in {@link #newStore} and lists what its storage really holds in {@link
 * #storedKeys}; it may add tests of its own. Stores stamp blobs with the wall clock, so the listing
 * tests compare with cutoffs a day away from now.
 */
public abstract class BlobStoreContract {

  private static final long NO_LIMIT = Long.MAX_VALUE;
  private static final int MIB = 1024 * 1024;
  private static final long MAX_READ_AHEAD = 16L * MIB;

  private final Random random = new Random(20260101);
  private BlobStore store;

  /** A new, empty store; called before each test. */
  protected abstract BlobStore newStore() throws Exception;

  /**
   * The keys of every blob the backing storage holds, read from that storage directly (a directory
   * walk, a bucket listing) rather than through the store, so the suite can prove that a failed put
   * left nothing behind.
   */
  protected abstract Set<String> storedKeys() throws Exception;

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 262_143, 262_144, 262_145, 5 * MIB + 1})
  void put_randomBytes_readsBackSameBytesWithSizeAndSha256(int size) throws Exception {
    byte[] data = randomBytes(size);

    StoredBlob blob = store.put(new ByteArrayInputStream(data), NO_LIMIT);

    assertThat(blob.size()).isEqualTo(size);
    assertThat(blob.sha256()).isEqualTo(sha256(data));
    assertReadsBack(blob.key(), data);
  }

  @Test
  void put_emptyStream_reportsTheKnownSha256OfNothing() throws Exception {
    StoredBlob blob = store.put(InputStream.nullInputStream(), NO_LIMIT);

    assertThat(blob.size()).isZero();
    assertThat(blob.sha256()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void put_streamGivingShortReads_storesEveryByte() throws Exception {
    byte[] data = randomBytes(MIB + 3);

    StoredBlob blob = store.put(new TricklingInputStream(data, 1_000), NO_LIMIT);

    assertThat(blob.size()).isEqualTo(data.length);
    assertThat(blob.sha256()).isEqualTo(sha256(data));
    assertReadsBack(blob.key(), data);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_536, 262_144, 262_145})
  void put_exactlyMaxBytes_isStored(int maxBytes) throws Exception {
    byte[] data = randomBytes(maxBytes);

    StoredBlob blob = store.put(new ByteArrayInputStream(data), maxBytes);

    assertThat(blob.size()).isEqualTo(maxBytes);
    assertReadsBack(blob.key(), data);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_536, 262_144, 262_145})
  void put_oneByteOverMaxBytes_throwsBlobTooLargeAndStoresNothing(int maxBytes) throws Exception {
    StoredBlob kept = store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);

    InputStream oversized = new ByteArrayInputStream(randomBytes(maxBytes + 1));

    assertThatThrownBy(() -> store.put(oversized, maxBytes))
        .isInstanceOfSatisfying(
            BlobTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(maxBytes));

    assertThat(storedKeys()).containsExactly(kept.key());
  }

  @Test
  void put_streamFarLongerThanLimit_stopsReadingSoonAfterTheLimit() throws Exception {
    // Finite, so that a store ignoring the limit fails this test instead of filling the disk.
    CountingStream huge = new CountingStream(MIB + MAX_READ_AHEAD + 1);

    assertThatThrownBy(() -> store.put(huge, MIB)).isInstanceOf(BlobTooLargeException.class);

    // A store may read ahead by a buffer or an upload part, but must not drain the stream.
    assertThat(huge.given).isLessThanOrEqualTo(MIB + MAX_READ_AHEAD);
    assertThat(storedKeys()).isEmpty();
  }

  @Test
  void put_streamFailingHalfway_throwsIOExceptionAndStoresNothing() throws Exception {
    StoredBlob kept = store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);
    IOException failure = new IOException("client went away");
    InputStream failing = new FailingInputStream(randomBytes(300 * 1024), failure);

    assertThatThrownBy(() -> store.put(failing, NO_LIMIT))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(BlobTooLargeException.class);

    assertThat(storedKeys()).containsExactly(kept.key());
  }

  @Test
  void put_manyTimes_returnsDistinctKeys() throws Exception {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      keys.add(store.put(new ByteArrayInputStream(new byte[] {1}), NO_LIMIT).key());
    }

    assertThat(keys).hasSize(300);
    assertThat(storedKeys()).isEqualTo(keys);
  }

  @Test
  void put_concurrentlyFromSeveralThreads_eachBlobReadsBackItsOwnContent() throws Exception {
    int threads = 8;
    int putsPerThread = 20;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Map<String, byte[]>>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      byte[][] contents = new byte[putsPerThread][];
      for (int i = 0; i < putsPerThread; i++) {
        contents[i] = randomBytes(10_000 + t * putsPerThread + i);
      }
      tasks.add(
          () -> {
            start.await();
            Map<String, byte[]> stored = new HashMap<>();
            for (byte[] content : contents) {
              stored.put(store.put(new ByteArrayInputStream(content), NO_LIMIT).key(), content);
            }
            return stored;
          });
    }

    Map<String, byte[]> all = new HashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Map<String, byte[]>>> results = new ArrayList<>();
      for (Callable<Map<String, byte[]>> task : tasks) {
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Map<String, byte[]>> result : results) {
        all.putAll(result.get(60, TimeUnit.SECONDS));
      }
    }

    assertThat(all).hasSize(threads * putsPerThread);
    for (Map.Entry<String, byte[]> entry : all.entrySet()) {
      assertReadsBack(entry.getKey(), entry.getValue());
    }
  }

  @Test
  void put_twiceWithDifferentData_givesDifferentKeysAndFirstKeepsItsBytes() throws Exception {
    byte[] first = randomBytes(4_096);
    byte[] second = randomBytes(4_096);

    StoredBlob a = store.put(new ByteArrayInputStream(first), NO_LIMIT);
    StoredBlob b = store.put(new ByteArrayInputStream(second), NO_LIMIT);

    assertThat(a.key()).isNotEqualTo(b.key());
    assertReadsBack(a.key(), first);
    assertReadsBack(b.key(), second);
  }

  @Test
  void delete_oneOfTwoBlobsWithSameContent_keepsTheOther() throws Exception {
    byte[] data = randomBytes(1_000);
    StoredBlob a = store.put(new ByteArrayInputStream(data), NO_LIMIT);
    StoredBlob b = store.put(new ByteArrayInputStream(data), NO_LIMIT);

    store.delete(a.key());

    assertThat(a.key()).isNotEqualTo(b.key());
    assertThat(store.exists(a.key())).isFalse();
    assertReadsBack(b.key(), data);
  }

  @Test
  void exists_afterPut_isTrue() throws Exception {
    StoredBlob blob = store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);

    assertThat(store.exists(blob.key())).isTrue();
  }

  @Test
  void keysStoredBefore_cutoffAfterThePuts_listsEveryBlobStillStored() throws Exception {
    StoredBlob a = store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);
    StoredBlob b = store.put(new ByteArrayInputStream(randomBytes(300_000)), NO_LIMIT);
    StoredBlob deleted = store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);
    store.delete(deleted.key());

    assertThat(keysStoredBefore(Instant.now().plus(Duration.ofDays(1))))
        .containsExactlyInAnyOrder(a.key(), b.key());
  }

  @Test
  void keysStoredBefore_cutoffBeforeThePuts_listsNothing() throws Exception {
    store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);

    assertThat(keysStoredBefore(Instant.now().minus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void keysStoredBefore_emptyStore_listsNothing() throws Exception {
    assertThat(keysStoredBefore(Instant.now().plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void delete_calledTwice_removesTheBlobAndDoesNotFail() throws Exception {
    StoredBlob blob = store.put(new ByteArrayInputStream(randomBytes(10)), NO_LIMIT);

    store.delete(blob.key());
    assertThatNoException().isThrownBy(() -> store.delete(blob.key()));

    assertThat(store.exists(blob.key())).isFalse();
    assertThatThrownBy(() -> store.open(blob.key())).isInstanceOf(NoSuchFileException.class);
    assertThat(storedKeys()).isEmpty();
  }

  @Test
  void open_keyNeverIssued_throwsNoSuchFile() throws Exception {
    assertThatThrownBy(() -> store.open("never-issued")).isInstanceOf(NoSuchFileException.class);
    assertThat(store.exists("never-issued")).isFalse();
  }

  @Test
  void open_sameBlobTwice_givesIndependentStreams() throws Exception {
    byte[] data = randomBytes(100_000);
    StoredBlob blob = store.put(new ByteArrayInputStream(data), NO_LIMIT);

    try (InputStream first = store.open(blob.key());
        InputStream second = store.open(blob.key())) {
      byte[] head = first.readNBytes(10);
      assertThat(second.readAllBytes()).isEqualTo(data);
      assertThat(head).isEqualTo(Arrays.copyOf(data, 10));
      assertThat(first.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 10, data.length));
    }
  }

  private Set<String> keysStoredBefore(Instant cutoff) throws IOException {
    try (Stream<String> keys = store.keysStoredBefore(cutoff)) {
      return keys.collect(Collectors.toSet());
    }
  }

  private void assertReadsBack(String key, byte[] expected) throws IOException {
    byte[] actual;
    try (InputStream in = store.open(key)) {
      actual = in.readAllBytes();
    }
    assertThat(actual.length).as("length of blob %s", key).isEqualTo(expected.length);
    assertThat(Arrays.mismatch(actual, expected))
        .as("first differing byte of %s", key)
        .isEqualTo(-1);
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] data) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** Gives its bytes at most {@code chunk} at a time, as a network stream does. */
  private static final class TricklingInputStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int position;

    TricklingInputStream(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (position == data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), data.length - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }

  /** Gives its bytes, then throws instead of reporting the end. */
  private static final class FailingInputStream extends InputStream {
    private final ByteArrayInputStream data;
    private final IOException failure;

    FailingInputStream(byte[] data, IOException failure) {
      this.data = new ByteArrayInputStream(data);
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      int c = data.read();
      if (c < 0) {
        throw failure;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = data.read(b, off, len);
      if (n < 0) {
        throw failure;
      }
      return n;
    }
  }

  /** Gives {@code length} bytes and counts how many it gave. */
  private static final class CountingStream extends InputStream {
    private final long length;
    private long given;

    CountingStream(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      if (given == length) {
        return -1;
      }
      given++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (given == length) {
        return -1;
      }
      int n = (int) Math.min(len, length - given);
      Arrays.fill(b, off, off + n, (byte) 'x');
      given += n;
      return n;
    }
  }
}
