package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.JsonCodec;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.SaveRecovery;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.core.spi.WopiEvents;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The WOPI Files endpoint: authenticates a call, finds the file, checks the token's rights, and
 * runs the operation. Every expected answer is an {@link Outcome}; thread safe.
 *
 * <p>Order of checks, as the spec's dispatch implies: a bad token is 401 (also a token for
 * another file, which never learns whether this one exists), a missing file is 404, a token
 * without the operation's right is 401. A container token reaches the files below its container;
 * for any other file it is 401 whether or not the file exists.
 */
public final class WopiFiles {

  private final Catalog catalog;
  private final TokenService tokens;
  private final LockOperations lockOps;
  private final ContentOperations contentOps;
  private final RelativeFileOperations relativeOps;
  private final NameOperations nameOps;
  private final FileInfoOperations infoOps;
  private final ActivityOperations activityOps;
  private final Ancestry ancestry;
  private final WopiEvents events;
  private final Clock clock;

  /**
   * @param recovery keeps the bodies of saves the catalog failed to commit
   * @param shareLinks where GetShareUrl keeps the links it makes
   * @param users names the token's user in CheckFileInfo ({@code UserFriendlyName})
   * @param events told about each operation that succeeded, after it took effect
   * @param json reads the JSON bodies of AddActivities
   */
  public WopiFiles(
      Catalog catalog,
      LockStore lockStore,
      BlobStore blobs,
      SaveRecovery recovery,
      TokenService tokens,
      UserDirectory users,
      ShareLinkStore shareLinks,
      HostUrls urls,
      HostPolicy policy,
      Clock clock,
      WopiEvents events,
      JsonCodec json) {
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
    this.tokens = tokens;
    var locks = new LockManager(lockStore, clock);
    var uploads = new Uploads(blobs, policy, clock, recovery);
    var links = new FileLinks(tokens, urls);
    this.ancestry = new Ancestry(catalog, links);
    this.lockOps = new LockOperations(locks);
    this.contentOps = new ContentOperations(catalog, blobs, locks, uploads);
    var targeted =
        new TargetedFiles(catalog, locks, uploads, new FileCreator(catalog), links, policy, urls);
    this.relativeOps = new RelativeFileOperations(targeted, uploads, policy);
    this.nameOps = new NameOperations(catalog, blobs, locks, policy);
    this.infoOps =
        new FileInfoOperations(
            catalog,
            users,
            urls,
            links,
            policy,
            ancestry,
            new ShareLinks(tokens, shareLinks, urls, policy, clock));
    this.activityOps = new ActivityOperations(catalog, json, clock);
  }

  /**
   * Runs the operation a {@code POST /wopi/files/{id}} names in {@code X-WOPI-Override}; an
   * unknown or missing override is 501, once the token and file have been checked.
   */
  public Outcome handleOverride(
      Optional<String> override, String fileId, String rawToken, WopiRequest request) {
    boolean hasOldLock = request.header(WopiHeaders.OLD_LOCK).isPresent();
    Optional<FileOperation> op =
        override.flatMap(o -> FileOperation.forOverride(o, hasOldLock));
    if (op.isPresent()) {
      return handle(op.get(), fileId, rawToken, request);
    }
    return switch (authorize(fileId, rawToken, FileOperation.CHECK_FILE_INFO, request)) {
      case Authorized.Refused refused -> refused.outcome();
      case Authorized.Granted granted ->
          new Outcome.NotImplemented(
              "unsupported " + WopiHeaders.OVERRIDE + ": '" + override.orElse("") + "'");
    };
  }

  /**
   * Runs one operation on a file.
   *
   * @param rawToken the access token as the client sent it, or {@code null} when it sent none
   */
  public Outcome handle(FileOperation op, String fileId, String rawToken, WopiRequest request) {
    return switch (authorize(fileId, rawToken, op, request)) {
      case Authorized.Refused refused -> refused.outcome();
      case Authorized.Granted granted -> announced(op, granted.call());
    };
  }

