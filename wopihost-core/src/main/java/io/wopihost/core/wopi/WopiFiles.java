package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.token.AccessToken;
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
 * without the operation's right is 401.
 */
public final class WopiFiles {

  private final Catalog catalog;
  private final TokenService tokens;
  private final LockOperations lockOps;
  private final ContentOperations contentOps;
  private final RelativeFileOperations relativeOps;
  private final NameOperations nameOps;
  private final FileInfoOperations infoOps;

  public WopiFiles(
      Catalog catalog,
      LockStore lockStore,
      BlobStore blobs,
      TokenService tokens,
      HostUrls urls,
      HostPolicy policy,
      Clock clock) {
    this.catalog = catalog;
    this.tokens = tokens;
    var locks = new LockManager(lockStore, clock);
    var uploads = new Uploads(blobs, policy, clock);
    var links = new FileLinks(tokens, urls);
    this.lockOps = new LockOperations(locks);
    this.contentOps = new ContentOperations(catalog, blobs, locks, uploads);
    this.relativeOps =
        new RelativeFileOperations(
            catalog, locks, uploads, new FileCreator(catalog), links, policy, urls);
    this.nameOps = new NameOperations(catalog, blobs, locks, policy);
    this.infoOps = new FileInfoOperations(catalog, tokens, urls, links, policy, clock);
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
      case Authorized.Granted granted -> run(op, granted.call(), rawToken);
    };
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
    if (!token.get().isForFile(fileId)) {
      return refuse(new Outcome.Unauthorized("the access token is not for this file"));
    }
    Optional<FileRecord> file = catalog.findFile(fileId);
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

  private Outcome run(FileOperation op, FileCall call, String rawToken) {
    return switch (op) {
      case CHECK_FILE_INFO -> infoOps.checkFileInfo(call, rawToken);
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
    };
  }
}
