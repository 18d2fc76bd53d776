package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.names.Utf7;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RenameFile and DeleteFile. */
final class NameOperations {

  private final Catalog catalog;
  private final BlobStore blobs;
  private final LockManager locks;
  private final HostPolicy policy;

  NameOperations(Catalog catalog, BlobStore blobs, LockManager locks, HostPolicy policy) {
    this.catalog = catalog;
    this.blobs = blobs;
    this.locks = locks;
    this.policy = policy;
  }

  /**
   * Renames the file, keeping its extension and id. A name that is taken gets a "(n)" suffix,
   * as the spec asks the host to derive a valid name where it can.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/renamefile">RenameFile</a>
   */
  Outcome renameFile(FileCall call) {
    FileRecord file = call.file();
    Optional<Outcome.LockConflict> conflict =
        locks.checkHolder(file.id(), call.header(WopiHeaders.LOCK).filter(s -> !s.isEmpty()));
    if (conflict.isPresent()) {
      return conflict.get();
    }
    Optional<String> encoded = call.header(WopiHeaders.REQUESTED_NAME);
    if (encoded.isEmpty()) {
      return invalidName(WopiHeaders.REQUESTED_NAME + " is required");
    }
    String requested;
    try {
      requested = Utf7.decode(encoded.get());
    } catch (IllegalArgumentException e) {
      return invalidName("the name is not valid UTF-7: " + e.getMessage());
    }
    String name = requested + file.extension();
    Optional<String> problem = FileNames.problem(name, policy.fileNameMaxLength());
    if (problem.isPresent()) {
      return invalidName(problem.get());
    }
    Optional<String> renamed =
        FileCreator.candidates(name).filter(n -> catalog.tryRenameFile(file.id(), n)).findFirst();
    if (renamed.isEmpty()) {
      return invalidName("no free name is left for " + name);
    }
    return Outcome.Ok.json(Map.of("Name", FileNames.base(renamed.get())));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/deletefile">DeleteFile</a> */
  Outcome deleteFile(FileCall call) {
    var held = locks.current(call.fileId());
    if (held.isPresent()) {
      return new Outcome.LockConflict(held.get().lockId(), "a locked file cannot be deleted");
    }
    Optional<List<String>> blobKeys = catalog.deleteFile(call.fileId());
    if (blobKeys.isEmpty()) {
      return new Outcome.NotFound("the file is gone");
    }
    locks.clear(call.fileId());
    for (String key : blobKeys.get()) {
      try {
        blobs.delete(key);
      } catch (IOException e) {
        // The catalog no longer points at the blob: it is an orphan for the sweep, not a loss.
      }
    }
    return Outcome.Ok.empty();
  }

  private static Outcome invalidName(String reason) {
    return new Outcome.BadRequest(reason, Map.of(WopiHeaders.INVALID_FILE_NAME_ERROR, reason));
  }
}
