package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.names.Utf7;
import io.wopihost.core.spi.Catalog;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * CreateChildContainer, CreateChildFile, DeleteContainer and RenameContainer. Container names
 * follow the rules of file names; ids never change.
 */
final class ContainerChangeOperations {

  /** The base of a new file whose suggested name is only an extension. */
  static final String NEW_FILE_BASE = "New Document";

  private static final String NEW_CONTAINER_NAME = "New Folder";
  // As for files: a container with that many copies of one name is not worth a smarter search.
  private static final int MAX_SUFFIX = 999;

  private final Catalog catalog;
  private final TargetedFiles targeted;
  private final Uploads uploads;
  private final Ancestry ancestry;
  private final HostPolicy policy;

  ContainerChangeOperations(
      Catalog catalog,
      TargetedFiles targeted,
      Uploads uploads,
      Ancestry ancestry,
      HostPolicy policy) {
    this.catalog = catalog;
    this.targeted = targeted;
    this.uploads = uploads;
    this.ancestry = ancestry;
    this.policy = policy;
  }

  /**
   * Suggested mode adapts the name and never fails on it; specific mode takes it exactly (400
   * when illegal, 409 when taken). Both target headers at once are 501, as the spec asks.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/createchildcontainer">CreateChildContainer</a>
   */
  Outcome createChildContainer(ContainerCall call) {
    return switch (Target.of(call, WopiHeaders.INVALID_CONTAINER_NAME_ERROR)) {
      case Target.Refused refused -> refused.outcome();
      case Target.Suggested suggested -> {
        String legal =
            FileNames.sanitize(suggested.name(), NEW_CONTAINER_NAME, policy.fileNameMaxLength());
        yield candidates(legal)
            .map(name -> catalog.tryCreateContainer(Ids.newId(), call.container().id(), name))
            .flatMap(Optional::stream)
            .findFirst()
            .map(created -> containerCreated(call, created))
            .orElseGet(() -> containerNotCreated(call, legal));
      }
      case Target.Specific specific -> {
        String name = specific.name();
        Optional<String> problem = FileNames.problem(name, policy.fileNameMaxLength());
        if (problem.isPresent()) {
          yield invalidName(WopiHeaders.INVALID_CONTAINER_NAME_ERROR, problem.get());
        }
        yield catalog
            .tryCreateContainer(Ids.newId(), call.container().id(), name)
            .map(created -> containerCreated(call, created))
            .orElseGet(() -> containerNotCreated(call, name));
      }
    };
  }

  /**
   * A new, empty file, named as in PutRelativeFile: suggested mode never fails on the name;
   * specific mode takes it exactly and overwrites an existing file only when asked.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/createchildfile">CreateChildFile</a>
   */
  Outcome createChildFile(ContainerCall call) {
    String containerId = call.container().id();
    TargetedFiles.Content empty = uploads::storeEmpty;
    return switch (Target.of(call, WopiHeaders.INVALID_FILE_NAME_ERROR)) {
      case Target.Refused refused -> refused.outcome();
      case Target.Suggested suggested -> {
        String name = suggested.name();
        int max = policy.fileNameMaxLength();
        String legal =
            name.startsWith(".")
                ? FileNames.sanitize(NEW_FILE_BASE + name, NEW_FILE_BASE, max)
                : FileNames.sanitize(name, NEW_FILE_BASE, max);
        yield targeted.suggested(call.token(), containerId, legal, empty);
      }
      case Target.Specific specific ->
          targeted.specific(
              call.token(), call.request(), containerId, specific.name(), NEW_FILE_BASE, empty);
    };
  }

