package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.User;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** CheckFileInfo, EnumerateAncestors, GetShareUrl, PutUserInfo and GetEcosystem of files. */
final class FileInfoOperations {

  private static final int MAX_USER_INFO_BYTES = 1024;

  private final Catalog catalog;
  private final UserDirectory users;
  private final HostUrls urls;
  private final FileLinks links;
  private final HostPolicy policy;
  private final Ancestry ancestry;
  private final ShareLinks shares;

  FileInfoOperations(
      Catalog catalog,
      UserDirectory users,
      HostUrls urls,
      FileLinks links,
      HostPolicy policy,
      Ancestry ancestry,
      ShareLinks shares) {
    this.catalog = catalog;
    this.users = users;
    this.urls = urls;
    this.links = links;
    this.policy = policy;
    this.ancestry = ancestry;
    this.shares = shares;
  }

  /**
   * Every property the host can honour truthfully. No CSPP+ property (SupportsCoauth,
   * SequenceNumber, …) until all of them are implemented.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/checkfileinfo">CheckFileInfo</a>
   */
  Outcome checkFileInfo(FileCall call) {
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
    // A token's user need not be in the directory (tokens minted by `wopihost token` for any id).
    info.put(
        "UserFriendlyName",
        users.find(token.userId()).map(User::displayName).orElse(token.userId()));
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
    info.put("SupportsContainers", true);
    info.put("SupportsEcosystem", true);
    info.put("SupportsGetFileWopiSrc", true);
    info.put("SupportsAddActivities", true);
    info.put("SupportedShareUrlTypes", ShareLinks.TYPES);
    info.put("FileUrl", links.contentsUrl(token, file.id()));
    info.put("HostViewUrl", urls.hostPage(file.id(), "view"));
    if (write) {
      info.put("HostEditUrl", urls.hostPage(file.id(), "edit"));
    }
    // The host page (HostViewUrl, HostEditUrl) acts on these messages; editors post them to
    // PostMessageOrigin only, and without it they neither send nor accept any.
    info.put("PostMessageOrigin", urls.origin());
    info.put("ClosePostMessage", true);
    info.put("CloseUrl", urls.base() + "/");
    info.put("EditModePostMessage", write);
    info.put("FileSharingPostMessage", true);
    info.put("FileVersionPostMessage", true);
    info.put("BreadcrumbBrandName", policy.brandName());
    info.put("BreadcrumbBrandUrl", urls.base() + "/");
    info.put("BreadcrumbDocName", FileNames.base(file.name()));
    catalog
        .findContainer(file.containerId())
        .ifPresent(c -> info.put("BreadcrumbFolderName", c.name()));
    return Outcome.Ok.json(info);
  }

  /**
   * The containers above the file, root first, as far up as the token's user owns them.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/enumerateancestors">EnumerateAncestors</a>
   */
  Outcome enumerateAncestors(FileCall call) {
    return ancestry.enumerate(call.token(), call.file().containerId());
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getshareurl">GetShareUrl</a> */
  Outcome getShareUrl(FileCall call) {
    return shares.fileShareUrl(call.token(), call.fileId(), call.request());
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
