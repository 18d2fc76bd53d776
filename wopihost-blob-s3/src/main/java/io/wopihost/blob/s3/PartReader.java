package io.wopihost.blob.s3;

import io.wopihost.core.spi.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a stream part by part into one buffer that is reused for every part, hashing each byte on
 * the way and refusing the stream once it gives more than its limit. The buffer grows with need up
 * to the part size, so a small upload holds little memory. Not thread safe.
 */
final class PartReader {

  private static final int FIRST_BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final long maxBytes;
  private final int partSize;
  private final MessageDigest sha256;
  private byte[] buffer;
  private int length;
  private long total;
  private boolean ended;

  PartReader(InputStream in, long maxBytes, int partSize) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    this.in = in;
    this.maxBytes = maxBytes;
    this.partSize = partSize;
    this.sha256 = newSha256();
    this.buffer = new byte[Math.min(partSize, FIRST_BUFFER_BYTES)];
  }

  /**
   * Reads the next part: up to the part size, or to the end of the stream.
   *
   * @return whether the part has any bytes
   * @throws BlobTooLargeException as soon as the stream has given more than its limit
   */
  boolean next() throws IOException {
    length = 0;
    while (!ended && length < partSize) {
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length));
      }
      // At most one byte past the limit, so an oversized stream is refused without reading on.
      int wanted = (int) Math.min(buffer.length - length - 1, maxBytes - total) + 1;
      int read = in.read(buffer, length, wanted);
      if (read < 0) {
        ended = true;
      } else {
        total += read;
        if (total > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        sha256.update(buffer, length, read);
        length += read;
      }
    }
    return length > 0;
  }

  /** Whether the stream has ended: the part last read is the last one. */
  boolean ended() {
    return ended;
  }

  /** The part last read: the first {@link #length()} bytes of this array. */
  byte[] buffer() {
    return buffer;
  }

  int length() {
    return length;
  }

  /** The bytes read so far. */
  long total() {
    return total;
  }

  /** Base64 of the SHA-256 of every byte read; call once, after the end. */
  String sha256() {
    return Base64.getEncoder().encodeToString(sha256.digest());
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
