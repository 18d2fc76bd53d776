package io.wopihost.server;

import static io.wopihost.server.WopiClient.json;
import static io.wopihost.server.WopiClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.User;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrapper and the host's OAuth 2.0 server over HTTP (WOPI.md §10): the challenge, the
 * authorization-code flow with PKCE and its failures, Bootstrap, GetNewAccessToken and the
 * shortcuts; and the whole walk of Office for iOS and Android.
 */
class BootstrapperTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  private static TestHost node;
  private static UrlClient wopi;

  @BeforeAll
  static void start() throws Exception {
    node =
        TestHost.start(
            dir,
            Map.of(
                "oauth-redirect-uris", OAuthFlow.REDIRECT + ",https://localhost/other",
                "oauth-provider-id", "tpwopihost",
                "password-hash-cost", "4"));
    wopi = new UrlClient(node);
    for (String user : new String[] {"nora", "oscar", "pia"}) {
      node.host.users().tryAdd(new User(user, "Display " + user), PASSWORD.toCharArray());
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static HttpResponse<byte[]> bootstrapper(String method, String... headers)
      throws Exception {
    return node.send(method, node.uri("/wopibootstrapper"), method.equals("POST")
        ? new byte[0] : null, headers);
  }

  /** An OAuth access token of {@code user}, through the login page and the token endpoint. */
  private static String accessToken(String user) throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    HttpResponse<byte[]> token = flow.token(flow.redeem(flow.code(user, PASSWORD)));
    assertThat(token.statusCode()).isEqualTo(200);
    return json(token).get("access_token").asText();
  }

  @Test
  void bootstrap_withoutAValidOAuthToken_is401WithTheExactChallenge() throws Exception {
    String base = node.host.publicUrl().toString();
    String expected =
        "Bearer authorization_uri=\"" + base + "/oauth2/authorize\",tokenIssuance_uri=\""
            + base + "/oauth2/token\",providerId=\"tpwopihost\"";
    String wopiToken = node.newFile("a.txt", new byte[] {1}).token();

    for (HttpResponse<byte[]> response :
        List.of(
            bootstrapper("GET"),
            bootstrapper("GET", "Authorization", "Bearer "),
            bootstrapper("GET", "Authorization", "Bearer not-a-token"),
            bootstrapper("GET", "Authorization", "Bearer " + wopiToken),
            bootstrapper("POST", "Authorization", "Basic abc",
                "X-WOPI-EcosystemOperation", "GET_ROOT_CONTAINER"))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(expected);
    }
  }

  @Test
  void authorize_registeredClientWithPkce_showsALoginPageThatPostsTheRequestBack()
      throws Exception {
    OAuthFlow flow = new OAuthFlow(node);

    HttpResponse<byte[]> page = flow.authorize(flow.request("st<at>e"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(text(page))
        .contains("<form method=\"post\" action=\"/oauth2/authorize\">")
        .contains("name=\"password\" type=\"password\"")
        .contains("value=\"" + flow.challenge + "\"")
        .contains("value=\"st&lt;at&gt;e\"");
  }

  @Test
  void authorize_unregisteredClientOrRedirect_refusesWithoutRedirecting() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    Map<String, String> evilRedirect = flow.request("s");
    evilRedirect.put("redirect_uri", "https://evil.example/cb");
    Map<String, String> otherClient = flow.request("s");
    otherClient.put("client_id", "someone-else");

    for (Map<String, String> request : List.of(evilRedirect, otherClient)) {
      HttpResponse<byte[]> response = flow.authorize(request);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).isEmpty();
    }
  }

  @Test
  void authorize_withoutPkceOrWithPlainPkce_redirectsWithInvalidRequest() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    Map<String, String> noPkce = flow.request("s2");
    noPkce.remove("code_challenge");
    noPkce.remove("code_challenge_method");
    Map<String, String> plain = flow.request("s2");
    plain.put("code_challenge_method", "plain");

    for (Map<String, String> request : List.of(noPkce, plain)) {
      HttpResponse<byte[]> response = flow.authorize(request);
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(OAuthFlow.location(response).toString()).startsWith(OAuthFlow.REDIRECT + "?");
      assertThat(OAuthFlow.query(OAuthFlow.location(response)))
          .containsEntry("error", "invalid_request")
          .containsEntry("state", "s2")
          .doesNotContainKey("code");
    }
  }

  @Test
  void signIn_wrongPasswordOrUnknownUser_showsTheFormAgainWithoutACode() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);

    for (String[] credentials : new String[][] {{"nora", "wrong"}, {"nobody", PASSWORD}}) {
      HttpResponse<byte[]> response =
          flow.signIn(flow.request("s"), credentials[0], credentials[1]);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Location")).isEmpty();
      assertThat(text(response)).contains("wrong").contains("<form");
    }
  }

  @Test
  void token_rightCodeAndVerifier_issuesABearerTokenWithItsLifetime() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);

    HttpResponse<byte[]> response = flow.token(flow.redeem(flow.code("nora", PASSWORD)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = json(response);
    assertThat(body.get("token_type").asText()).isEqualToIgnoringCase("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(Duration.ofHours(10).toSeconds());
    AccessToken grant = node.host.tokens().verify(body.get("access_token").asText()).orElseThrow();
    assertThat(grant.scope()).isEqualTo(new Scope(Scope.Kind.USER, "nora"));
    assertThat(grant.expiresAt()).isEqualTo(node.clock.instant().plus(Duration.ofHours(10)));
  }

  @Test
  void token_codeUsedTwice_secondIsInvalidGrant() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    Map<String, String> redeem = flow.redeem(flow.code("nora", PASSWORD));

    assertThat(flow.token(redeem).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> again = flow.token(redeem);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void token_wrongOrMissingVerifierOrOtherRedirect_isInvalidGrant() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    Map<String, String> wrongVerifier = flow.redeem(flow.code("nora", PASSWORD));
    wrongVerifier.put("code_verifier", new OAuthFlow(node).verifier);
    Map<String, String> noVerifier = flow.redeem(flow.code("nora", PASSWORD));
    noVerifier.remove("code_verifier");
    Map<String, String> otherRedirect = flow.redeem(flow.code("nora", PASSWORD));
    otherRedirect.put("redirect_uri", "https://localhost/other");

    for (Map<String, String> request : List.of(wrongVerifier, noVerifier, otherRedirect)) {
      HttpResponse<byte[]> response = flow.token(request);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
    }
  }

  @Test
  void token_expiredCode_isInvalidGrant() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    String code = flow.code("nora", PASSWORD);

    node.clock.advance(Duration.ofSeconds(61));
    HttpResponse<byte[]> response = flow.token(flow.redeem(code));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void token_otherClientOrGrantType_isRefused() throws Exception {
    OAuthFlow flow = new OAuthFlow(node);
    Map<String, String> otherClient = flow.redeem(flow.code("nora", PASSWORD));
    otherClient.put("client_id", "someone-else");
    Map<String, String> password =
        Map.of("grant_type", "password", "username", "nora", "password", PASSWORD,
            "client_id", OAuthFlow.CLIENT);

    assertThat(json(flow.token(otherClient)).get("error").asText()).isEqualTo("invalid_client");
    assertThat(json(flow.token(password)).get("error").asText())
        .isEqualTo("unsupported_grant_type");
  }

  @Test
  void token_confidentialClient_needsItsSecret(@TempDir Path other) throws Exception {
    try (TestHost confidential =
        TestHost.start(
            other,
            Map.of(
                "oauth-redirect-uris", OAuthFlow.REDIRECT,
                "oauth-client-secret", "s3cret-of-the-client",
                "password-hash-cost", "4"))) {
      confidential.host.users().tryAdd(new User("nora", "Nora"), PASSWORD.toCharArray());
      OAuthFlow flow = new OAuthFlow(confidential);
      Map<String, String> withoutSecret = flow.redeem(flow.code("nora", PASSWORD));
      String basic =
          "Basic " + Base64.getEncoder().encodeToString(
              "office:s3cret-of-the-client".getBytes(StandardCharsets.UTF_8));

      HttpResponse<byte[]> refused = flow.token(withoutSecret);
      HttpResponse<byte[]> granted = flow.token(flow.redeem(flow.code("nora", PASSWORD)),
          "Authorization", basic);

      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
      assertThat(granted.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void bootstrap_bearerWithOrWithoutColon_answersTheUserAndAnEcosystemUrl() throws Exception {
    String token = accessToken("oscar");

    for (String authorization : new String[] {"Bearer " + token, "Bearer: " + token}) {
      HttpResponse<byte[]> response = bootstrapper("GET", "Authorization", authorization);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/json");
      JsonNode bootstrap = json(response).get("Bootstrap");
      assertThat(bootstrap.get("UserId").asText()).isEqualTo("oscar");
      assertThat(bootstrap.get("SignInName").asText()).isEqualTo("oscar");
      assertThat(bootstrap.get("UserFriendlyName").asText()).isEqualTo("Display oscar");
      String ecosystem = bootstrap.get("EcosystemUrl").asText();
      assertThat(wopi.json(ecosystem, "").get("SupportsContainers").asBoolean()).isTrue();
      assertThat(wopi.grantIn(ecosystem).expiresAt())
          .isEqualTo(node.host.tokens().verify(token).orElseThrow().expiresAt());
    }
  }

  @Test
  void getNewAccessToken_ownFileOrContainer_givesATokenThatWorksUntilTheOAuthTokenExpires()
      throws Exception {
    String token = accessToken("pia");
    WopiClient file = node.newFile("mine.docx", new byte[] {1}, "pia");
    String root =
        node.host.catalog().findFile(file.fileId()).orElseThrow().containerId();
    AccessToken oauth = node.host.tokens().verify(token).orElseThrow();

    for (String src :
        new String[] {node.wopiSrc(file.fileId()), node.host.urls().containerSrc(root)}) {
      HttpResponse<byte[]> response =
          bootstrapper("POST", "Authorization", "Bearer " + token,
              "X-WOPI-EcosystemOperation", "GET_NEW_ACCESS_TOKEN", "X-WOPI-WopiSrc", src);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = json(response);
      assertThat(body.at("/Bootstrap/UserId").asText()).isEqualTo("pia");
      String wopiToken = body.at("/AccessTokenInfo/AccessToken").asText();
      assertThat(body.at("/AccessTokenInfo/AccessTokenExpiry").asLong())
          .isEqualTo(oauth.expiresAt().toEpochMilli());
      assertThat(wopi.get(src + "?access_token=" + wopiToken).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void getNewAccessToken_someoneElsesOrUnknownWopiSrc_isNotFound() throws Exception {
    String token = accessToken("pia");
    WopiClient others = node.newFile("theirs.docx", new byte[] {1}, "quinn");

    for (String src : new String[] {node.wopiSrc(others.fileId()), "https://x.example/wopi/files/1"}) {
      HttpResponse<byte[]> response =
          bootstrapper("POST", "Authorization", "Bearer " + token,
              "X-WOPI-EcosystemOperation", "GET_NEW_ACCESS_TOKEN", "X-WOPI-WopiSrc", src);
      assertThat(response.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void shortcuts_rootContainerAndWopiSrc_answerBesideTheBootstrap() throws Exception {
    String token = accessToken("pia");
    WopiClient file = node.newFile("short.docx", new byte[] {1}, "pia");

    JsonNode root = json(bootstrapper("POST", "Authorization", "Bearer " + token,
        "X-WOPI-EcosystemOperation", "GET_ROOT_CONTAINER"));
    JsonNode src = json(bootstrapper("POST", "Authorization", "Bearer " + token,
        "X-WOPI-EcosystemOperation", "GET_WOPI_SRC_WITH_ACCESS_TOKEN",
        "X-WOPI-HostNativeFileName", node.host.urls().hostPage(file.fileId(), "edit")));
    JsonNode unknown = json(bootstrapper("POST", "Authorization", "Bearer " + token,
        "X-WOPI-EcosystemOperation", "SOMETHING_NEW"));

    assertThat(root.at("/Bootstrap/UserId").asText()).isEqualTo("pia");
    assertThat(root.at("/RootContainerInfo/ContainerPointer/Name").asText()).isEqualTo("pia");
    assertThat(wopi.json(root.at("/RootContainerInfo/ContainerPointer/Url").asText(), "")
        .get("Name").asText()).isEqualTo("pia");
    assertThat(wopi.json(src.at("/WopiSrcInfo/Url").asText(), "").get("BaseFileName").asText())
        .isEqualTo("short.docx");
    assertThat(unknown.fieldNames()).toIterable().containsExactly("Bootstrap");
  }

  /**
   * Office for iOS and Android: a 401 tells it where to sign in; the OAuth code flow with PKCE
   * gives it a token; Bootstrap trades that for the ecosystem; from there it finds the root
   * container, lists it, and opens a file.
   */
  @Test
  void officeMobile_signsInBootstrapsFindsTheRootAndOpensAFile() throws Exception {
    node.host.users().tryAdd(new User("rita@example.com", "Rita"), "r1t4's pw".toCharArray());
    node.newFile("Budget.xlsx", "cells".getBytes(StandardCharsets.UTF_8), "rita@example.com");

    HttpResponse<byte[]> challenge = bootstrapper("GET");
    assertThat(challenge.statusCode()).isEqualTo(401);
    String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
    String authorizeUri = header.replaceFirst(".*authorization_uri=\"([^\"]+)\".*", "$1");
    assertThat(authorizeUri).isEqualTo(node.host.publicUrl() + "/oauth2/authorize");

    OAuthFlow flow = new OAuthFlow(node);
    assertThat(flow.authorize(flow.request("xyz")).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> redirect =
        flow.signIn(flow.request("xyz"), "rita@example.com", "r1t4's pw");
    Map<String, String> callback = OAuthFlow.query(OAuthFlow.location(redirect));
    assertThat(callback).containsEntry("state", "xyz");
    String oauth = json(flow.token(flow.redeem(callback.get("code")))).get("access_token").asText();

    JsonNode bootstrap =
        json(bootstrapper("GET", "Authorization", "Bearer " + oauth)).get("Bootstrap");
    String ecosystem = bootstrap.get("EcosystemUrl").asText();
    assertThat(wopi.json(ecosystem, "").get("SupportsContainers").asBoolean()).isTrue();
    JsonNode root = wopi.json(ecosystem, "/root_container_pointer");
    String rootUrl = root.at("/ContainerPointer/Url").asText();
    JsonNode file = wopi.json(rootUrl, "/children").get("ChildFiles").get(0);
    String fileUrl = file.get("Url").asText();
    JsonNode info = wopi.json(fileUrl, "");

    assertThat(file.get("Name").asText()).isEqualTo("Budget.xlsx");
    assertThat(info.get("UserId").asText()).isEqualTo("rita@example.com");
    assertThat(info.get("UserCanWrite").asBoolean()).isTrue();
    assertThat(wopi.get(fileUrl, "/contents").body())
        .isEqualTo("cells".getBytes(StandardCharsets.UTF_8));
  }
}
