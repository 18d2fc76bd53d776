package io.wopihost.server;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.StoredBlob;
import io.wopihost.core.wopi.FileCreator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Adds files to a user's root container, keeping the name or taking the first free "name (n)". */
public final class FileImporter {

  private final Catalog catalog;
  private final BlobStore blobs;
  private final Clock clock;
  private final long maxFileSize;
  private final int maxNameLength;

  public FileImporter(Host host) {
    this.catalog = host.catalog();
    this.blobs = host.blobs();
    this.clock = host.clock();
    this.maxFileSize = host.policy().maxFileSize();
    this.maxNameLength = host.policy().fileNameMaxLength();
  }

  /**
   * Stores the content as a new file of {@code owner}.
   *
   * @throws IllegalArgumentException when the name is not a valid file name
   */
  public FileRecord importFile(String name, InputStream content, String owner) throws IOException {
    FileNames.problem(name, maxNameLength).ifPresent(problem -> {
      throw new IllegalArgumentException("'" + name + "' cannot be imported: " + problem);
    });
    String root = catalog.rootContainer(owner, Ids.newId()).id();
    StoredBlob blob = blobs.put(content, maxFileSize);
    var first =
        new FileVersion(
            1,
            blob.key(),
            blob.size(),
            blob.sha256(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            owner,
            List.of(),
            SaveKind.CREATED);
    return new FileCreator(catalog)
        .createUnique(root, name, owner, first)
        .orElseThrow(() -> new IllegalStateException("no free name is left for " + name));
  }
}
