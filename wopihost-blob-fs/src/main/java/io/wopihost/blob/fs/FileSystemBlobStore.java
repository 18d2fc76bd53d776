package io.wopihost.blob.fs;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.BlobTooLargeException;
import io.wopihost.core.spi.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} keeping each blob as one file under a root directory.
 *
 * <p>{@link #put} streams into {@code tmp/<random>.part}, fsyncs it, atomically renames it to
 * {@code objects/<k[0..2]>/<k[2..4]>/<key>} and fsyncs the directories on the way, so a blob is
 * either durable under its key or absent. Keys are 128 random bits in unpadded base64url (22
 * characters); any other string is treated as a key that does not exist, so no key can name a path
 * outside the root. The root must be on one file system and must not be shared with another kind of
 * data. Thread safe, and safe for several processes sharing the root.
 *
 * <p>A crash during a put can leave a {@code .part} file behind; {@link #sweepTemporaryFiles}
 * removes those.
 */
public final class FileSystemBlobStore implements BlobStore {

  private static final int BUFFER_BYTES = 256 * 1024;
  private static final int KEY_BYTES = 16;
  private static final String PART_SUFFIX = ".part";

  // 16 bytes encode to 22 characters whose last one carries only 2 bits, its low 4 bits zero:
  // requiring A, Q, g or w there accepts exactly the canonical encodings put() issues.
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");

  private final Path root;
  private final Path objects;
  private final Path tmp;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** A store under {@code root}, creating its directories if needed. */
  public FileSystemBlobStore(Path root) throws IOException {
    this(root, Clock.systemUTC());
  }

  /** As {@link #FileSystemBlobStore(Path)}; {@link #sweepTemporaryFiles} ages parts by clock. */
  public FileSystemBlobStore(Path root, Clock clock) throws IOException {
    this.root = Files.createDirectories(root);
    this.objects = Files.createDirectories(root.resolve("objects"));
    this.tmp = Files.createDirectories(root.resolve("tmp"));
    this.clock = clock;
    syncDirectory(this.root);
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    Path part = tmp.resolve(newKey() + PART_SUFFIX);
    Path target = null;
    try {
      StoredBlob blob = write(content, maxBytes, part, newKey());
      target = objectPath(blob.key());
      Files.createDirectories(target.getParent());
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      // The rename is durable once the target's directory is synced, and that directory's own
      // entry once its parent is, up to objects/. Sync the whole chain every time: a concurrent
      // put may have created a directory without having synced its parent yet.
      for (Path dir = target.getParent(); !dir.equals(root); dir = dir.getParent()) {
        syncDirectory(dir);
      }
      return blob;
    } catch (Throwable failure) {
      // The caller never learns the key, but the bytes must not stay readable either way.
      deleteAfterFailure(part, failure);
      if (target != null) {
        deleteAfterFailure(target, failure);
      }
      throw failure;
    }
  }

  private static void deleteAfterFailure(Path path, Throwable failure) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static StoredBlob write(InputStream content, long maxBytes, Path part, String key)
      throws IOException {
    MessageDigest sha256 = newSha256();
    byte[] buffer = new byte[BUFFER_BYTES];
    long size = 0;
    try (FileChannel out =
        FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (true) {
        // Ask for at most one byte past the limit, so an oversized stream is refused without
        // reading (or writing) the rest of it. Fill the buffer before writing: an HTTP body
        // arrives 8 KiB at a time, and a write call per 8 KiB made a large PutFile take up to
        // twice as long.
        int wanted = (int) Math.min(buffer.length - 1, maxBytes - size) + 1;
        int read = content.readNBytes(buffer, 0, wanted);
        if (read == 0) {
          break;
        }
        size += read;
        if (size > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        sha256.update(buffer, 0, read);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      }
      out.force(true);
    }
    return new StoredBlob(key, size, Base64.getEncoder().encodeToString(sha256.digest()));
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (!isKey(key)) {
      throw new NoSuchFileException("not a blob key");
    }
    return Files.newInputStream(objectPath(key));
  }

  @Override
  public void delete(String key) throws IOException {
    if (isKey(key)) {
      Files.deleteIfExists(objectPath(key));
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    if (!isKey(key)) {
      return false;
    }
    try {
      return Files.readAttributes(objectPath(key), BasicFileAttributes.class).isRegularFile();
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /**
   * {@inheritDoc} A blob's time is its file's last modification: the end of its put's writing.
   * Files under {@code objects/} that are not where a key's blob lives are never listed.
   */
  @Override
  public Stream<String> keysStoredBefore(Instant cutoff) throws IOException {
    return Files.walk(objects, 3)
        .filter(path -> isKey(path.getFileName().toString()))
        .filter(path -> path.equals(objectPath(path.getFileName().toString())))
        .filter(path -> modifiedBefore(path, cutoff))
        .map(path -> path.getFileName().toString());
  }

  private static boolean modifiedBefore(Path path, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
    } catch (NoSuchFileException e) {
      return false; // deleted while the listing ran
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the {@code .part} files a crashed put left behind. A put in progress keeps touching its
   * part, so {@code olderThan} must exceed the longest pause an upload may take; a put whose part
   * was swept fails and stores nothing.
   *
   * @return how many files it deleted
   */
  public int sweepTemporaryFiles(Duration olderThan) throws IOException {
    Instant cutoff = clock.instant().minus(olderThan);
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*" + PART_SUFFIX)) {
      for (Path part : parts) {
        try {
          if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff)
              && Files.deleteIfExists(part)) {
            deleted++;
          }
        } catch (NoSuchFileException e) {
          // its put finished (renamed it) or failed (deleted it) while we looked
        }
      }
    }
    return deleted;
  }

  private static boolean isKey(String key) {
    return KEY.matcher(key).matches();
  }

  private Path objectPath(String key) {
    return objects.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  private String newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static void syncDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is all they offer.
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
