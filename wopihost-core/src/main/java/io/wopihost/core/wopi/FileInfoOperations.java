package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CheckFileInfo, EnumerateAncestors, GetShareUrl, PutUserInfo and GetEcosystem. */
final class FileInfoOperations {

  static final List<String> SHARE_URL_TYPES = List.of("ReadOnly", "ReadWrite");
  private static final int MAX_USER_INFO_BYTES = 1024;
  private static final int MAX_ANCESTORS = 64;

  private final Catalog catalog;
  private final TokenService tokens;
  private final HostUrls urls;
  private final FileLinks links;
  private final HostPolicy policy;
  private final Clock clock;

  FileInfoOperations(
      Catalog catalog,
      TokenService tokens,
      HostUrls urls,
      FileLinks links,
      HostPolicy policy,
      Clock clock) {
    this.catalog = catalog;
    this.tokens = tokens;
    this.urls = urls;
    this.links = links;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Every property the host can honour truthfully. No CSPP+ property (SupportsCoauth,
   * SequenceNumber, …) until all of them are implemented.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/checkfileinfo">CheckFileInfo</a>
   */
  Outcome checkFileInfo(FileCall call, String rawToken) {
    FileRecord file = call.file();
    AccessToken token = call.token();
    boolean write = token.can(Permission.WRITE);
    var info = new LinkedHashMap<String, Object>();
    info.put("BaseFileName", file.name());
    info.put("OwnerId", file.ownerId());
    info.put("Size", file.size());
    info.put("UserId", token.userId());
    info.put("Version", String.valueOf(file.version()));
    info.put("LastModifiedTime", WopiTime.format(file.lastModified()));
    info.put("SHA256", file.sha256());
    info.put("FileExtension", file.extension());
    info.put("FileNameMaxLength", policy.fileNameMaxLength());
    info.put("UserFriendlyName", token.userId());
    info.put("IsAnonymousUser", false);
    info.put("IsEduUser", false);
    info.put("LicenseCheckForEditIsEnabled", false);
    catalog.userInfo(token.userId()).ifPresent(v -> info.put("UserInfo", v));
    info.put("UserCanWrite", write);
    info.put("ReadOnly", !write);
    info.put("UserCanRename", token.can(Permission.RENAME));
    // Collabora hides Save As unless this is stated as false.
    info.put("UserCanNotWriteRelative", !write);
    info.put("SupportsLocks", true);
    info.put("SupportsGetLock", true);
    info.put("SupportsExtendedLockLength", true);
    info.put("SupportsUpdate", true);
    info.put("SupportsRename", true);
    info.put("SupportsDeleteFile", true);
    info.put("SupportsUserInfo", true);
    info.put("SupportedShareUrlTypes", SHARE_URL_TYPES);
    info.put("FileUrl", links.contentsUrl(rawToken, file.id()));
    info.put("HostViewUrl", urls.hostPage(file.id(), "view"));
    if (write) {
      info.put("HostEditUrl", urls.hostPage(file.id(), "edit"));
    }
    info.put("BreadcrumbBrandName", policy.brandName());
    info.put("BreadcrumbBrandUrl", urls.base() + "/");
    info.put("BreadcrumbDocName", FileNames.base(file.name()));
    catalog
        .findContainer(file.containerId())
        .ifPresent(c -> info.put("BreadcrumbFolderName", c.name()));
    return Outcome.Ok.json(info);
  }

  /**
   * The containers above the file, root first. Only containers the token's user owns are
   * listed: a token for one file must not open the folders of someone who shared it.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/enumerateancestors">EnumerateAncestors</a>
   */
  Outcome enumerateAncestors(FileCall call) {
    List<Map<String, Object>> chain = new ArrayList<>();
    boolean complete = true;
    Optional<ContainerRecord> next = catalog.findContainer(call.file().containerId());
    while (next.isPresent()) {
      ContainerRecord container = next.get();
      if (!container.ownerId().equals(call.token().userId()) || chain.size() == MAX_ANCESTORS) {
        complete = chain.size() < MAX_ANCESTORS;
        break;
      }
      chain.addFirst(
          Map.of("Name", container.name(), "Url", links.containerUrl(call.token(), container.id())));
      next = container.parent().flatMap(catalog::findContainer);
    }
    Map<String, String> headers =
        complete ? Map.of() : Map.of("X-WOPI-EnumerationIncomplete", "true");
    return new Outcome.Ok(headers, new Body.Json(Map.of("AncestorsWithRootFirst", chain)));
  }

  /**
   * A browser URL that opens the file for whoever has it, read-only or read-write. The link
   * carries its own signed grant with the share lifetime.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getshareurl">GetShareUrl</a>
   */
  Outcome getShareUrl(FileCall call) {
    String type = call.header(WopiHeaders.URL_TYPE).orElse("");
    Set<Permission> rights;
    if (type.equals("ReadOnly")) {
      rights = Set.of(Permission.READ);
    } else if (type.equals("ReadWrite") && call.token().can(Permission.WRITE)) {
      rights = Set.of(Permission.READ, Permission.WRITE);
    } else {
      return new Outcome.NotImplemented("share URL type '" + type + "' is not supported");
    }
    var grant =
        new AccessToken(
            call.token().userId(),
            Scope.file(call.fileId()),
            rights,
            clock.instant().plus(policy.shareLinkTtl()));
    return Outcome.Ok.json(Map.of("ShareUrl", urls.share(tokens.issue(grant))));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/putuserinfo">PutUserInfo</a> */
  Outcome putUserInfo(FileCall call) {
    byte[] body;
    try (InputStream in = call.request().body()) {
      body = in.readNBytes(MAX_USER_INFO_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      return new Outcome.BadRequest("the request body could not be read to its end");
    }
    if (body.length > MAX_USER_INFO_BYTES) {
      return new Outcome.BadRequest("UserInfo is at most " + MAX_USER_INFO_BYTES + " bytes");
    }
    catalog.putUserInfo(call.token().userId(), new String(body, StandardCharsets.UTF_8));
    return Outcome.Ok.empty();
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getecosystem">GetEcosystem</a> */
  Outcome getEcosystem(FileCall call) {
    return Outcome.Ok.json(Map.of("Url", links.ecosystemUrl(call.token())));
  }
}
