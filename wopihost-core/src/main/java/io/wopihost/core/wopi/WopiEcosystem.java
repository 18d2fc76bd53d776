package io.wopihost.core.wopi;

import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The Ecosystem endpoint, reached with a token from GetEcosystem or Bootstrap: CheckEcosystem,
 * GetRootContainer and GetFileWopiSrc. Only ecosystem tokens are accepted. Thread safe.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/checkecosystem">CheckEcosystem</a>
 */
public final class WopiEcosystem {

  /** The {@code X-WOPI-Override} of GetFileWopiSrc. */
  public static final String GET_WOPI_SRC = "GET_WOPI_SRC_WITH_ACCESS_TOKEN";

  private final TokenService tokens;
  private final EcosystemOperations ops;

  /**
   * @param shareLinks resolves the file share links GetFileWopiSrc may be given
   */
  public WopiEcosystem(
      Catalog catalog, TokenService tokens, HostUrls urls, ShareLinkStore shareLinks, Clock clock) {
    this.tokens = tokens;
    this.ops = new EcosystemOperations(catalog, tokens, urls, shareLinks, clock);
  }

  /** CheckEcosystem: {@code SupportsContainers} matches CheckFileInfo. */
  public Outcome checkEcosystem(String rawToken, WopiRequest request) {
    return withToken(rawToken, request, t -> Outcome.Ok.json(Map.of("SupportsContainers", true)));
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/getrootcontainer">GetRootContainer</a> */
  public Outcome getRootContainer(String rawToken, WopiRequest request) {
    return withToken(rawToken, request, t -> Outcome.Ok.json(ops.rootContainer(t)));
  }

  /**
   * {@code POST /wopi/ecosystem}: GetFileWopiSrc when {@code X-WOPI-Override} names it, else 501
   * once the token has been checked.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/getfilewopisrc">GetFileWopiSrc</a>
   */
  public Outcome handleOverride(Optional<String> override, String rawToken, WopiRequest request) {
    return withToken(
        rawToken,
        request,
        t ->
            override.filter(GET_WOPI_SRC::equals).isPresent()
                ? ops.fileWopiSrc(t, request.header(WopiHeaders.HOST_NATIVE_FILE_NAME))
                : new Outcome.NotImplemented(
                    "unsupported " + WopiHeaders.OVERRIDE + ": '" + override.orElse("") + "'"));
  }

  private interface Operation {
    Outcome run(AccessToken token);
  }

  private Outcome withToken(String rawToken, WopiRequest request, Operation operation) {
    Optional<AccessToken> token =
        Optional.ofNullable(rawToken)
            .flatMap(tokens::verify)
            .filter(t -> t.scope().kind() == Scope.Kind.ECOSYSTEM);
    if (token.isEmpty()) {
      return new Outcome.Unauthorized("the access token is not a valid ecosystem token");
    }
    request.authenticatedAs(token.get().userId());
    return operation.run(token.get());
  }
}
