package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;

import io.wopihost.core.model.Ids;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

/**
 * What the container, ecosystem and bootstrapper corpora attack: a user of its own, whose root
 * container holds {@code Sibling.docx} and the folder {@code Victim}, which holds the folder {@code
 * Inner} and {@code Doc.docx}; with tokens of every right for Victim, the user's ecosystem and
 * the user's account (an OAuth token of the bootstrapper).
 */
record VictimTree(
    TestHost host,
    String owner,
    String root,
    String victim,
    String inner,
    String doc,
    String victimToken,
    String ecosystemToken,
    String oauthToken) {

  static final byte[] CONTENT = bytes("precious");

  /** Plants the tree of a new user {@code owner} through the catalog and WOPI. */
  static VictimTree plant(TestHost host, String owner) throws Exception {
    host.host.users().tryAdd(new User(owner, owner), ("password-of-" + owner).toCharArray());
    Catalog catalog = host.host.catalog();
    String root = catalog.rootContainer(owner, Ids.newId()).id();
    host.importFile("Sibling.docx", CONTENT, owner);
    String victim = catalog.tryCreateContainer(Ids.newId(), root, "Victim").orElseThrow().id();
    String inner = catalog.tryCreateContainer(Ids.newId(), victim, "Inner").orElseThrow().id();
    String victimToken = grant(host, owner, Scope.container(victim), Duration.ofHours(10));
    var created =
        host.send(
            "POST",
            URI.create(host.host.urls().containerSrc(victim) + "?access_token=" + victimToken),
            new byte[0],
            "X-WOPI-Override",
            "CREATE_CHILD_FILE",
            "X-WOPI-RelativeTarget",
            "Doc.docx");
    WopiClient doc = WopiClient.forUrl(host, WopiClient.json(created).get("Url").asText());
    if (doc.putFile(CONTENT).statusCode() != 200) {
      throw new AssertionError("could not write Doc.docx");
    }
    return new VictimTree(
        host,
        owner,
        root,
        victim,
        inner,
        doc.fileId(),
        victimToken,
        grant(host, owner, Scope.ecosystem(owner), Duration.ofHours(10)),
        grant(host, owner, new Scope(Scope.Kind.USER, owner), Duration.ofHours(10)));
  }

  /** A token of the owner with every right on {@code scope}. */
  static String grant(TestHost host, String owner, Scope scope, Duration lifetime) {
    return host.host.tokens()
        .issue(
            new AccessToken(
                owner,
                scope,
                EnumSet.allOf(Permission.class),
                host.clock.instant().plus(lifetime)));
  }

  String grant(Scope scope, Duration lifetime) {
    return grant(host, owner, scope, lifetime);
  }

  TreeState state() throws Exception {
    return TreeState.of(host, owner, root);
  }

  /** {@code /wopi/containers/{id}} plus {@code suffix}, with {@code token}. */
  URI container(String id, String suffix, String token) {
    return withToken(host.host.urls().containerSrc(id) + suffix, token);
  }

  /** {@code /wopi/ecosystem} plus {@code suffix}, with {@code token}. */
  URI ecosystem(String suffix, String token) {
    return withToken(host.host.urls().ecosystem() + suffix, token);
  }

  /** GET; {@code headers} alternate names and values; returns the status code. */
  int get(URI uri, String... headers) throws Exception {
    return host.send("GET", uri, null, headers).statusCode();
  }

  /** POST with {@code X-WOPI-Override} (none when {@code null}) and more headers. */
  int post(URI uri, String override, byte[] body, String... headers) throws Exception {
    String[] all = headers;
    if (override != null) {
      all = new String[headers.length + 2];
      all[0] = "X-WOPI-Override";
      all[1] = override;
      System.arraycopy(headers, 0, all, 2, headers.length);
    }
    return host.send("POST", uri, body == null ? new byte[0] : body, all).statusCode();
  }

  /**
   * A request byte for byte (see {@link TestHost#sendRaw}).
   *
   * @param rest header lines each ending in CRLF, then CRLF and the body
   */
  int raw(String method, String rawPathAndQuery, String rest) throws Exception {
    return host.sendRaw(
        method + " " + rawPathAndQuery + " HTTP/1.1", rest.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static URI withToken(String url, String token) {
    return URI.create(
        token == null
            ? url
            : url + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }
}
