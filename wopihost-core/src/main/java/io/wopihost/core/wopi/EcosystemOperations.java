package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ecosystem endpoint and the bootstrapper's shortcuts share: the user's root container,
 * and access tokens for files and containers named by URL. A user reaches the files and
 * containers of their own tree, and a file someone shared with a link they hold. Every token
 * minted here comes from the caller's token and never outlives it.
 */
final class EcosystemOperations {

  private final Catalog catalog;
  private final TokenService tokens;
  private final HostUrls urls;
  private final Ancestry ancestry;
  private final ShareLinkStore shareLinks;
  private final Clock clock;

  EcosystemOperations(
      Catalog catalog,
      TokenService tokens,
      HostUrls urls,
      ShareLinkStore shareLinks,
      Clock clock) {
    this.catalog = catalog;
    this.tokens = tokens;
    this.urls = urls;
    this.shareLinks = shareLinks;
    this.clock = clock;
    this.ancestry = new Ancestry(catalog, new FileLinks(tokens, urls));
  }

  /** GetRootContainer: the user's root container (made on first use), pointer and info. */
  Map<String, Object> rootContainer(AccessToken from) {
    ContainerRecord root = catalog.rootContainer(from.userId(), Ids.newId());
    return Map.of(
        "ContainerPointer",
        ancestry.pointer(from, root),
        "ContainerInfo",
        ContainerInfoOperations.info(from.forScope(Scope.container(root.id())), root));
  }

  /**
   * GetFileWopiSrc: a WOPISrc with a token for the file that {@code X-WOPI-HostNativeFileName}
   * names, which may be its WOPISrc, its HostViewUrl or HostEditUrl, a share URL of it, or its
   * id. A share URL gives the rights it carries, for no longer than it lasts.
   */
  Outcome fileWopiSrc(AccessToken from, Optional<String> nativeName) {
    Optional<AccessToken> grant =
        nativeName.map(String::trim).flatMap(name -> fileGrant(from, name));
    if (grant.isEmpty()) {
      return new Outcome.NotFound("no file of this user is known by that name");
    }
    String src = urls.wopiSrc(grant.get().scope().id());
    return Outcome.Ok.json(
        Map.of(
            "Url",
            HostUrls.withToken(src, tokens.issue(grant.get()))
                + "&access_token_ttl="
                + grant.get().expiresAt().toEpochMilli()));
  }

  /** A token for the file or container a WOPISrc names, if the user reaches it. */
  Optional<AccessToken> grantFor(AccessToken from, String wopiSrc) {
    Optional<AccessToken> file =
        urls.fileIdIn(wopiSrc)
            .flatMap(catalog::findFile)
            .filter(f -> owns(from.userId(), f))
            .map(f -> from.forScope(Scope.file(f.id())));
    if (file.isPresent()) {
      return file;
    }
    return urls.containerIdIn(wopiSrc)
        .flatMap(catalog::findContainer)
        .filter(c -> c.ownerId().equals(from.userId()))
        .map(c -> from.forScope(Scope.container(c.id())));
  }

  private Optional<AccessToken> fileGrant(AccessToken from, String name) {
    Optional<AccessToken> shared =
        urls.shareLinkIn(name)
            .flatMap(id -> shareLinks.findLive(id, clock.instant()))
            .filter(link -> catalog.findFile(link.fileId()).isPresent())
            .map(link -> shareGrant(from, link));
    if (shared.isPresent()) {
      return shared;
    }
    Optional<String> fileId =
        urls.fileIdIn(name).or(() -> Optional.of(name).filter(Ids::isWellFormed));
    return fileId
        .flatMap(catalog::findFile)
        .filter(f -> owns(from.userId(), f))
        .map(f -> from.forScope(Scope.file(f.id())));
  }

  /** The caller's user, with the rights both grant, until the first of them expires. */
  private static AccessToken shareGrant(AccessToken from, ShareLink share) {
    Set<Permission> rights = EnumSet.of(Permission.READ);
    if (share.canWrite()) {
      rights.add(Permission.WRITE);
    }
    rights.retainAll(from.permissions());
    Instant expiry =
        from.expiresAt().isBefore(share.expiresAt()) ? from.expiresAt() : share.expiresAt();
    return new AccessToken(from.userId(), Scope.file(share.fileId()), rights, expiry);
  }

  /** A user reaches a file they own, and any file in a container they own. */
  private boolean owns(String userId, FileRecord file) {
    return file.ownerId().equals(userId)
        || catalog.findContainer(file.containerId())
            .filter(c -> c.ownerId().equals(userId))
            .isPresent();
  }
}
