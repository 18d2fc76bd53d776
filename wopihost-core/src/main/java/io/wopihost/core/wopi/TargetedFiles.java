package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.names.Utf7;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A new file in a container under a name the client proposes, with the rules PutRelativeFile and
 * CreateChildFile share: in suggested mode the host adapts the name and never fails on it; in
 * specific mode it takes the name exactly or says why not, and overwrites an existing file only
 * when asked and when that file is not locked.
 */
final class TargetedFiles {

  /** Stores the new file's content when the name has been settled. */
  @FunctionalInterface
  interface Content {
    Uploads.Result store();
  }

  private final Catalog catalog;
  private final LockManager locks;
  private final Uploads uploads;
  private final FileCreator creator;
  private final FileLinks links;
  private final HostPolicy policy;
  private final HostUrls urls;

  TargetedFiles(
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

  /** Suggested mode: {@code name} is already legal; a taken name gets a "(n)" suffix. */
  Outcome suggested(AccessToken token, String containerId, String name, Content content) {
    return storeAndCreate(
        token,
        content,
        "a new file named " + name + " in container " + containerId,
        first -> creator.createUnique(containerId, name, token.userId(), first),
        () -> new Outcome.Conflict("no free name is left for " + name, Map.of(), Body.NONE));
  }

  /**
   * Specific mode: an illegal name is 400 with a legal alternative made from {@code name} and
   * {@code fallbackBase}; a taken name is 409 unless {@code X-WOPI-OverwriteRelativeTarget} asks
   * to overwrite it.
   */
  Outcome specific(
      AccessToken token,
      WopiRequest request,
      String containerId,
      String name,
      String fallbackBase,
      Content content) {
    Optional<String> problem = FileNames.problem(name, policy.fileNameMaxLength());
    if (problem.isPresent()) {
      String valid = FileNames.sanitize(name, fallbackBase, policy.fileNameMaxLength());
      var headers = new HashMap<>(validTarget(containerId, valid));
      headers.put(WopiHeaders.INVALID_FILE_NAME_ERROR, problem.get());
      return new Outcome.BadRequest(problem.get(), headers);
    }
    Optional<FileRecord> existing = catalog.findFileByName(containerId, name);
    if (existing.isPresent()) {
      return overwrite(token, request, existing.get(), content);
    }
    return storeAndCreate(
        token,
        content,
        "a new file named " + name + " in container " + containerId,
        first -> creator.createExact(containerId, name, token.userId(), first),
        () -> nameTaken(containerId, name));
  }

  /**
   * Stores the content, then creates the file with it as the first version; when the creation
   * finds no name, the stored blob is discarded and {@code whenNoName} answers.
   */
  private Outcome storeAndCreate(
      AccessToken token,
      Content content,
      String target,
      Function<FileVersion, Optional<FileRecord>> create,
      Supplier<Outcome> whenNoName) {
    return switch (content.store()) {
      case Uploads.Result.Refused refused -> refused.outcome();
      case Uploads.Result.Stored stored -> {
        FileVersion first = uploads.firstVersion(stored.blob(), token.userId());
        var created =
            uploads.committing(stored.blob(), target, token.userId(), () -> create.apply(first));
        if (created.isEmpty()) {
          uploads.discard(stored.blob());
          yield whenNoName.get();
        }
        yield created(token, created.get());
      }
    };
  }

  private Outcome overwrite(
      AccessToken token, WopiRequest request, FileRecord target, Content content) {
    boolean overwrite =
        request
            .header(WopiHeaders.OVERWRITE_RELATIVE_TARGET)
            .filter(v -> "true".equalsIgnoreCase(v.trim()))
            .isPresent();
    if (!overwrite) {
      return nameTaken(target.containerId(), target.name());
    }
    var held = locks.current(target.id());
    if (held.isPresent()) {
      return new Outcome.LockConflict(held.get().lockId(), "the target file is locked");
    }
    return switch (content.store()) {
      case Uploads.Result.Refused refused -> refused.outcome();
      case Uploads.Result.Stored stored -> {
        var saved =
            catalog.tryCommitVersion(
                target.id(),
                target.version(),
                uploads.version(
                    target.version() + 1,
                    stored.blob(),
                    token.userId(),
                    new FileCall(token, target, request)));
        if (saved.isEmpty()) {
          uploads.discard(stored.blob());
          yield new Outcome.Conflict(
              "the target file changed while it was being overwritten", Map.of(), Body.NONE);
        }
        yield created(token, saved.get());
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

  /** The answer of both operations: the file's name, URL with a token, and host pages. */
  private Outcome created(AccessToken token, FileRecord file) {
    return Outcome.Ok.json(
        Map.of(
            "Name", file.name(),
            "Url", links.fileUrl(token, file.id()),
            "HostViewUrl", urls.hostPage(file.id(), "view"),
            "HostEditUrl", urls.hostPage(file.id(), "edit")));
  }
}
