package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** CheckContainerInfo, EnumerateAncestors, EnumerateChildren, GetShareUrl and GetEcosystem. */
final class ContainerInfoOperations {

  private final Catalog catalog;
  private final FileLinks links;
  private final Ancestry ancestry;
  private final ShareLinks shares;

  ContainerInfoOperations(Catalog catalog, FileLinks links, Ancestry ancestry, ShareLinks shares) {
    this.catalog = catalog;
    this.links = links;
    this.ancestry = ancestry;
    this.shares = shares;
  }

  /**
   * What CheckContainerInfo answers, also sent as {@code ContainerInfo} beside a container
   * pointer. The user properties match CheckFileInfo's; a root container cannot be deleted.
   */
  static Map<String, Object> info(AccessToken token, ContainerRecord container) {
    var info = new LinkedHashMap<String, Object>();
    info.put("Name", container.name());
    info.put("SupportedShareUrlTypes", ShareLinks.TYPES);
    info.put("UserCanCreateChildContainer", token.can(Permission.WRITE));
    info.put("UserCanCreateChildFile", token.can(Permission.WRITE));
    info.put("UserCanDelete", token.can(Permission.DELETE) && !container.isRoot());
    info.put("UserCanRename", token.can(Permission.RENAME));
    info.put("IsAnonymousUser", false);
    info.put("IsEduUser", false);
    info.put("LicenseCheckForEditIsEnabled", false);
    return info;
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/checkcontainerinfo">CheckContainerInfo</a> */
  Outcome checkContainerInfo(ContainerCall call) {
    return Outcome.Ok.json(info(call.token(), call.container()));
  }

  /**
   * The containers above this one, root first, as far up as the token's user owns them; none for
   * a root.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/enumerateancestors">EnumerateAncestors</a>
   */
  Outcome enumerateAncestors(ContainerCall call) {
    return call.container()
        .parent()
        .map(parent -> ancestry.enumerate(call.token(), parent))
        .orElseGet(() -> Outcome.Ok.json(Map.of("AncestorsWithRootFirst", List.of())));
  }

  /**
   * Every immediate child, with tokens minted from the caller's. {@code
   * X-WOPI-FileExtensionFilterList} filters the files (not the containers) by extension, ignoring
   * case.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/enumeratechildren">EnumerateChildren</a>
   */
  Outcome enumerateChildren(ContainerCall call) {
    AccessToken token = call.token();
    String id = call.container().id();
    Optional<Set<String>> extensions =
        call.header(WopiHeaders.FILE_EXTENSION_FILTER_LIST).map(ContainerInfoOperations::parse);
    List<Map<String, Object>> containers =
        catalog.childContainers(id).stream().map(c -> ancestry.pointer(token, c)).toList();
    List<Map<String, Object>> files =
        catalog.childFiles(id).stream()
            .filter(f -> extensions.map(e -> e.contains(lower(f.extension()))).orElse(true))
            .map(f -> childFile(token, f))
            .toList();
    return Outcome.Ok.json(Map.of("ChildContainers", containers, "ChildFiles", files));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/getshareurl">GetShareUrl</a> */
  Outcome getShareUrl(ContainerCall call) {
    return shares.containerShareUrl(call.token(), call.container().id(), call.request());
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/containers/getecosystem">GetEcosystem</a> */
  Outcome getEcosystem(ContainerCall call) {
    return Outcome.Ok.json(Map.of("Url", links.ecosystemUrl(call.token())));
  }

  private Map<String, Object> childFile(AccessToken token, FileRecord file) {
    return Map.of(
        "Name", file.name(),
        "Url", links.fileUrl(token, file.id()),
        "Size", file.size(),
        "Version", String.valueOf(file.version()),
        "LastModifiedTime", WopiTime.format(file.lastModified()));
  }

  /** {@code ".doc,.DOCX"} → {@code {".doc", ".docx"}}; blanks are ignored. */
  private static Set<String> parse(String filter) {
    return Arrays.stream(filter.split(","))
        .map(String::trim)
        .filter(e -> !e.isEmpty())
        .map(ContainerInfoOperations::lower)
        .collect(Collectors.toSet());
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
