package io.wopihost.core.wopi;

import io.wopihost.core.model.FileEvent;
import io.wopihost.core.model.FileRecord;
import java.time.Instant;
import java.util.Optional;

/** Which {@link FileEvent} a successful operation is; most operations are none. */
final class FileEvents {

  private FileEvents() {}

  static Optional<FileEvent> of(FileOperation op, FileCall call, Outcome.Ok ok, Instant at) {
    return kind(op).map(kind -> event(kind, call, ok, at));
  }

  private static Optional<FileEvent.Kind> kind(FileOperation op) {
    return Optional.ofNullable(
        switch (op) {
          case CHECK_FILE_INFO, GET_FILE -> FileEvent.Kind.OPENED;
          case LOCK, UNLOCK_AND_RELOCK -> FileEvent.Kind.LOCKED;
          case UNLOCK -> FileEvent.Kind.UNLOCKED;
          case PUT_FILE -> FileEvent.Kind.SAVED;
          case RENAME_FILE -> FileEvent.Kind.RENAMED;
          case DELETE_FILE -> FileEvent.Kind.DELETED;
          default -> null;
        });
  }

  private static FileEvent event(FileEvent.Kind kind, FileCall call, Outcome.Ok ok, Instant at) {
    FileRecord file = call.file();
    String name = file.name();
    Optional<String> previous = Optional.empty();
    if (kind == FileEvent.Kind.RENAMED
        && ok.body() instanceof Body.Json json
        && json.properties().get("Name") instanceof String base) {
      // RenameFile answers the base name; the extension never changes.
      name = base + file.extension();
      previous = Optional.of(file.name());
    }
    long version =
        kind == FileEvent.Kind.SAVED
            ? Long.parseLong(ok.headers().get(WopiHeaders.ITEM_VERSION))
            : file.version();
    return new FileEvent(kind, file.id(), name, previous, call.token().userId(), at, version);
  }
}