  /**
   * Deletes an empty container; one that holds anything is 409, and so is a root container,
   * which every user keeps.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/deletecontainer">DeleteContainer</a>
   */
  Outcome deleteContainer(ContainerCall call) {
    if (call.container().isRoot()) {
      return new Outcome.Conflict("a root container cannot be deleted", Map.of(), Body.NONE);
    }
    return switch (catalog.deleteContainer(call.container().id())) {
      case DELETED -> Outcome.Ok.empty();
      case NOT_FOUND -> new Outcome.NotFound("the container is gone");
      case NOT_EMPTY ->
          new Outcome.Conflict("the container holds files or containers", Map.of(), Body.NONE);
    };
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/renamecontainer">RenameContainer</a> */
  Outcome renameContainer(ContainerCall call) {
    String error = WopiHeaders.INVALID_CONTAINER_NAME_ERROR;
    Optional<String> encoded = call.header(WopiHeaders.REQUESTED_NAME);
    if (encoded.isEmpty()) {
      return invalidName(error, WopiHeaders.REQUESTED_NAME + " is required");
    }
    String name;
    try {
      name = Utf7.decode(encoded.get());
    } catch (IllegalArgumentException e) {
      return invalidName(error, "the name is not valid UTF-7: " + e.getMessage());
    }
    Optional<String> problem = FileNames.problem(name, policy.fileNameMaxLength());
    if (problem.isPresent()) {
      return invalidName(error, problem.get());
    }
    if (catalog.tryRenameContainer(call.container().id(), name)) {
      return Outcome.Ok.json(Map.of("Name", name));
    }
    if (catalog.findContainer(call.container().id()).isEmpty()) {
      return new Outcome.NotFound("the container is gone");
    }
    return nameTaken(name, Map.of());
  }

  private Outcome containerCreated(ContainerCall call, ContainerRecord created) {
    return Outcome.Ok.json(
        Map.of(
            "ContainerPointer", ancestry.pointer(call.token(), created),
            "ContainerInfo", ContainerInfoOperations.info(call.token(), created)));
  }

  /** The name was taken, or the parent was deleted meanwhile. */
  private Outcome containerNotCreated(ContainerCall call, String name) {
    if (catalog.findContainer(call.container().id()).isEmpty()) {
      return new Outcome.NotFound("the container is gone");
    }
    Set<String> taken =
        catalog.childContainers(call.container().id()).stream()
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Map<String, String> headers =
        candidates(name)
            .filter(candidate -> !taken.contains(candidate.toLowerCase(Locale.ROOT)))
            .findFirst()
            .map(free -> Map.of(WopiHeaders.VALID_RELATIVE_TARGET, Utf7.encode(free)))
            .orElse(Map.of());
    return nameTaken(name, headers);
  }

  /**
   * {@code name}, then "name (2)", "name (3)" and so on, shortened where needed to stay legal:
   * the names tried for a free one.
   */
  private Stream<String> candidates(String name) {
    int max = policy.fileNameMaxLength();
    return Stream.concat(
            Stream.of(name),
            IntStream.rangeClosed(2, MAX_SUFFIX).mapToObj(n -> withSuffix(name, n, max)))
        .filter(candidate -> FileNames.problem(candidate, max).isEmpty());
  }

  private static String withSuffix(String name, int n, int max) {
    String suffix = " (" + n + ")";
    int keep = Math.max(0, Math.min(name.length(), max - suffix.length()));
    if (keep > 0 && Character.isHighSurrogate(name.charAt(keep - 1))) {
      keep--;
    }
    return name.substring(0, keep).stripTrailing() + suffix;
  }

  private static Outcome nameTaken(String name, Map<String, String> headers) {
    return new Outcome.Conflict("a container named " + name + " already exists", headers, Body.NONE);
  }

  private static Outcome invalidName(String header, String reason) {
    return new Outcome.BadRequest(reason, Map.of(header, reason));
  }

  /** The name a CreateChild* request proposes, from its target headers. */
  private sealed interface Target {

    record Suggested(String name) implements Target {}

    record Specific(String name) implements Target {}

    record Refused(Outcome outcome) implements Target {}

    /**
     * Neither header is 400, both are 501 (as the spec asks of CreateChild*), and a name that is
     * not UTF-7 is 400 with {@code nameErrorHeader}.
     */
    static Target of(ContainerCall call, String nameErrorHeader) {
      Optional<String> suggested = call.header(WopiHeaders.SUGGESTED_TARGET);
      Optional<String> relative = call.header(WopiHeaders.RELATIVE_TARGET);
      if (suggested.isPresent() && relative.isPresent()) {
        return new Refused(new Outcome.NotImplemented("send only one of "
            + WopiHeaders.SUGGESTED_TARGET + " and " + WopiHeaders.RELATIVE_TARGET));
      }
      if (suggested.isEmpty() && relative.isEmpty()) {
        return new Refused(new Outcome.BadRequest(
            "send " + WopiHeaders.SUGGESTED_TARGET + " or " + WopiHeaders.RELATIVE_TARGET));
      }
      String name;
      try {
        name = Utf7.decode(suggested.orElseGet(relative::get));
      } catch (IllegalArgumentException e) {
        return new Refused(
            invalidName(nameErrorHeader, "the name is not valid UTF-7: " + e.getMessage()));
      }
      return suggested.isPresent() ? new Suggested(name) : new Specific(name);
    }
  }
}
