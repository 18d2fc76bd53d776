package io.wopihost.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where file contents live. Blobs are immutable: a key, once written, always reads back the same
 * bytes until it is deleted. A write is all-or-nothing: {@link #put} either returns a key whose
 * bytes are durable, or throws and leaves nothing readable behind. Implementations stream: no
 * method holds a whole blob in memory. Thread safe.
 */
public interface BlobStore {

  /**
   * Stores the stream's bytes under a new key, computing their size and SHA-256 on the way.
   *
   * @param maxBytes the stream is refused once it has given more than this many bytes
   * @throws BlobTooLargeException when the stream holds more than {@code maxBytes}; nothing is
   *     stored
   * @throws IOException when reading the stream or writing the store fails; nothing is stored
   */
  StoredBlob put(InputStream content, long maxBytes) throws IOException;

  /**
   * Opens a blob for reading. The caller closes the stream.
   *
   * @throws java.nio.file.NoSuchFileException when there is no blob with that key
   */
  InputStream open(String key) throws IOException;

  /** Deletes a blob; deleting a missing key is not an error. */
  void delete(String key) throws IOException;

  /** Whether a blob with that key exists. */
  boolean exists(String key) throws IOException;

  /**
   * The keys of the blobs whose {@link #put} finished before {@code cutoff} by the store's own
   * timestamps, in no particular order, for the collection of blobs no version points at. A put
   * still in progress never shows up. The listing is weakly consistent: a blob put or deleted while
   * the stream is read may or may not be in it. The caller closes the stream; a failure while it is
   * read is thrown as an {@link java.io.UncheckedIOException}.
   *
   * @throws IOException when the listing cannot be started
   */
  Stream<String> keysStoredBefore(Instant cutoff) throws IOException;
}
