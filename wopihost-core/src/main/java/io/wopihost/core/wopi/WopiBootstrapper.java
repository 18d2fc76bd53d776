package io.wopihost.core.wopi;

import io.wopihost.core.model.User;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bootstrapper ({@code /wopibootstrapper}), where Office for iOS and Android trade an OAuth
 * 2.0 access token of the host's own authorization server for WOPI access tokens: Bootstrap,
 * GetNewAccessToken and the shortcuts GET_ROOT_CONTAINER and GET_WOPI_SRC_WITH_ACCESS_TOKEN. A
 * missing, invalid or expired OAuth token is {@link Outcome.Unauthorized}, to which the HTTP
 * layer adds the {@code WWW-Authenticate} challenge. Every WOPI token minted here comes from the
 * OAuth token and never outlives it. Thread safe.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/bootstrapper/bootstrap">Bootstrap</a>
 */
public final class WopiBootstrapper {

  private final TokenService tokens;
  private final UserDirectory users;
  private final FileLinks links;
  private final EcosystemOperations ecosystem;

  /**
   * @param shareLinks resolves the file share links GetFileWopiSrc may be given
   */
  public WopiBootstrapper(
      Catalog catalog,
      TokenService tokens,
      HostUrls urls,
      UserDirectory users,
      ShareLinkStore shareLinks,
      Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.links = new FileLinks(tokens, urls);
    this.ecosystem = new EcosystemOperations(catalog, tokens, urls, shareLinks, clock);
  }

  /**
   * {@code GET /wopibootstrapper} and any {@code POST} whose {@code X-WOPI-EcosystemOperation}
   * the host does not implement, which the spec answers as Bootstrap.
   *
   * @param bearer the OAuth access token, or {@code null} when the client sent none
   */
  public Outcome bootstrap(String bearer, WopiRequest request) {
    return withUser(bearer, request, (oauth, user) -> Outcome.Ok.json(
        Map.of("Bootstrap", bootstrapInfo(oauth, user))));
  }

  /** {@code POST /wopibootstrapper}: the operation {@code X-WOPI-EcosystemOperation} names. */
  public Outcome handle(String bearer, WopiRequest request) {
    String operation = request.header(WopiHeaders.ECOSYSTEM_OPERATION).orElse("").trim();
    return withUser(bearer, request, (oauth, user) -> {
      var answer = new LinkedHashMap<String, Object>();
      answer.put("Bootstrap", bootstrapInfo(oauth, user));
      switch (operation) {
        case "GET_NEW_ACCESS_TOKEN" -> {
          Optional<AccessToken> grant =
              request.header(WopiHeaders.WOPI_SRC).flatMap(src -> ecosystem.grantFor(oauth, src));
          if (grant.isEmpty()) {
            return new Outcome.NotFound("no file or container of this user has that WOPISrc");
          }
          answer.put(
              "AccessTokenInfo",
              Map.of(
                  "AccessToken", tokens.issue(grant.get()),
                  "AccessTokenExpiry", grant.get().expiresAt().toEpochMilli()));
        }
        case "GET_ROOT_CONTAINER" ->
            answer.put("RootContainerInfo", ecosystem.rootContainer(oauth));
        case WopiEcosystem.GET_WOPI_SRC -> {
          Outcome src =
              ecosystem.fileWopiSrc(oauth, request.header(WopiHeaders.HOST_NATIVE_FILE_NAME));
          if (!(src instanceof Outcome.Ok ok && ok.body() instanceof Body.Json json)) {
            return src;
          }
          answer.put("WopiSrcInfo", json.properties());
        }
        default -> {
          // Not a shortcut this host knows: answered as Bootstrap, as the spec allows.
        }
      }
      return Outcome.Ok.json(answer);
    });
  }

  private Map<String, Object> bootstrapInfo(AccessToken oauth, User user) {
    return Map.of(
        "EcosystemUrl", links.ecosystemUrl(oauth),
        "UserId", user.id(),
        "SignInName", user.id(),
        "UserFriendlyName", user.displayName());
  }

  private interface Operation {
    Outcome run(AccessToken oauth, User user);
  }

  /** Only an OAuth token (scope {@link Scope.Kind#USER}) of a user who still exists counts. */
  private Outcome withUser(String bearer, WopiRequest request, Operation operation) {
    Optional<AccessToken> oauth =
        Optional.ofNullable(bearer)
            .flatMap(tokens::verify)
            .filter(t -> t.scope().kind() == Scope.Kind.USER);
    Optional<User> user = oauth.flatMap(t -> users.find(t.userId()));
    if (user.isEmpty()) {
      return new Outcome.Unauthorized("the OAuth access token is missing, invalid or expired");
    }
    request.authenticatedAs(user.get().id());
    return operation.run(oauth.get(), user.get());
  }
}
