package io.wopihost.blob.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.BlobTooLargeException;
import io.wopihost.core.spi.StoredBlob;
import io.wopihost.testkit.BlobStoreContract;
import io.wopihost.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class FileSystemBlobStoreTest extends BlobStoreContract {

  @TempDir Path tempDir;

  private final MutableClock clock = MutableClock.startingAt2026();
  private Path root;
  private FileSystemBlobStore store;

  @Override
  protected BlobStore newStore() throws IOException {
    root = tempDir.resolve("store");
    store = new FileSystemBlobStore(root, clock);
    return store;
  }

  @Override
  protected Set<String> storedKeys() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("objects"))) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .collect(Collectors.toSet());
    }
  }

  @Test
  void put_success_storesUnderTwoLevelFanOutAndLeavesNoPart() throws IOException {
    StoredBlob blob = store.put(bytes("hello"), 100);

    String key = blob.key();
    assertThat(key).matches("[A-Za-z0-9_-]{22}");
    Path object = root.resolve("objects").resolve(key.substring(0, 2)).resolve(key.substring(2, 4));
    assertThat(object.resolve(key)).hasContent("hello");
    assertThat(parts()).isEmpty();
  }

  @Test
  void put_tooLarge_leavesNoPart() throws IOException {
    assertThatThrownBy(() -> store.put(bytes("x".repeat(1_001)), 1_000))
        .isInstanceOf(BlobTooLargeException.class);

    assertThat(parts()).isEmpty();
  }

  @Test
  void put_streamLongerThanLimit_readsOnlyOneByteMoreThanTheLimit() {
    int limit = 300 * 1024;
    ByteArrayInputStream oversized = new ByteArrayInputStream(new byte[limit + 50]);

    assertThatThrownBy(() -> store.put(oversized, limit)).isInstanceOf(BlobTooLargeException.class);

    assertThat(oversized.available()).isEqualTo(49);
  }

  @Test
  void put_streamFailingAfterSomeBytesWereWritten_leavesNoPart() throws IOException {
    IOException failure = new IOException("client went away");
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(new byte[1024 * 1024]),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw failure;
              }
            });

    assertThatThrownBy(() -> store.put(failing, Long.MAX_VALUE)).isSameAs(failure);

    assertThat(parts()).isEmpty();
  }

  @Test
  void put_negativeMaxBytes_isRejected() {
    assertThatThrownBy(() -> store.put(bytes(""), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void open_fromNewStoreOnSameRoot_readsBlobWrittenBefore() throws IOException {
    StoredBlob blob = store.put(bytes("survives a restart"), 100);

    FileSystemBlobStore reopened = new FileSystemBlobStore(root, clock);

    try (InputStream in = reopened.open(blob.key())) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("survives a restart");
    }
  }

  static Stream<String> craftedKeys() {
    return Stream.of(
        "",
        "..",
        "../x",
        "a/b",
        "../../../victim",
        "AA/../../../../victim",
        "AAAAAAAAAAAAAAAAAAA/../victim",
        "AAAA\\..\\..\\..\\victim",
        "AAAAAAAAAAAAAAAAAAAAA+",
        "AAAAAAAAAAAAAAAAAAAAA=",
        "AAAAAAAAAAAAAAAAAAAAA.",
        "AAAAAAAAAAAAAAAAAAAAAB",
        "AAAAAAAAAAAAAAAAAAAAAA\n",
        "AAAAAAAAAAAAAAAAAAAAA",
        "A".repeat(10_000));
  }

  @ParameterizedTest
  @MethodSource("craftedKeys")
  void openDeleteExists_craftedKey_rejectedWithoutTouchingAnything(String key) throws IOException {
    Path victim = Files.writeString(tempDir.resolve("victim"), "precious");

    assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
    assertThat(store.exists(key)).isFalse();
    store.delete(key);

    assertThat(victim).hasContent("precious");
  }

  @Test
  void openDeleteExists_absolutePathKey_rejectedWithoutTouchingIt() throws IOException {
    Path victim = Files.writeString(tempDir.resolve("victim"), "precious");
    String key = victim.toAbsolutePath().toString();

    assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
    assertThat(store.exists(key)).isFalse();
    store.delete(key);

    assertThat(victim).hasContent("precious");
  }

  @Test
  void sweepTemporaryFiles_staleAndFreshParts_deletesOnlyStaleParts() throws IOException {
    Path tmp = root.resolve("tmp");
    Path stale = writeAged(tmp.resolve("stale.part"), Duration.ofHours(2));
    Path fresh = writeAged(tmp.resolve("fresh.part"), Duration.ofMinutes(10));
    Path notAPart = writeAged(tmp.resolve("notes.txt"), Duration.ofDays(30));
    StoredBlob blob = store.put(bytes("kept"), 100);

    int deleted = store.sweepTemporaryFiles(Duration.ofHours(1));

    assertThat(deleted).isEqualTo(1);
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
    assertThat(notAPart).exists();
    assertThat(store.exists(blob.key())).isTrue();
  }

  @Test
  void sweepTemporaryFiles_afterClockPassesTheirAge_deletesParts() throws IOException {
    Path part = writeAged(root.resolve("tmp").resolve("crashed.part"), Duration.ofMinutes(10));
    assertThat(store.sweepTemporaryFiles(Duration.ofHours(1))).isZero();

    clock.advance(Duration.ofHours(1));

    assertThat(store.sweepTemporaryFiles(Duration.ofHours(1))).isEqualTo(1);
    assertThat(part).doesNotExist();
  }

  private Path writeAged(Path file, Duration age) throws IOException {
    Files.writeString(file, "partial upload");
    Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(age)));
    return file;
  }

  private Set<Path> parts() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.collect(Collectors.toSet());
    }
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }
}
