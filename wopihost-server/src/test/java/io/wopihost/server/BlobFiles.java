package io.wopihost.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Reaches into a filesystem blob store's directory to give blobs the age a test needs. */
public final class BlobFiles {

  private BlobFiles() {}

  /** Sets the time the store goes by for the blob {@code key} under {@code root}. */
  public static void setStoredAt(Path root, String key, Instant time) throws IOException {
    Path file =
        root.resolve("objects")
            .resolve(key.substring(0, 2))
            .resolve(key.substring(2, 4))
            .resolve(key);
    Files.setLastModifiedTime(file, FileTime.from(time));
  }
}
