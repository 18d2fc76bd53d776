package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.SaveRecovery;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The WOPI Containers endpoint: authenticates a call, finds the container, checks the token's
 * rights, and runs the operation. Every expected answer is an {@link Outcome}; thread safe.
 *
 * <p>A container token reaches its container and everything below it. The checks run in the
 * order of {@link WopiFiles}: a bad token, or one that does not reach the container, is 401
 * (never telling whether the container exists); a missing container is 404; a token without the
 * operation's right is 401.
 */
public final class WopiContainers {

  private final Catalog catalog;
  private final TokenService tokens;
  private final Ancestry ancestry;
  private final ContainerInfoOperations infoOps;
  private final ContainerChangeOperations changeOps;

  public WopiContainers(
      Catalog catalog,
      LockStore lockStore,
      BlobStore blobs,
      SaveRecovery recovery,
      TokenService tokens,
      ShareLinkStore shareLinks,
      HostUrls urls,
      HostPolicy policy,
      Clock clock) {
    this.catalog = catalog;
    this.tokens = tokens;
    var links = new FileLinks(tokens, urls);
    var uploads = new Uploads(blobs, policy, clock, recovery);
    var locks = new LockManager(lockStore, clock);
    this.ancestry = new Ancestry(catalog, links);
    var targeted =
        new TargetedFiles(catalog, locks, uploads, new FileCreator(catalog), links, policy, urls);
    this.infoOps =
        new ContainerInfoOperations(
            catalog, links, ancestry, new ShareLinks(tokens, shareLinks, urls, policy, clock));
    this.changeOps = new ContainerChangeOperations(catalog, targeted, uploads, ancestry, policy);
  }

  /**
   * Runs the operation a {@code POST /wopi/containers/{id}} names in {@code X-WOPI-Override}; an
   * unknown or missing override is 501, once the token and container have been checked.
   */
  public Outcome handleOverride(
      Optional<String> override, String containerId, String rawToken, WopiRequest request) {
    Optional<ContainerOperation> op = override.flatMap(ContainerOperation::forOverride);
    if (op.isPresent()) {
      return handle(op.get(), containerId, rawToken, request);
    }
    return switch (authorize(containerId, rawToken, ContainerOperation.CHECK_CONTAINER_INFO,
        request)) {
      case Authorized.Refused refused -> refused.outcome();
      case Authorized.Granted granted ->
          new Outcome.NotImplemented(
              "unsupported " + WopiHeaders.OVERRIDE + ": '" + override.orElse("") + "'");
    };
  }

  /**
   * Runs one operation on a container.
   *
   * @param rawToken the access token as the client sent it, or {@code null} when it sent none
   */
  public Outcome handle(
      ContainerOperation op, String containerId, String rawToken, WopiRequest request) {
    return switch (authorize(containerId, rawToken, op, request)) {
      case Authorized.Refused refused -> refused.outcome();
      case Authorized.Granted granted -> run(op, granted.call());
    };
  }

  private sealed interface Authorized {
    record Granted(ContainerCall call) implements Authorized {}

    record Refused(Outcome outcome) implements Authorized {}
  }

  private Authorized authorize(
      String containerId, String rawToken, ContainerOperation op, WopiRequest request) {
    Optional<AccessToken> token = Optional.ofNullable(rawToken).flatMap(tokens::verify);
    if (token.isEmpty()) {
      return refuse(new Outcome.Unauthorized("the access token is missing, malformed or expired"));
    }
    request.authenticatedAs(token.get().userId());
    Scope scope = token.get().scope();
    if (scope.kind() != Scope.Kind.CONTAINER) {
      return refuse(new Outcome.Unauthorized("the access token is not for a container"));
    }
    Optional<ContainerRecord> container = catalog.findContainer(containerId);
    boolean reached =
        scope.id().equals(containerId)
            || container.filter(c -> ancestry.reaches(scope.id(), c.id())).isPresent();
    if (!reached) {
      return refuse(new Outcome.Unauthorized("the access token is not for this container"));
    }
    if (container.isEmpty()) {
      return refuse(new Outcome.NotFound("no such container"));
    }
    if (!token.get().can(op.required())) {
      return refuse(
          new Outcome.Unauthorized(
              "the access token does not allow " + op.required().name().toLowerCase(Locale.ROOT)));
    }
    return new Authorized.Granted(new ContainerCall(token.get(), container.get(), request));
  }

  private static Authorized refuse(Outcome outcome) {
    return new Authorized.Refused(outcome);
  }

  private Outcome run(ContainerOperation op, ContainerCall call) {
    return switch (op) {
      case CHECK_CONTAINER_INFO -> infoOps.checkContainerInfo(call);
      case CREATE_CHILD_CONTAINER -> changeOps.createChildContainer(call);
      case CREATE_CHILD_FILE -> changeOps.createChildFile(call);
      case DELETE_CONTAINER -> changeOps.deleteContainer(call);
      case ENUMERATE_ANCESTORS -> infoOps.enumerateAncestors(call);
      case ENUMERATE_CHILDREN -> infoOps.enumerateChildren(call);
      case GET_SHARE_URL -> infoOps.getShareUrl(call);
      case RENAME_CONTAINER -> changeOps.renameContainer(call);
      case GET_ECOSYSTEM -> infoOps.getEcosystem(call);
    };
  }
}
