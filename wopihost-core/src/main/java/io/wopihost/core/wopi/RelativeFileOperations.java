package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.names.Utf7;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PutRelativeFile: a new file beside the source (Save As, Save a Copy, conversion). Suggested
 * mode never fails on the name; specific mode takes the name exactly or says why not.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/putrelativefile">PutRelativeFile</a>
 */
final class RelativeFileOperations {

  private final TargetedFiles targeted;
  private final Uploads uploads;
  private final HostPolicy policy;

  RelativeFileOperations(TargetedFiles targeted, Uploads uploads, HostPolicy policy) {
    this.targeted = targeted;
    this.uploads = uploads;
    this.policy = policy;
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
    String name;
    try {
      name = Utf7.decode(suggested.orElseGet(relative::get));
    } catch (IllegalArgumentException e) {
      return new Outcome.BadRequest("the target name is not valid UTF-7: " + e.getMessage());
    }
    FileRecord source = call.file();
    String sourceBase = FileNames.base(source.name());
    TargetedFiles.Content body = () -> uploads.store(call.request(), size);
    if (relative.isPresent()) {
      return targeted.specific(
          call.token(), call.request(), source.containerId(), name, sourceBase, body);
    }
    String legal =
        name.startsWith(".")
            ? FileNames.sanitize(sourceBase + name, "Document", policy.fileNameMaxLength())
            : FileNames.sanitize(name, sourceBase, policy.fileNameMaxLength());
    return targeted.suggested(call.token(), source.containerId(), legal, body);
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
