package io.wopihost.server.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.CodeStore;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import io.wopihost.server.config.Settings.OAuthSettings;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 authorization server that the bootstrapper's challenge points Office for iOS and
 * Android to: the authorization-code flow (RFC 6749) with PKCE (RFC 7636, S256 only) for the one
 * client in {@link OAuthSettings}, signing in the host's users. Requests are parsed and responses
 * written by the Nimbus OAuth SDK. Codes are single-use and expire ({@link CodeStore}); an access
 * token is a token of scope {@link Scope.Kind#USER}, which only the bootstrapper accepts. Thread
 * safe.
 */
public final class AuthorizationServer {

  /** What the authorization endpoint answers. */
  public sealed interface Step {

    /** Show the login page, which posts {@code parameters} back with the user's credentials. */
    record Login(Map<String, List<String>> parameters, Optional<String> error) implements Step {}

    /** Send the browser to {@code location}: the client, with a code or an OAuth error. */
    record Redirect(URI location) implements Step {}

    /** Show an error page: the request names no client or redirect URI to answer to. */
    record Refused(String reason) implements Step {}
  }

  private static final String USERNAME = "username";
  private static final String PASSWORD = "password";

  private final OAuthSettings settings;
  private final UserDirectory users;
  private final CodeStore codes;
  private final TokenService tokens;
  private final Clock clock;
  private final Duration accessTokenTtl;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param accessTokenTtl the lifetime of access tokens (and so of every WOPI token the
   *     bootstrapper mints from them)
   */
  public AuthorizationServer(
      OAuthSettings settings,
      UserDirectory users,
      CodeStore codes,
      TokenService tokens,
      Clock clock,
      Duration accessTokenTtl) {
    this.settings = settings;
    this.users = users;
    this.codes = codes;
    this.tokens = tokens;
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
  }

  /** {@code GET /oauth2/authorize}: checks the request, then asks the user to sign in. */
  public Step authorize(Map<String, List<String>> parameters) {
    AuthorizationRequest request;
    try {
      request = AuthorizationRequest.parse(parameters);
    } catch (ParseException e) {
      return isRegistered(e.getClientID(), e.getRedirectionURI())
          ? new Step.Redirect(
              new AuthorizationErrorResponse(
                      e.getRedirectionURI(),
                      e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject(),
                      e.getState(),
                      e.getResponseMode())
                  .toURI())
          : new Step.Refused("the request is not a valid OAuth authorization request");
    }
    if (!isRegistered(request.getClientID(), request.getRedirectionURI())) {
      return new Step.Refused("the client or its redirect_uri is not registered with this host");
    }
    Optional<ErrorObject> problem = problem(request);
    if (problem.isPresent()) {
      return new Step.Redirect(
          new AuthorizationErrorResponse(
                  request.getRedirectionURI(), problem.get(), request.getState(), null)
              .toURI());
    }
    return new Step.Login(parameters, Optional.empty());
  }

  /**
   * {@code POST /oauth2/authorize}: the login form. The right password redirects to the client
   * with a new code; a wrong one shows the login page again.
   */
  public Step signIn(Map<String, List<String>> form) {
    Map<String, List<String>> parameters = new HashMap<>(form);
    String username = first(parameters.remove(USERNAME));
    char[] password = first(parameters.remove(PASSWORD)).toCharArray();
    Step checked = authorize(parameters);
    if (!(checked instanceof Step.Login)) {
      return checked;
    }
    Optional<User> user = users.authenticate(username, password);
    if (user.isEmpty()) {
      return new Step.Login(parameters, Optional.of("The user name or the password is wrong."));
    }
    AuthorizationRequest request;
    try {
      request = AuthorizationRequest.parse(parameters);
    } catch (ParseException e) {
      throw new IllegalStateException("authorize() accepted the request", e);
    }
    var code = new AuthorizationCode();
    CodeChallenge challenge = request.getCodeChallenge();
    var grant =
        new Grant(
            request.getClientID().getValue(),
            request.getRedirectionURI().toString(),
            user.get().id(),
            challenge == null ? null : challenge.getValue());
    codes.put(code.getValue(), write(grant), clock.instant().plus(settings.codeTtl()));
    return new Step.Redirect(
        new AuthorizationSuccessResponse(
                request.getRedirectionURI(), code, null, request.getState(), null)
            .toURI());
  }

  /** {@code POST /oauth2/token}: redeems a code for an access token. */
  public HTTPResponse token(HTTPRequest http) {
    TokenRequest request;
    try {
      request = TokenRequest.parse(http);
    } catch (ParseException e) {
      return error(e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject());
    }
    Optional<String> clientId = authenticatedClient(request);
    if (clientId.isEmpty()) {
      return error(OAuth2Error.INVALID_CLIENT);
    }
    if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
      return error(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
    }
    Instant now = clock.instant();
    Optional<Grant> stored =
        codes.redeem(grant.getAuthorizationCode().getValue(), now).map(this::read);
    if (stored.isEmpty()
        || !stored.get().clientId().equals(clientId.get())
        || grant.getRedirectionURI() == null
        || !stored.get().redirectUri().equals(grant.getRedirectionURI().toString())
        || !pkceHolds(stored.get(), grant.getCodeVerifier())) {
      return error(OAuth2Error.INVALID_GRANT);
    }
    Instant expiry = now.plus(accessTokenTtl);
    String user = stored.get().userId();
    String token =
        tokens.issue(
            new AccessToken(
                user, new Scope(Scope.Kind.USER, user), EnumSet.allOf(Permission.class), expiry));
    var bearer = new BearerAccessToken(token, accessTokenTtl.toSeconds(), null);
    return new AccessTokenResponse(new Tokens(bearer, null)).toHTTPResponse();
  }

  /** Why the request cannot be granted, told to the client: only the code flow, PKCE by S256. */
  private Optional<ErrorObject> problem(AuthorizationRequest request) {
    if (!ResponseType.CODE.equals(request.getResponseType())) {
      return Optional.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE);
    }
    CodeChallenge challenge = request.getCodeChallenge();
    if (challenge == null && settings.clientSecret().isEmpty()) {
      return Optional.of(
          OAuth2Error.INVALID_REQUEST.setDescription("a public client must use PKCE (S256)"));
    }
    if (challenge != null && !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
      return Optional.of(
          OAuth2Error.INVALID_REQUEST.setDescription("the code challenge method must be S256"));
    }
    return Optional.empty();
  }

  private boolean isRegistered(ClientID clientId, URI redirectUri) {
    return clientId != null
        && clientId.getValue().equals(settings.clientId())
        && redirectUri != null
        && settings.redirectUris().contains(redirectUri);
  }

  /**
   * The client the request authenticates: with a configured secret, only by that secret (basic
   * or post); without one, a public client naming itself.
   */
  private Optional<String> authenticatedClient(TokenRequest request) {
    ClientAuthentication auth = request.getClientAuthentication();
    if (settings.clientSecret().isPresent()) {
      boolean valid =
          auth instanceof PlainClientSecret secret
              && secret.getClientID().getValue().equals(settings.clientId())
              && MessageDigest.isEqual(
                  secret.getClientSecret().getValueBytes(), settings.clientSecret().get().bytes());
      return valid ? Optional.of(settings.clientId()) : Optional.empty();
    }
    ClientID id = auth != null ? auth.getClientID() : request.getClientID();
    return Optional.ofNullable(id).map(ClientID::getValue).filter(settings.clientId()::equals);
  }

  private static boolean pkceHolds(Grant grant, CodeVerifier verifier) {
    if (grant.codeChallenge() == null) {
      return true;
    }
    return verifier != null
        && CodeChallenge.compute(CodeChallengeMethod.S256, verifier)
            .getValue()
            .equals(grant.codeChallenge());
  }

  private static HTTPResponse error(ErrorObject error) {
    return new TokenErrorResponse(error).toHTTPResponse();
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /** What a code stands for until it is redeemed. */
  record Grant(String clientId, String redirectUri, String userId, String codeChallenge) {}

  private String write(Grant grant) {
    try {
      return json.writeValueAsString(grant);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a grant is plain strings", e);
    }
  }

  private Grant read(String value) {
    try {
      return json.readValue(value, Grant.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored grant is not readable: " + e.getMessage(), e);
    }
  }
}
