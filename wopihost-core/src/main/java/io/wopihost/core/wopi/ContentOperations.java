package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** GetFile and PutFile. */
final class ContentOperations {

  private final Catalog catalog;
  private final BlobStore blobs;
  private final LockManager locks;
  private final Uploads uploads;

  ContentOperations(Catalog catalog, BlobStore blobs, LockManager locks, Uploads uploads) {
    this.catalog = catalog;
    this.blobs = blobs;
    this.locks = locks;
    this.uploads = uploads;
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getfile">GetFile</a> */
  Outcome getFile(FileCall call) {
    FileRecord file = call.file();
    Optional<String> maxHeader = call.header(WopiHeaders.MAX_EXPECTED_SIZE);
    if (maxHeader.isPresent()) {
      long max;
      try {
        max = Long.parseLong(maxHeader.get().trim());
      } catch (NumberFormatException e) {
        return new Outcome.BadRequest(WopiHeaders.MAX_EXPECTED_SIZE + " must be an integer");
      }
      if (file.size() > max) {
        return new Outcome.PreconditionFailed(
            "the file has " + file.size() + " bytes, more than the " + max + " expected");
      }
    }
    return new Outcome.Ok(
        Map.of(WopiHeaders.ITEM_VERSION, String.valueOf(file.version())),
        new Body.Content(file.size(), () -> blobs.open(file.blobKey())));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/putfile">PutFile</a> */
  Outcome putFile(FileCall call) {
    FileRecord file = call.file();
    Optional<String> presented = call.header(WopiHeaders.LOCK).filter(s -> !s.isEmpty());
    boolean locked = locks.current(file.id()).isPresent();
    Optional<Outcome.LockConflict> conflict = locks.checkHolder(file.id(), presented);
    if (conflict.isPresent()) {
      return conflict.get();
    }
    if (!locked && file.size() != 0) {
      // Only a blank file may be written without a lock (the editnew flow).
      return new Outcome.LockConflict("", "the file is not locked and not empty");
    }
    Optional<Outcome> stale = staleEditorCopy(call);
    if (stale.isPresent()) {
      return stale.get();
    }
    return switch (uploads.store(call.request(), call.request().contentLength())) {
      case Uploads.Result.Refused refused -> refused.outcome();
      case Uploads.Result.Stored stored -> commit(call, stored);
    };
  }

  private Outcome commit(FileCall call, Uploads.Result.Stored stored) {
    FileRecord file = call.file();
    // The lock may have changed hands while the body streamed in.
    Optional<Outcome.LockConflict> conflict =
        locks.checkHolder(file.id(), call.header(WopiHeaders.LOCK).filter(s -> !s.isEmpty()));
    Optional<FileRecord> committed =
        conflict.isPresent()
            ? Optional.empty()
            : catalog.tryCommitVersion(
                file.id(),
                file.version(),
                uploads.version(file.version() + 1, stored.blob(), call.token().userId(), call));
    if (committed.isEmpty()) {
      uploads.discard(stored.blob());
      if (conflict.isPresent()) {
        return conflict.get();
      }
      if (catalog.findFile(file.id()).isEmpty()) {
        return new Outcome.NotFound("the file was deleted while it was being saved");
      }
      String current = locks.current(file.id()).map(l -> l.lockId()).orElse("");
      return new Outcome.LockConflict(current, "another save changed the file at the same time");
    }
    FileRecord saved = committed.get();
    return new Outcome.Ok(
        Map.of(WopiHeaders.ITEM_VERSION, String.valueOf(saved.version())),
        new Body.Json(Map.of("LastModifiedTime", WopiTime.format(saved.lastModified()))));
  }

  /**
   * Collabora and ONLYOFFICE send back the {@code LastModifiedTime} they loaded; if the file
   * changed in storage since, saving would overwrite someone else's work. Collabora expects 409
   * with {@code COOLStatusCode} 1010 and then asks the user, who may save again without the
   * header to overwrite.
   */
  private static Optional<Outcome> staleEditorCopy(FileCall call) {
    Optional<String> timestamp = call.anyHeader(WopiHeaders.TIMESTAMP).filter(s -> !s.isBlank());
    if (timestamp.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> seen = WopiTime.parse(timestamp.get());
    if (seen.isPresent() && seen.get().equals(call.file().lastModified())) {
      return Optional.empty();
    }
    return Optional.of(
        new Outcome.Conflict(
            "the document changed in storage since the editor loaded it",
            Map.of(),
            new Body.Json(Map.of("COOLStatusCode", 1010))));
  }
}
