package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 authorization-code flow with PKCE as a native app runs it against a {@link
 * TestHost}: the authorization request, the login form, and the token request. PKCE values are
 * computed here with the JDK, independently of the host's library.
 */
final class OAuthFlow {

  static final String CLIENT = "office";
  static final String REDIRECT = "https://localhost/callback";

  private final TestHost node;
  final String verifier;
  final String challenge;

  OAuthFlow(TestHost node) throws Exception {
    this.node = node;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    this.challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** The parameters of an authorization request of the registered client, with PKCE S256. */
  Map<String, String> request(String state) {
    var params = new LinkedHashMap<String, String>();
    params.put("response_type", "code");
    params.put("client_id", CLIENT);
    params.put("redirect_uri", REDIRECT);
    params.put("state", state);
    params.put("code_challenge", challenge);
    params.put("code_challenge_method", "S256");
    return params;
  }

  HttpResponse<byte[]> authorize(Map<String, String> params) throws Exception {
    return node.send("GET", node.uri("/oauth2/authorize?" + form(params)), null);
  }

  /** Posts the login form: the authorization request plus the credentials. */
  HttpResponse<byte[]> signIn(Map<String, String> params, String user, String password)
      throws Exception {
    var all = new LinkedHashMap<>(params);
    all.put("username", user);
    all.put("password", password);
    return node.send(
        "POST",
        node.uri("/oauth2/authorize"),
        form(all).getBytes(StandardCharsets.UTF_8),
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  /** Signs in and returns the code the redirect carries. */
  String code(String user, String password) throws Exception {
    HttpResponse<byte[]> redirect = signIn(request("s1"), user, password);
    assertThat(redirect.statusCode()).isEqualTo(302);
    Map<String, String> query = query(location(redirect));
    assertThat(query.get("state")).isEqualTo("s1");
    return query.get("code");
  }

  HttpResponse<byte[]> token(Map<String, String> params, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/x-www-form-urlencoded";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return node.send(
        "POST", node.uri("/oauth2/token"), form(params).getBytes(StandardCharsets.UTF_8), all);
  }

  /** A token request redeeming {@code code} with this flow's verifier. */
  Map<String, String> redeem(String code) {
    var params = new LinkedHashMap<String, String>();
    params.put("grant_type", "authorization_code");
    params.put("code", code);
    params.put("redirect_uri", REDIRECT);
    params.put("client_id", CLIENT);
    params.put("code_verifier", verifier);
    return params;
  }

  static URI location(HttpResponse<byte[]> response) {
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  static Map<String, String> query(URI uri) {
    var out = new LinkedHashMap<String, String>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
