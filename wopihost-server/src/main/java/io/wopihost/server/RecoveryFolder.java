package io.wopihost.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.SaveRecovery;
import io.wopihost.core.spi.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bodies of saves that could not be committed in a folder ({@code <data-dir>/recovery}):
 * {@code <time>-<blob key>.bin} with the bytes, copied out of the blob store (where nothing refers
 * to them and the orphan collector would delete them), and {@code .json} beside it saying what the
 * save was for, whose it was, when, its size and SHA-256, and why it failed. Each one is logged
 * once with its path.
 */
final class RecoveryFolder implements SaveRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(RecoveryFolder.class);

  private final Path folder;
  private final BlobStore blobs;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  RecoveryFolder(Path folder, BlobStore blobs, Clock clock) {
    this.folder = folder;
    this.blobs = blobs;
    this.clock = clock;
  }

  @Override
  public void keep(StoredBlob blob, String target, String userId, RuntimeException failure) {
    Instant now = clock.instant();
    String base = now.toString().replace(':', '-') + "-" + blob.key();
    Path body = folder.resolve(base + ".bin");
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("target", target);
    about.put("userId", userId);
    about.put("failedAt", now.toString());
    about.put("size", blob.size());
    about.put("sha256", blob.sha256());
    about.put("blobKey", blob.key());
    about.put("failure", String.valueOf(failure.getMessage()));
    try {
      Files.createDirectories(folder);
      try (InputStream in = blobs.open(blob.key())) {
        Files.copy(in, body, StandardCopyOption.REPLACE_EXISTING);
      }
      json.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(base + ".json").toFile(),
          about);
      LOG.warn("a save of {} by {} failed; its {} bytes are kept in {}", target, userId,
          blob.size(), body);
    } catch (IOException | RuntimeException e) {
      LOG.error("a save of {} by {} failed, and keeping it in {} failed too ({}); it is still"
          + " blob {} until the orphan collector deletes it", target, userId, folder,
          e.getMessage(), blob.key());
    }
  }
}
