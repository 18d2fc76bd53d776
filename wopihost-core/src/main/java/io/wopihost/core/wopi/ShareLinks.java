package io.wopihost.core.wopi;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GetShareUrl for files and containers: a browser URL carrying its own signed grant, with the
 * share lifetime. The grant's scope is a share kind, which no WOPI endpoint accepts, so a share
 * link never works as an access token (it carries the sharer's user id).
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/getshareurl">GetShareUrl</a>
 */
final class ShareLinks {

  /** The {@code X-WOPI-UrlType} values, for {@code SupportedShareUrlTypes}. */
  static final List<String> TYPES = List.of("ReadOnly", "ReadWrite");

  private final TokenService tokens;
  private final HostUrls urls;
  private final HostPolicy policy;
  private final Clock clock;

  ShareLinks(TokenService tokens, HostUrls urls, HostPolicy policy, Clock clock) {
    this.tokens = tokens;
    this.urls = urls;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * @param shared a {@link Scope.Kind#SHARED_FILE} or {@link Scope.Kind#SHARED_CONTAINER} scope
   */
  Outcome shareUrl(AccessToken token, Scope shared, WopiRequest request) {
    String type = request.header(WopiHeaders.URL_TYPE).orElse("");
    Set<Permission> rights;
    if (type.equals("ReadOnly")) {
      rights = Set.of(Permission.READ);
    } else if (type.equals("ReadWrite") && token.can(Permission.WRITE)) {
      rights = Set.of(Permission.READ, Permission.WRITE);
    } else {
      return new Outcome.NotImplemented("share URL type '" + type + "' is not supported");
    }
    Instant expiry = clock.instant().plus(policy.shareLinkTtl());
    var grant = new AccessToken(token.userId(), shared, rights, expiry);
    String link = tokens.issue(grant);
    String url =
        shared.kind() == Scope.Kind.SHARED_CONTAINER
            ? urls.sharedContainer(link)
            : urls.share(link);
    return Outcome.Ok.json(Map.of("ShareUrl", url));
  }
}
