package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** GetFile and PutFile. */
final class ContentOperations {

  // Each failed attempt means another save was committed meanwhile; a save outlasting this many
  // is starved by a flood no editor produces.
  private static final int MAX_COMMIT_ATTEMPTS = 32;

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
    Optional<Outcome> refused = refusal(call, call.file());
    if (refused.isPresent()) {
      return refused.get();
    }
    return switch (uploads.store(call.request(), call.request().contentLength())) {
      case Uploads.Result.Refused notStored -> notStored.outcome();
      case Uploads.Result.Stored stored ->
          uploads.committing(
              stored.blob(), call.fileId(), call.token().userId(), () -> commit(call, stored));
    };
  }

  /** Why the save may not be written over {@code file} as it is; empty when it may. */
  private Optional<Outcome> refusal(FileCall call, FileRecord file) {
    Optional<String> presented = call.header(WopiHeaders.LOCK).filter(s -> !s.isEmpty());
    boolean locked = locks.current(file.id()).isPresent();
    Optional<Outcome.LockConflict> conflict = locks.checkHolder(file.id(), presented);
    if (conflict.isPresent()) {
      return Optional.of(conflict.get());
    }
    if (!locked && file.size() != 0) {
      // Only a blank file may be written without a lock (the editnew flow).
      return Optional.of(new Outcome.LockConflict("", "the file is not locked and not empty"));
    }
    return staleEditorCopy(call, file);
  }

  private Outcome commit(FileCall call, Uploads.Result.Stored stored) {
    FileRecord file = call.file();
    for (int attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      // The lock may have changed hands while the body streamed in, and on a retry another save
      // has changed the file: the checks run again on the file as it is now.
      Optional<Outcome> refused = refusal(call, file);
      if (refused.isPresent()) {
        uploads.discard(stored.blob());
        return refused.get();
      }
      Optional<FileRecord> committed =
          catalog.tryCommitVersion(
              file.id(),
              file.version(),
              uploads.version(file.version() + 1, stored.blob(), call.token().userId(), call));
      if (committed.isPresent()) {
        FileRecord saved = committed.get();
        return new Outcome.Ok(
            Map.of(WopiHeaders.ITEM_VERSION, String.valueOf(saved.version())),
            new Body.Json(Map.of("LastModifiedTime", WopiTime.format(saved.lastModified()))));
      }
      // Another save committed first. If it held the lock too (co-authors share one), this one
      // goes on top of it, as it would had it come second: both presented the lock, both win.
      Optional<FileRecord> current = catalog.findFile(file.id());
      if (current.isEmpty()) {
        uploads.discard(stored.blob());
        return new Outcome.NotFound("the file was deleted while it was being saved");
      }
      file = current.get();
    }
    uploads.discard(stored.blob());
    String current = locks.current(file.id()).map(l -> l.lockId()).orElse("");
    return new Outcome.LockConflict(current, "other saves kept changing the file at the same time");
  }

  /**
   * Collabora and ONLYOFFICE send back the {@code LastModifiedTime} they loaded; if the file
   * changed in storage since, saving would overwrite someone else's work. Collabora expects 409
   * with {@code COOLStatusCode} 1010 and then asks the user, who may save again without the
   * header to overwrite.
   */
  private static Optional<Outcome> staleEditorCopy(FileCall call, FileRecord file) {
    Optional<String> timestamp = call.anyHeader(WopiHeaders.TIMESTAMP).filter(s -> !s.isBlank());
    if (timestamp.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> seen = WopiTime.parse(timestamp.get());
    if (seen.isPresent() && seen.get().equals(file.lastModified())) {
      return Optional.empty();
    }
    return Optional.of(
        new Outcome.Conflict(
            "the document changed in storage since the editor loaded it",
            Map.of(),
            new Body.Json(Map.of("COOLStatusCode", 1010))));
  }
}
