package io.wopihost.core.wopi;

import io.wopihost.core.model.Ids;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GetShareUrl for files and containers, with the share lifetime. A file's link is a row of the
 * {@link ShareLinkStore}, the same kind the web UI makes: listed on the file's page and revocable
 * there. A container's link carries its own signed grant (the store knows files only); its scope
 * is a share kind, which no WOPI endpoint accepts, so it never works as an access token.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getshareurl">GetShareUrl</a>
 */
final class ShareLinks {

  /** The {@code X-WOPI-UrlType} values, for {@code SupportedShareUrlTypes}. */
  static final List<String> TYPES = List.of("ReadOnly", "ReadWrite");

  private final TokenService tokens;
  private final ShareLinkStore store;
  private final HostUrls urls;
  private final HostPolicy policy;
  private final Clock clock;

  ShareLinks(
      TokenService tokens, ShareLinkStore store, HostUrls urls, HostPolicy policy, Clock clock) {
    this.tokens = tokens;
    this.store = store;
    this.urls = urls;
    this.policy = policy;
    this.clock = clock;
  }

  Outcome fileShareUrl(AccessToken token, String fileId, WopiRequest request) {
    return canWrite(token, request)
        .map(
            write -> {
              Instant now = clock.instant();
              // Two ids: 256 random bits, as the web UI's links.
              var link =
                  new ShareLink(
                      Ids.newId() + Ids.newId(),
                      fileId,
                      token.userId(),
                      write,
                      now,
                      now.plus(policy.shareLinkTtl()));
              store.add(link);
              return (Outcome) Outcome.Ok.json(Map.of("ShareUrl", urls.shareLink(link.id())));
            })
        .orElseGet(() -> unsupported(request));
  }

  Outcome containerShareUrl(AccessToken token, String containerId, WopiRequest request) {
    return canWrite(token, request)
        .map(
            write -> {
              Set<Permission> rights =
                  write ? Set.of(Permission.READ, Permission.WRITE) : Set.of(Permission.READ);
              Instant expiry = clock.instant().plus(policy.shareLinkTtl());
              var grant =
                  new AccessToken(
                      token.userId(),
                      new Scope(Scope.Kind.SHARED_CONTAINER, containerId),
                      rights,
                      expiry);
              String url = urls.sharedContainer(tokens.issue(grant));
              return (Outcome) Outcome.Ok.json(Map.of("ShareUrl", url));
            })
        .orElseGet(() -> unsupported(request));
  }

  /** Whether the link may write; empty for a type this host does not give this token. */
  private static Optional<Boolean> canWrite(AccessToken token, WopiRequest request) {
    String type = request.header(WopiHeaders.URL_TYPE).orElse("");
    if (type.equals("ReadOnly")) {
      return Optional.of(false);
    }
    if (type.equals("ReadWrite") && token.can(Permission.WRITE)) {
      return Optional.of(true);
    }
    return Optional.empty();
  }

  private static Outcome unsupported(WopiRequest request) {
    return new Outcome.NotImplemented(
        "share URL type '" + request.header(WopiHeaders.URL_TYPE).orElse("") + "' is not supported");
  }
}
