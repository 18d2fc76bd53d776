package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.names.Utf7;
import io.wopihost.core.spi.Catalog;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PutRelativeFile: a new file beside the source (Save As, Save a Copy, conversion). Suggested
 * mode never fails on the name; specific mode takes the name exactly or says why not.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/putrelativefile">PutRelativeFile</a>
 */
final class RelativeFileOperations {

  private final Catalog catalog;
  private final LockManager locks;
  private final Uploads uploads;
  private final FileCreator creator;
  private final FileLinks links;
  private final HostPolicy policy;
  private final HostUrls urls;

  RelativeFileOperations(
      Catalog catalog,
      LockManager locks,
      Uploads uploads,
      FileCreator creator,
      FileLinks links,
      HostPolicy policy,
      HostUrls urls) {
    this.catalog = catalog;
    this.locks = locks;
    this.uploads = uploads;
    this.creator = creator;
    this.links = links;
    this.policy = policy;
    this.urls = urls;
  }

  Outcome putRelativeFile(FileCall call) {
    Optional<String> suggested = call.header(WopiHeaders.SUGGESTED_TARGET);
    Optional<String> relative = call.header(WopiHeaders.RELATIVE_TARGET);
    if (suggested.isPresent() == relative.isPresent()) {
      return new Outcome.BadRequest(
          "send exactly one of " + WopiHeaders.SUGGESTED_TARGET + " and "
              + WopiHeaders.RELATIVE_TARGET);
    }
    OptionalLong size;
    try {
      size = declaredSize(call);
    } catch (NumberFormatException e) {
      return new Outcome.BadRequest(WopiHeaders.SIZE + " must be a non-negative integer");
    }
    String encoded = suggested.orElseGet(relative::get);
    String name;
    try {
      name = Utf7.decode(encoded);
    } catch (IllegalArgumentException e) {
      return new Outcome.BadRequest("the target name is not valid UTF-7: " + e.getMessage());
    }
    return suggested.isPresent() ? suggested(call, name, size) : specific(call, name, size);
  }

  private Outcome suggested(FileCall call, String proposed, OptionalLong size) {
    FileRecord source = call.file();
    String name =
        proposed.startsWith(".")
            ? FileNames.sanitize(
                FileNames.base(source.name()) + proposed, "Document", policy.fileNameMaxLength())
            : FileNames.sanitize(
                proposed, FileNames.base(source.name()), policy.fileNameMaxLength());
    return switch (uploads.store(call.request(), size)) {
      case Uploads.Result.Refused refused -> refused.outcome();
      case Uploads.Result.Stored stored -> {
        var created =
            creator.createUnique(
                source.containerId(),
                name,
                call.token().userId(),
                uploads.firstVersion(stored.blob(), call.token().userId()));
        if (created.isEmpty()) {
          uploads.discard(stored.blob());
          yield new Outcome.Conflict("no free name is left for " + name, Map.of(), Body.NONE);
        }
        yield created(call, created.get());
      }
    };
  }

  private Outcome specific(FileCall call, String name, OptionalLong size) {
    String containerId = call.file().containerId();
    Optional<String> problem = FileNames.problem(name, policy.fileNameMaxLength());
    if (problem.isPresent()) {
      String valid =
          FileNames.sanitize(name, FileNames.base(call.file().name()), policy.fileNameMaxLength());
      return new Outcome.BadRequest(problem.get(), validTarget(containerId, valid));
    }
    Optional<FileRecord> existing = catalog.findFileByName(containerId, name);
    if (existing.isPresent()) {
      return overwrite(call, existing.get(), size);
    }
    return switch (uploads.store(call.request(), size)) {
      case Uploads.Result.Refused refused -> refused.outcome();
      case Uploads.Result.Stored stored -> {
        var created =
            creator.createExact(
                containerId,
                name,
                call.token().userId(),
                uploads.firstVersion(stored.blob(), call.token().userId()));
        if (created.isEmpty()) {
          uploads.discard(stored.blob());
          yield nameTaken(containerId, name);
        }
        yield created(call, created.get());
      }
    };
  }

  private Outcome overwrite(FileCall call, FileRecord target, OptionalLong size) {
    boolean overwrite =
        call.header(WopiHeaders.OVERWRITE_RELATIVE_TARGET)
            .filter(v -> "true".equalsIgnoreCase(v.trim()))
            .isPresent();
    if (!overwrite) {
      return nameTaken(target.containerId(), target.name());
    }
    var held = locks.current(target.id());
    if (held.isPresent()) {
      return new Outcome.LockConflict(held.get().lockId(), "the target file is locked");
    }
    return switch (uploads.store(call.request(), size)) {
      case Uploads.Result.Refused refused -> refused.outcome();
      case Uploads.Result.Stored stored -> {
        var saved =
            catalog.tryCommitVersion(
                target.id(),
                target.version(),
                uploads.version(target.version() + 1, stored.blob(), call.token().userId(), call));
        if (saved.isEmpty()) {
          uploads.discard(stored.blob());
          yield new Outcome.Conflict(
              "the target file changed while it was being overwritten", Map.of(), Body.NONE);
        }
        yield created(call, saved.get());
      }
    };
  }

  private Outcome nameTaken(String containerId, String name) {
    return new Outcome.Conflict(
        "a file named " + name + " already exists", validTarget(containerId, name), Body.NONE);
  }

  private Map<String, String> validTarget(String containerId, String name) {
    return creator
        .freeName(containerId, name)
        .map(free -> Map.of(WopiHeaders.VALID_RELATIVE_TARGET, Utf7.encode(free)))
        .orElse(Map.of());
  }

  private Outcome created(FileCall call, FileRecord file) {
    return Outcome.Ok.json(
        Map.of(
            "Name", file.name(),
            "Url", links.fileUrl(call.token(), file.id()),
            "HostViewUrl", urls.hostPage(file.id(), "view"),
            "HostEditUrl", urls.hostPage(file.id(), "edit")));
  }

  private static OptionalLong declaredSize(FileCall call) {
    Optional<String> header = call.header(WopiHeaders.SIZE);
    if (header.isEmpty()) {
      return call.request().contentLength();
    }
    long size = Long.parseLong(header.get().trim());
    if (size < 0) {
      throw new NumberFormatException("negative size");
    }
    return OptionalLong.of(size);
  }
}
