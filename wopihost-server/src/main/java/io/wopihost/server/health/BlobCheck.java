package io.wopihost.server.health;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.server.config.Settings.BlobSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The readiness check of the blob store: can it be reached and written. */
public final class BlobCheck {

  // A well-formed key that no put produces in practice: asking for it is one cheap round trip.
  private static final String S3_PROBE_KEY = "0".repeat(32);

  private BlobCheck() {}

  public static Health.Check of(BlobSettings settings, BlobStore blobs) {
    return switch (settings) {
      case BlobSettings.FileSystem fs -> () -> writableDirectory(fs.dir());
      case BlobSettings.S3 s3 -> () -> blobs.exists(S3_PROBE_KEY);
    };
  }

  private static void writableDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("the blob directory " + dir + " is missing or not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new IOException("the blob directory " + dir + " is not writable by this user");
    }
  }
}