  /**
   * GetFile through CheckFileInfo's {@code FileUrl}, which editors call as given and without
   * proof-key signatures. It takes only the token minted for that URL ({@link
   * Scope.Kind#FILE_URL}), which no other endpoint takes; any other token is 401.
   *
   * @param rawToken the token of the URL, or {@code null} when there is none
   */
  public Outcome getFileByUrl(String fileId, String rawToken, WopiRequest request) {
    Optional<AccessToken> token =
        Optional.ofNullable(rawToken)
            .flatMap(tokens::verify)
            .filter(t -> t.scope().equals(new Scope(Scope.Kind.FILE_URL, fileId)));
    if (token.isEmpty()) {
      return new Outcome.Unauthorized("the FileUrl is not valid for this file, or has expired");
    }
    request.authenticatedAs(token.get().userId());
    Optional<FileRecord> file = catalog.findFile(fileId);
    if (file.isEmpty()) {
      return new Outcome.NotFound("no such file");
    }
    return announced(FileOperation.GET_FILE, new FileCall(token.get(), file.get(), request));
  }

  private Outcome announced(FileOperation op, FileCall call) {
    Outcome outcome = run(op, call);
    if (outcome instanceof Outcome.Ok ok) {
      FileEvents.of(op, call, ok, clock.instant()).ifPresent(events::happened);
    }
    return outcome;
  }

  private sealed interface Authorized {
    record Granted(FileCall call) implements Authorized {}

    record Refused(Outcome outcome) implements Authorized {}
  }

  private Authorized authorize(
      String fileId, String rawToken, FileOperation op, WopiRequest request) {
    Optional<AccessToken> token = Optional.ofNullable(rawToken).flatMap(tokens::verify);
    if (token.isEmpty()) {
      return refuse(new Outcome.Unauthorized("the access token is missing, malformed or expired"));
    }
    request.authenticatedAs(token.get().userId());
    boolean forThisFile = token.get().isForFile(fileId);
    if (!forThisFile && token.get().scope().kind() != Scope.Kind.CONTAINER) {
      return refuse(new Outcome.Unauthorized("the access token is not for this file"));
    }
    Optional<FileRecord> file = catalog.findFile(fileId);
    String scopeId = token.get().scope().id();
    if (!forThisFile && file.filter(f -> ancestry.reaches(scopeId, f.containerId())).isEmpty()) {
      return refuse(new Outcome.Unauthorized("the access token is not for this file"));
    }
    if (file.isEmpty()) {
      return refuse(new Outcome.NotFound("no such file"));
    }
    if (!token.get().can(op.required())) {
      return refuse(
          new Outcome.Unauthorized(
              "the access token does not allow " + op.required().name().toLowerCase(Locale.ROOT)));
    }
    return new Authorized.Granted(new FileCall(token.get(), file.get(), request));
  }

  private static Authorized refuse(Outcome outcome) {
    return new Authorized.Refused(outcome);
  }

  private Outcome run(FileOperation op, FileCall call) {
    return switch (op) {
      case CHECK_FILE_INFO -> infoOps.checkFileInfo(call);
      case GET_FILE -> contentOps.getFile(call);
      case LOCK -> lockOps.lock(call);
      case GET_LOCK -> lockOps.getLock(call);
      case REFRESH_LOCK -> lockOps.refreshLock(call);
      case UNLOCK -> lockOps.unlock(call);
      case UNLOCK_AND_RELOCK -> lockOps.unlockAndRelock(call);
      case PUT_FILE -> contentOps.putFile(call);
      case PUT_RELATIVE_FILE -> relativeOps.putRelativeFile(call);
      case RENAME_FILE -> nameOps.renameFile(call);
      case DELETE_FILE -> nameOps.deleteFile(call);
      case ENUMERATE_ANCESTORS -> infoOps.enumerateAncestors(call);
      case GET_SHARE_URL -> infoOps.getShareUrl(call);
      case PUT_USER_INFO -> infoOps.putUserInfo(call);
      case GET_ECOSYSTEM -> infoOps.getEcosystem(call);
      case ADD_ACTIVITIES -> activityOps.addActivities(call);
    };
  }
}
