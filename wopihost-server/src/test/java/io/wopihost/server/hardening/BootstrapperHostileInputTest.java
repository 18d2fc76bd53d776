package io.wopihost.server.hardening;

import static io.wopihost.server.hardening.HostileCase.any4xx;
import static io.wopihost.server.hardening.HostileCase.label;

import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile requests on the bootstrapper and its OAuth 2.0 endpoints (issue 8): junk
 * {@code Authorization} headers and tokens of the wrong kind, unknown operations, WOPISrc and file
 * names that reach no file of the user, junk and oversized OAuth requests. Each gets a 4xx (or the
 * spec's own status) within a bound, and the user's tree stays as it was.
 */
final class BootstrapperHostileInputTest {

  private static final String REDIRECT = "https://localhost/callback";

  @TempDir static Path dir;
  private static TestHost host;
  private static int owners;

  @BeforeAll
  static void start() throws Exception {
    host =
        TestHost.start(
            dir, Map.of("oauth-redirect-uris", REDIRECT, "password-hash-cost", "4"));
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  private interface Attack extends HostileCase.Attack<VictimTree> {}

  /** An {@code Authorization} value made for the tree under attack. */
  private interface HeaderFor {
    String of(VictimTree tree) throws Exception;
  }

  private static Attack bootstrapper(String method, String... headers) {
    return t -> t.host().send(method, t.host().uri("/wopibootstrapper"),
        method.equals("POST") ? new byte[0] : null, headers).statusCode();
  }

  /** POST /wopibootstrapper with the owner's OAuth token and more headers. */
  private static Attack withOAuth(String... headers) {
    return t -> {
      String[] all = new String[headers.length + 2];
      all[0] = "Authorization";
      all[1] = "Bearer " + t.oauthToken();
      System.arraycopy(headers, 0, all, 2, headers.length);
      return bootstrapper("POST", all).send(t);
    };
  }

  private static Attack oauth(String method, String pathAndQuery, String form) {
    return t -> t.host().send(method, t.host().uri(pathAndQuery),
        form == null ? null : form.getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded").statusCode();
  }

  private static Map<String, HeaderFor> junkAuthorizations() {
    Map<String, HeaderFor> values = new LinkedHashMap<>();
    values.put("empty", t -> "");
    values.put("Bearer alone", t -> "Bearer");
    values.put("Bearer and a space", t -> "Bearer ");
    values.put("Bearer colon", t -> "Bearer:");
    values.put("Basic", t -> "Basic dXNlcjpwYXNzd29yZA==");
    values.put("no space after Bearer", t -> "Bearer" + t.oauthToken());
    values.put("truncated", t -> "Bearer " + t.oauthToken().substring(0, 20));
    values.put("one character off", t -> "Bearer " + t.oauthToken().substring(1));
    values.put("with a word after", t -> "Bearer " + t.oauthToken() + " more");
    values.put("random", t -> "Bearer Zm9vYmFy.YmF6.cXV4");
    values.put(
        "re-signed with another secret",
        t -> "Bearer " + new HmacTokenService(
                WopiClient.bytes("another secret of 32 bytes or more!!"), host.clock)
            .issue(host.host.tokens().verify(t.oauthToken()).orElseThrow()));
    values.put(
        "expired",
        t -> {
          String shortLived =
              t.grant(new Scope(Scope.Kind.USER, t.owner()), Duration.ofSeconds(60));
          host.clock.advance(Duration.ofSeconds(61));
          return "Bearer " + shortLived;
        });
    values.put(
        "of an unknown user",
        t -> "Bearer " + VictimTree.grant(
            host, "nobody", new Scope(Scope.Kind.USER, "nobody"), Duration.ofHours(1)));
    values.put("WOPI container token", t -> "Bearer " + t.victimToken());
    values.put("WOPI ecosystem token", t -> "Bearer " + t.ecosystemToken());
    values.put(
        "WOPI file token", t -> "Bearer " + t.grant(Scope.file(t.doc()), Duration.ofHours(1)));
    return values;
  }

  private static List<HostileCase<VictimTree>> corpus() {
    List<HostileCase<VictimTree>> cases = new ArrayList<>();
    cases.add(new HostileCase<>("GET without Authorization", 401, bootstrapper("GET")));
    cases.add(new HostileCase<>("POST without Authorization", 401, bootstrapper("POST")));
    for (var junk : junkAuthorizations().entrySet()) {
      for (String method : List.of("GET", "POST")) {
        cases.add(
            new HostileCase<>(
                method + " Authorization " + junk.getKey(),
                401,
                t -> bootstrapper(method, "Authorization", junk.getValue().of(t)).send(t)));
      }
    }
    cases.add(
        new HostileCase<>(
            "Authorization huge",
            Set.of(400, 401, 431),
            false,
            bootstrapper("GET", "Authorization", "Bearer " + "A".repeat(20_000))));
    for (String raw : List.of("Bearer \u0000", "Bearer \u00e9\u00e9", "Bearer\t\t")) {
      cases.add(
          any4xx(
              "raw Authorization " + raw.codePoints().boxed().toList(),
              t -> t.raw("GET", "/wopibootstrapper", "Authorization: " + raw + "\r\n\r\n")));
    }
    // Operations the host does not know are answered as Bootstrap, as the spec allows.
    for (String op : List.of("GARBAGE", "", "get_root_container", "X".repeat(8000))) {
      cases.add(
          new HostileCase<>(
              "EcosystemOperation " + label(op),
              200,
              withOAuth("X-WOPI-EcosystemOperation", op)));
    }
    // WOPISrc and file names that reach no file or container of the user: 404.
    List<HeaderFor> targets =
        List.of(
            t -> "",
            t -> "..",
            t -> "x".repeat(5000),
            t -> host.host.urls().containerSrc("..%2F" + t.victim()),
            t -> "https://evil.example/wopi/files/" + t.doc(),
            t -> host.wopiSrc(otherTree().doc()),
            t -> host.host.urls().containerSrc(otherTree().victim()),
            t -> host.host.urls().shareLink("not-a-share-link"));
    for (int i = 0; i < targets.size(); i++) {
      HeaderFor target = targets.get(i);
      cases.add(
          new HostileCase<>(
              "GetNewAccessToken WOPISrc " + (i + 1),
              404,
              t -> withOAuth(
                      "X-WOPI-EcosystemOperation", "GET_NEW_ACCESS_TOKEN",
                      "X-WOPI-WopiSrc", target.of(t))
                  .send(t)));
      cases.add(
          new HostileCase<>(
              "GetFileWopiSrc name " + (i + 1),
              404,
              t -> withOAuth(
                      "X-WOPI-EcosystemOperation", "GET_WOPI_SRC_WITH_ACCESS_TOKEN",
                      "X-WOPI-HostNativeFileName", target.of(t))
                  .send(t)));
    }
    cases.add(
        new HostileCase<>(
            "GetNewAccessToken without WOPISrc",
            404,
            withOAuth("X-WOPI-EcosystemOperation", "GET_NEW_ACCESS_TOKEN")));
    // The OAuth endpoints: junk and oversized requests.
    String huge = "code=" + "x".repeat(70 * 1024);
    for (String form :
        List.of(
            "",
            "%%%",
            "grant_type=authorization_code&code=junk&redirect_uri=" + REDIRECT
                + "&client_id=office&code_verifier=" + "v".repeat(43),
            "grant_type=password&username=admin&password=admin",
            "grant_type=refresh_token&refresh_token=junk",
            "grant_type=client_credentials",
            huge)) {
      cases.add(
          any4xx("token endpoint form " + label(form), oauth("POST", "/oauth2/token", form)));
    }
    for (String query :
        List.of(
            "",
            "?response_type=code&client_id=office&redirect_uri=https://evil.example/cb",
            "?response_type=code&client_id=%00&redirect_uri=" + REDIRECT)) {
      cases.add(
          any4xx(
              "authorize query " + label(query), oauth("GET", "/oauth2/authorize" + query, null)));
    }
    // RFC 6749 §4.1.2.1: an error is sent back to a registered redirect URI, and never a code.
    cases.add(
        new HostileCase<>(
            "authorize with response_type token",
            Set.of(302, 400),
            false,
            t -> {
              var response = t.host().send("GET", t.host().uri(
                  "/oauth2/authorize?response_type=token&client_id=office&redirect_uri="
                      + REDIRECT), null);
              String location = WopiClient.header(response, "Location");
              if (response.statusCode() == 302
                  && !(location.startsWith(REDIRECT) && location.contains("error="))) {
                throw new AssertionError("redirected without an error to " + location);
              }
              return response.statusCode();
            }));
    cases.add(
        any4xx("authorize query broken escapes",
            t -> t.raw("GET", "/oauth2/authorize?%%%&response_type=%zz", "\r\n")));
    for (String form : List.of("", "%%%", "username=" + "x".repeat(5000), huge)) {
      cases.add(any4xx("authorize form " + label(form), oauth("POST", "/oauth2/authorize", form)));
    }
    return cases;
  }

  /** The tree of another user, planted for a case that needs one. */
  private static VictimTree otherTree() throws Exception {
    return VictimTree.plant(host, "other-" + ++owners);
  }

  @Test
  void hostileRequest_onTheBootstrapperOrOAuth_isRefusedInTimeAndChangesNothing()
      throws Exception {
    var tally =
        new HostileTally<VictimTree, TreeState>(
            "BootstrapperHostileInputTest",
            VictimTree::state,
            (before, after) -> after.harmlessChangeOf(before));
    for (HostileCase<VictimTree> c : corpus()) {
      tally.run(c, VictimTree.plant(host, "owner-" + ++owners));
    }
    tally.report();
  }
}
