package io.wopihost.server.hardening;

import static io.wopihost.server.hardening.HostileCase.any4xx;
import static io.wopihost.server.hardening.HostileCase.label;
import static io.wopihost.server.hardening.HostileCase.refusedOrSafe;

import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.Scope;
import io.wopihost.core.wopi.WopiEcosystem;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile requests over the WOPI container and ecosystem endpoints (issue 8): ids,
 * overrides, UTF-7 names, extension filters, tokens, sizes. Each is refused with a 4xx (or the
 * spec's own status), answers within a bound, and leaves the user's tree as it was; the few the
 * spec lets the host adapt and take may add or rename one node under a plain name.
 */
final class ContainerHostileInputTest {

  private static final byte[] TOO_BIG = new byte[2048];

  @TempDir static Path dir;
  private static TestHost host;
  private static int owners;

  @BeforeAll
  static void start() throws Exception {
    host = TestHost.start(dir, Map.of("max-file-size", "1KiB", "password-hash-cost", "4"));
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  private interface Attack extends HostileCase.Attack<VictimTree> {}

  /** A token, id or name made for the tree under attack. */
  private interface ValueFor {
    String of(VictimTree tree) throws Exception;
  }

  /** POST to the Victim folder with its token. */
  private static Attack onVictim(String override, byte[] body, String... headers) {
    return t -> t.post(t.container(t.victim(), "", t.victimToken()), override, body, headers);
  }

  /** POST to the ecosystem with the owner's ecosystem token. */
  private static Attack onEcosystem(String override, String... headers) {
    return t -> t.post(t.ecosystem("", t.ecosystemToken()), override, null, headers);
  }

  /** A raw request on the Victim folder with its token; see {@link VictimTree#raw}. */
  private static Attack rawOnVictim(String method, String suffix, String rest) {
    return t -> t.raw(method, rawContainerPath(t.victim(), suffix, t.victimToken()), rest);
  }

  private static String rawContainerPath(String rawId, String suffix, String token) {
    return "/wopi/containers/" + rawId + suffix + "?access_token=" + token;
  }

  /** Every container operation with the token: the first status that is not 401, else 401. */
  private static Attack containerOpsWith(ValueFor token) {
    return t -> {
      String bad = token.of(t);
      List<Attack> operations = new ArrayList<>();
      for (String suffix : List.of("", "/ancestry", "/children", "/ecosystem_pointer")) {
        operations.add(v -> v.get(v.container(v.victim(), suffix, bad)));
      }
      for (String[] post :
          List.of(
              new String[] {"CREATE_CHILD_CONTAINER", "X-WOPI-RelativeTarget", "Evil"},
              new String[] {"CREATE_CHILD_FILE", "X-WOPI-RelativeTarget", "Evil.docx"},
              new String[] {"RENAME_CONTAINER", "X-WOPI-RequestedName", "Evil"},
              new String[] {"GET_SHARE_URL", "X-WOPI-UrlType", "ReadWrite"})) {
        operations.add(
            v -> v.post(v.container(v.victim(), "", bad), post[0], null, post[1], post[2]));
      }
      // The folder is not empty: a token that passes gets 409, one that does not 401.
      operations.add(v -> v.post(v.container(v.victim(), "", bad), "DELETE_CONTAINER", null));
      return firstNot401(t, operations);
    };
  }

  /** Every ecosystem operation with the token: the first status that is not 401, else 401. */
  private static Attack ecosystemOpsWith(ValueFor token) {
    return t -> {
      String bad = token.of(t);
      return firstNot401(
          t,
          List.of(
              v -> v.get(v.ecosystem("", bad)),
              v -> v.get(v.ecosystem("/root_container_pointer", bad)),
              v ->
                  v.post(
                      v.ecosystem("", bad),
                      "GET_WOPI_SRC_WITH_ACCESS_TOKEN",
                      null,
                      "X-WOPI-HostNativeFileName",
                      v.doc())));
    };
  }

  /** The tree of another user, planted for a case that needs one. */
  private static VictimTree otherTree() throws Exception {
    return VictimTree.plant(host, "other-" + ++owners);
  }

  private static int firstNot401(VictimTree tree, List<Attack> operations) throws Exception {
    for (Attack operation : operations) {
      int status = operation.send(tree);
      if (status != 401) {
        return status;
      }
    }
    return 401;
  }

  /** Tokens that must open nothing; {@code kind} is the scope of the genuine one they spoil. */
  private static Map<String, ValueFor> badTokens(Scope.Kind kind, ValueFor good) {
    Map<String, ValueFor> tokens = new LinkedHashMap<>();
    tokens.put("missing", t -> null);
    tokens.put("truncated", t -> good.of(t).substring(0, good.of(t).length() / 2));
    tokens.put("random", t -> "Zm9vYmFy.YmF6.cXV4");
    tokens.put(
        "re-signed with another secret",
        t ->
            new HmacTokenService(
                    WopiClient.bytes("another secret of 32 bytes or more!!"), host.clock)
                .issue(host.host.tokens().verify(good.of(t)).orElseThrow()));
    tokens.put(
        "expired",
        t -> {
          String shortLived = t.grant(host.host.tokens().verify(good.of(t)).orElseThrow().scope(),
              Duration.ofSeconds(60));
          host.clock.advance(Duration.ofSeconds(61));
          return shortLived;
        });
    tokens.put("of the file inside", t -> t.grant(Scope.file(t.doc()), Duration.ofHours(1)));
    tokens.put("OAuth", VictimTree::oauthToken);
    tokens.put(
        "share link",
        t -> {
          String url =
              WopiClient.json(
                      host.send(
                          "POST",
                          t.container(t.victim(), "", t.victimToken()),
                          new byte[0],
                          "X-WOPI-Override",
                          "GET_SHARE_URL",
                          "X-WOPI-UrlType",
                          "ReadWrite"))
                  .get("ShareUrl")
                  .asText();
          return url.substring(url.lastIndexOf('/') + 1);
        });
    if (kind == Scope.Kind.CONTAINER) {
      tokens.put(
          "of another user's folder",
          t -> otherTree().victimToken());
      tokens.put(
          "of the folder inside", t -> t.grant(Scope.container(t.inner()), Duration.ofHours(1)));
      tokens.put("ecosystem", VictimTree::ecosystemToken);
    } else {
      tokens.put("of the folder", VictimTree::victimToken);
    }
    return tokens;
  }

  private static List<HostileCase<VictimTree>> corpus() {
    List<HostileCase<VictimTree>> cases = new ArrayList<>();
    // Container ids: traversal, encoded slashes, huge, Unicode; and spoilt ids of the Victim.
    List<ValueFor> ids = new ArrayList<>();
    for (String id : HostileValues.RAW_IDS) {
      ids.add(t -> id);
    }
    ids.add(t -> t.victim() + "%2F..");
    ids.add(t -> "..%2F" + t.victim());
    ids.add(t -> t.victim() + "%00");
    ids.add(t -> t.victim() + "%2F" + t.inner());
    ids.add(t -> t.inner() + "%2F..");
    ids.add(t -> "%2e%2e%2f" + t.victim());
    ids.add(t -> t.victim().toUpperCase(Locale.ROOT));
    for (int i = 0; i < ids.size(); i++) {
      ValueFor id = ids.get(i);
      String name = i < HostileValues.RAW_IDS.size()
          ? label(HostileValues.RAW_IDS.get(i))
          : "spoilt victim id " + (i - HostileValues.RAW_IDS.size() + 1);
      for (String suffix : List.of("", "/ancestry", "/children", "/ecosystem_pointer")) {
        cases.add(
            any4xx(
                "GET container" + suffix + " id " + name,
                t -> t.raw("GET", rawContainerPath(id.of(t), suffix, t.victimToken()), "\r\n")));
      }
      for (String op : List.of("DELETE_CONTAINER", "RENAME_CONTAINER")) {
        cases.add(
            any4xx(
                op + " id " + name,
                t ->
                    t.raw(
                        "POST",
                        rawContainerPath(id.of(t), "", t.victimToken()),
                        "X-WOPI-Override: " + op
                            + "\r\nX-WOPI-RequestedName: Evil\r\nContent-Length: 0\r\n\r\n")));
      }
    }
    // Overrides: unknown ones, other endpoints' ones, none at all: the spec's answer is 501.
    for (String op : HostileValues.UNKNOWN_OVERRIDES) {
      if (op.indexOf(0) >= 0) {
        String rest = "X-WOPI-Override: " + op + "\r\nContent-Length: 0\r\n\r\n";
        cases.add(any4xx("container override with NUL", rawOnVictim("POST", "", rest)));
        cases.add(
            any4xx(
                "ecosystem override with NUL",
                t -> t.raw("POST", "/wopi/ecosystem?access_token=" + t.ecosystemToken(), rest)));
      } else {
        cases.add(new HostileCase<>("container override " + label(op), 501, onVictim(op, null)));
        cases.add(new HostileCase<>("ecosystem override " + label(op), 501, onEcosystem(op)));
      }
    }
    for (String op :
        List.of(
            "",
            "create_child_file",
            "PUT_RELATIVE",
            "LOCK",
            "DELETE",
            WopiEcosystem.GET_WOPI_SRC)) {
      cases.add(new HostileCase<>("container override '" + op + "'", 501, onVictim(op, null)));
    }
    cases.add(new HostileCase<>("container override missing", 501, onVictim(null, null)));
    for (String op : List.of("", "CREATE_CHILD_CONTAINER", "get_wopi_src_with_access_token")) {
      cases.add(new HostileCase<>("ecosystem override '" + op + "'", 501, onEcosystem(op)));
    }
    cases.add(new HostileCase<>("ecosystem override missing", 501, onEcosystem(null)));
    // UTF-7 names for the CreateChild* and RenameContainer operations.
    for (String name : HostileValues.MALFORMED_NAMES) {
      String label = label(name);
      cases.add(
          any4xx(
              "CreateChildContainer relative " + label,
              onVictim("CREATE_CHILD_CONTAINER", null, "X-WOPI-RelativeTarget", name)));
      cases.add(
          any4xx(
              "CreateChildFile relative " + label,
              onVictim("CREATE_CHILD_FILE", null, "X-WOPI-RelativeTarget", name + ".docx")));
      cases.add(
          any4xx(
              "RenameContainer to " + label,
              onVictim("RENAME_CONTAINER", null, "X-WOPI-RequestedName", name)));
      cases.add(
          refusedOrSafe(
              "CreateChildContainer suggested " + label,
              onVictim("CREATE_CHILD_CONTAINER", null, "X-WOPI-SuggestedTarget", name)));
    }
    for (String name : HostileValues.HARMLESS_NAMES) {
      cases.add(
          refusedOrSafe(
              "CreateChildContainer relative " + name,
              onVictim("CREATE_CHILD_CONTAINER", null, "X-WOPI-RelativeTarget", name)));
      cases.add(
          refusedOrSafe(
              "CreateChildFile relative " + name,
              onVictim("CREATE_CHILD_FILE", null, "X-WOPI-RelativeTarget", name + ".docx")));
      cases.add(
          refusedOrSafe(
              "RenameContainer to " + name,
              onVictim("RENAME_CONTAINER", null, "X-WOPI-RequestedName", name)));
    }
    for (String name : HostileValues.SUGGESTED_NAMES) {
      cases.add(
          refusedOrSafe(
              "CreateChildFile suggested " + name,
              onVictim("CREATE_CHILD_FILE", null, "X-WOPI-SuggestedTarget", name)));
    }
    for (String op : List.of("CREATE_CHILD_CONTAINER", "CREATE_CHILD_FILE")) {
      cases.add(
          new HostileCase<>(
              op + " both targets",
              501,
              onVictim(op, null, "X-WOPI-SuggestedTarget", "a.docx", "X-WOPI-RelativeTarget",
                  "b.docx")));
      cases.add(new HostileCase<>(op + " neither target", 400, onVictim(op, null)));
      cases.add(
          any4xx(
              op + " NUL in the name",
              rawOnVictim(
                  "POST",
                  "",
                  "X-WOPI-Override: " + op
                      + "\r\nX-WOPI-RelativeTarget: a\u0000b.docx\r\nContent-Length: 0\r\n\r\n")));
    }
    cases.add(
        new HostileCase<>("RenameContainer no name", 400, onVictim("RENAME_CONTAINER", null)));
    // Extension filters: junk filters nothing away wrongly and breaks nothing (a read: 200).
    for (String filter :
        List.of(",,,", ".", "*", "../..", "\t", "%00", "x".repeat(5000), ".docx,".repeat(1000))) {
      cases.add(
          new HostileCase<>(
              "EnumerateChildren filter " + label(filter),
              200,
              t ->
                  t.get(
                      t.container(t.victim(), "/children", t.victimToken()),
                      "X-WOPI-FileExtensionFilterList",
                      filter)));
    }
    cases.add(
        new HostileCase<>(
            "EnumerateChildren filter with NUL",
            Set.of(200, 400),
            false,
            rawOnVictim(
                "GET", "/children", "X-WOPI-FileExtensionFilterList: .do\u0000cx\r\n\r\n")));
    // Tokens: spoilt, expired, another's, of another kind.
    for (var token : badTokens(Scope.Kind.CONTAINER, VictimTree::victimToken).entrySet()) {
      cases.add(
          new HostileCase<>("container token " + token.getKey(), 401,
              containerOpsWith(token.getValue())));
    }
    for (var token : badTokens(Scope.Kind.ECOSYSTEM, VictimTree::ecosystemToken).entrySet()) {
      cases.add(
          new HostileCase<>("ecosystem token " + token.getKey(), 401,
              ecosystemOpsWith(token.getValue())));
    }
    cases.add(
        new HostileCase<>(
            "container token huge",
            Set.of(401, 414, 431),
            false,
            containerOpsWith(t -> "A".repeat(20_000))));
    // GetFileWopiSrc: names that are no file of this user are 404.
    List<ValueFor> names =
        List.of(
            t -> "",
            t -> "..",
            t -> "../../etc/passwd",
            t -> "x".repeat(5000),
            t -> t.victim(),
            t -> t.root(),
            t -> host.host.urls().containerSrc(t.victim()),
            t -> host.wopiSrc(otherTree().doc()) + "/../" + t.doc(),
            t -> host.wopiSrc("..%2F" + t.doc()),
            t -> t.doc() + "/../" + t.doc(),
            t -> host.host.urls().shareLink("not-a-share-link"),
            t -> otherTree().doc(),
            t -> host.wopiSrc(otherTree().doc()));
    for (int i = 0; i < names.size(); i++) {
      ValueFor name = names.get(i);
      cases.add(
          new HostileCase<>(
              "GetFileWopiSrc name " + (i + 1),
              404,
              t -> onEcosystem(
                      "GET_WOPI_SRC_WITH_ACCESS_TOKEN", "X-WOPI-HostNativeFileName", name.of(t))
                  .send(t)));
    }
    cases.add(
        new HostileCase<>(
            "GetFileWopiSrc no name", 404, onEcosystem("GET_WOPI_SRC_WITH_ACCESS_TOKEN")));
    // Sizes: CreateChild* ignore bodies; one over max-file-size, or lying, makes nothing else.
    cases.add(
        refusedOrSafe(
            "CreateChildFile body over max-file-size",
            onVictim("CREATE_CHILD_FILE", TOO_BIG, "X-WOPI-RelativeTarget", "Big.docx")));
    cases.add(
        refusedOrSafe(
            "CreateChildFile chunked body over max-file-size",
            t ->
                host.sendBody(
                        "POST",
                        t.container(t.victim(), "", t.victimToken()),
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(TOO_BIG)),
                        "X-WOPI-Override",
                        "CREATE_CHILD_FILE",
                        "X-WOPI-RelativeTarget",
                        "Big.docx")
                    .statusCode()));
    cases.add(
        refusedOrSafe(
            "CreateChildContainer body over max-file-size",
            onVictim("CREATE_CHILD_CONTAINER", TOO_BIG, "X-WOPI-RelativeTarget", "Big")));
    for (String size : List.of("5", "-1", "abc", "99999999999999999999", "")) {
      cases.add(
          refusedOrSafe(
              "CreateChildFile X-WOPI-Size '" + size + "'",
              onVictim(
                  "CREATE_CHILD_FILE", null, "X-WOPI-RelativeTarget", "Sized.docx", "X-WOPI-Size",
                  size)));
    }
    cases.add(
        refusedOrSafe(
            "CreateChildFile Content-Length larger than the body",
            rawOnVictim(
                "POST",
                "",
                "X-WOPI-Override: CREATE_CHILD_FILE\r\nX-WOPI-RelativeTarget: Cut.docx"
                    + "\r\nContent-Length: 100\r\n\r\nevil")));
    cases.add(
        any4xx(
            "CreateChildFile Content-Length garbage",
            rawOnVictim(
                "POST",
                "",
                "X-WOPI-Override: CREATE_CHILD_FILE\r\nX-WOPI-RelativeTarget: Neg.docx"
                    + "\r\nContent-Length: -5\r\n\r\nevil")));
    return cases;
  }

  @Test
  void hostileRequest_onContainersOrTheEcosystem_isRefusedInTimeAndChangesNothing()
      throws Exception {
    var tally =
        new HostileTally<VictimTree, TreeState>(
            "ContainerHostileInputTest",
            VictimTree::state,
            (before, after) -> after.harmlessChangeOf(before));
    for (HostileCase<VictimTree> c : corpus()) {
      tally.run(c, VictimTree.plant(host, "owner-" + ++owners));
    }
    tally.report();
  }
}
