package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile requests over the WOPI file endpoints and headers (issue 8): each is refused
 * with a 4xx (or the spec's own status), answers within a bound, and leaves the file, its lock and
 * its container as they were. The file under attack is locked with {@link #LOCK} so that lock
 * headers are checked against a real lock.
 */
final class HostileInputTest {

  private static final String LOCK = "L0";
  private static final byte[] CONTENT = bytes("precious");

  @TempDir static Path dir;
  private static TestHost host;
  private static int owners;

  @BeforeAll
  static void start() throws Exception {
    host = TestHost.start(dir, Map.of("max-file-size", "1KiB"));
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  /** One hostile request on a victim file; returns the status code. */
  private interface Attack extends HostileCase.Attack<WopiClient> {}

  private static HostileCase<WopiClient> any4xx(String name, Attack attack) {
    return HostileCase.any4xx(name, attack);
  }

  private static HostileCase<WopiClient> refusedOrSafe(String name, Attack attack) {
    return HostileCase.refusedOrSafe(name, attack);
  }

  private static HostileCase<WopiClient> status(String name, int status, Attack attack) {
    return new HostileCase<>(name, status, attack);
  }

  private static Attack override(String override, byte[] body, String... headers) {
    return victim -> victim.override(override, body, headers).statusCode();
  }

  private static Attack rawHeader(String override, String name, byte[] value) {
    return victim -> victim.overrideWithRawHeader(override, name, value);
  }

  /** GET of a raw, possibly malformed, file id, sent byte for byte with the victim's token. */
  private static Attack withFileId(String rawFileId, String suffix) {
    return victim ->
        host.sendRaw(
            "GET /wopi/files/"
                + rawFileId
                + suffix
                + "?access_token="
                + URLEncoder.encode(victim.token(), StandardCharsets.UTF_8)
                + " HTTP/1.1",
            "\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Every kind of request with the token: the first status that is not 401, else 401. */
  private static Attack withToken(TokenFor token) {
    return victim -> {
      WopiClient attacker = new WopiClient(host, victim.fileId(), token.of(victim));
      for (Attack attack :
          List.<Attack>of(
              v -> attacker.checkFileInfo().statusCode(),
              v -> attacker.getFile().statusCode(),
              v -> attacker.putFile(bytes("evil"), "X-WOPI-Lock", LOCK).statusCode(),
              v -> attacker.unlock(LOCK).statusCode(),
              v -> attacker.renameFile("Evil", "X-WOPI-Lock", LOCK).statusCode(),
              v -> attacker.deleteFile("X-WOPI-Lock", LOCK).statusCode(),
              v ->
                  attacker
                      .putRelativeFile(bytes("evil"), "X-WOPI-RelativeTarget", "Evil.docx")
                      .statusCode())) {
        int status = attack.send(victim);
        if (status != 401) {
          return status;
        }
      }
      return 401;
    };
  }

  private interface TokenFor {
    String of(WopiClient victim) throws Exception;
  }

  private static List<HostileCase<WopiClient>> corpus() {
    List<HostileCase<WopiClient>> cases = new ArrayList<>();
    // Lock ids: the file holds LOCK, so every other id conflicts or is malformed.
    for (String lockId : List.of("", "x".repeat(1024), "x".repeat(1025), "{\"a\":[1,2]}", " ")) {
      String label = "lock id " + (lockId.length() > 20 ? lockId.length() + " chars" : lockId);
      cases.add(any4xx("LOCK " + label, override("LOCK", null, "X-WOPI-Lock", lockId)));
      cases.add(any4xx("UNLOCK " + label, override("UNLOCK", null, "X-WOPI-Lock", lockId)));
      cases.add(
          any4xx("REFRESH_LOCK " + label, override("REFRESH_LOCK", null, "X-WOPI-Lock", lockId)));
      cases.add(
          any4xx(
              "relock from " + label,
              override("LOCK", null, "X-WOPI-Lock", "new", "X-WOPI-OldLock", lockId)));
      cases.add(
          any4xx(
              "PutFile with " + label,
              victim -> victim.putFile(bytes("evil"), "X-WOPI-Lock", lockId).statusCode()));
      cases.add(any4xx("DELETE with " + label, override("DELETE", null, "X-WOPI-Lock", lockId)));
      cases.add(
          any4xx(
              "RENAME with " + label,
              override("RENAME_FILE", null, "X-WOPI-RequestedName", "New", "X-WOPI-Lock", lockId)));
    }
    for (byte[] raw :
        List.of(
            "L\u00e9".getBytes(StandardCharsets.UTF_8),
            "L\u00e9".getBytes(StandardCharsets.ISO_8859_1),
            new byte[] {'L', 1, 2},
            new byte[] {'L', 0x7f},
            new byte[] {'L', (byte) 0xff, (byte) 0xfe},
            new byte[] {'L', 0, 'x'})) {
      for (String op : List.of("LOCK", "UNLOCK", "REFRESH_LOCK", "DELETE")) {
        cases.add(
            any4xx(op + " raw lock " + Arrays.toString(raw), rawHeader(op, "X-WOPI-Lock", raw)));
      }
    }
    // UTF-7 names: malformed, or naming a path rather than a file.
    for (String name : HostileValues.MALFORMED_NAMES) {
      String label = HostileCase.label(name);
      cases.add(
          any4xx(
              "RenameFile to " + label,
              override("RENAME_FILE", null, "X-WOPI-RequestedName", name, "X-WOPI-Lock", LOCK)));
      cases.add(
          any4xx(
              "PutRelativeFile relative " + label,
              override("PUT_RELATIVE", bytes("copy"), "X-WOPI-RelativeTarget", name + ".docx")));
    }
    // Names that decode to something harmless: the host may take them, but only as plain names.
    for (String name : HostileValues.HARMLESS_NAMES) {
      cases.add(
          refusedOrSafe(
              "RenameFile to " + name,
              override("RENAME_FILE", null, "X-WOPI-RequestedName", name, "X-WOPI-Lock", LOCK)));
      cases.add(
          refusedOrSafe(
              "PutRelativeFile relative " + name,
              override("PUT_RELATIVE", bytes("copy"), "X-WOPI-RelativeTarget", name + ".docx")));
    }
    // Suggested mode must adapt any name rather than refuse it (WOPI.md §7.9).
    for (String name : HostileValues.SUGGESTED_NAMES) {
      cases.add(
          refusedOrSafe(
              "PutRelativeFile suggested " + name,
              override("PUT_RELATIVE", bytes("copy"), "X-WOPI-SuggestedTarget", name)));
    }
    cases.add(
        new HostileCase<>(
            "PutRelativeFile both targets",
            Set.of(400, 501),
            false,
            override(
                "PUT_RELATIVE",
                bytes("copy"),
                "X-WOPI-SuggestedTarget",
                "a.docx",
                "X-WOPI-RelativeTarget",
                "b.docx")));
    // Overrides this host does not know: the spec's answer is 501.
    for (String op : HostileValues.UNKNOWN_OVERRIDES) {
      String label = op.length() > 30 ? op.length() + " chars" : op;
      if (op.indexOf(0) >= 0) {
        cases.add(
            any4xx(
                "override " + label,
                victim ->
                    victim.postRaw(
                        "",
                        ("X-WOPI-Override: " + op + "\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1))));
      } else {
        cases.add(new HostileCase<>("override " + label, 501, override(op, null)));
      }
    }
    // File ids: traversal, encoded slashes, huge, Unicode; none names the victim.
    for (String id : HostileValues.RAW_IDS) {
      String label = id.length() > 30 ? id.length() + " chars" : id;
      cases.add(any4xx("CheckFileInfo id " + label, withFileId(id, "")));
      cases.add(any4xx("GetFile id " + label, withFileId(id, "/contents")));
    }
    // Tokens: truncated, re-signed, another file's, expired, random.
    cases.add(
        status(
            "token truncated",
            401,
            withToken(victim -> victim.token().substring(0, victim.token().length() / 2))));
    cases.add(
        status(
            "token re-signed with another secret",
            401,
            withToken(
                victim ->
                    new HmacTokenService(bytes("another secret of 32 bytes or more!!"), host.clock)
                        .issue(
                            new AccessToken(
                                TestHost.USER,
                                Scope.file(victim.fileId()),
                                EnumSet.allOf(Permission.class),
                                host.clock.instant().plus(Duration.ofHours(1)))))));
    cases.add(
        status(
            "token of another file",
            401,
            withToken(victim -> host.token(host.importFile("Other.docx", bytes("o"))))));
    cases.add(
        status(
            "token expired",
            401,
            withToken(
                victim -> {
                  String token =
                      host.host
                          .tokens()
                          .issue(
                              new AccessToken(
                                  TestHost.USER,
                                  Scope.file(victim.fileId()),
                                  EnumSet.allOf(Permission.class),
                                  host.clock.instant().plusSeconds(60)));
                  host.clock.advance(Duration.ofSeconds(61));
                  return token;
                })));
    cases.add(status("token random", 401, withToken(victim -> "Zm9vYmFy.YmF6.cXV4")));
    cases.add(
        new HostileCase<>(
            "token huge", Set.of(401, 414), false, withToken(victim -> "A".repeat(20_000))));
    // Sizes: X-WOPI-Size and Content-Length that lie, bodies over max-file-size (1 KiB).
    cases.add(
        any4xx(
            "PutRelativeFile X-WOPI-Size smaller",
            override(
                "PUT_RELATIVE",
                bytes("copy"),
                "X-WOPI-RelativeTarget",
                "Copy.docx",
                "X-WOPI-Size",
                "1")));
    cases.add(
        any4xx(
            "PutFile Content-Length larger than the body",
            victim ->
                victim.postRaw(
                    "/contents",
                    ("X-WOPI-Override: PUT\r\nX-WOPI-Lock: " + LOCK
                            + "\r\nContent-Length: 100\r\n\r\nevil")
                        .getBytes(StandardCharsets.US_ASCII))));
    cases.add(
        any4xx(
            "PutRelativeFile Content-Length larger than the body",
            victim ->
                victim.postRaw(
                    "",
                    ("X-WOPI-Override: PUT_RELATIVE\r\nX-WOPI-RelativeTarget: Copy.docx"
                            + "\r\nContent-Length: 100\r\n\r\ncopy")
                        .getBytes(StandardCharsets.US_ASCII))));
    cases.add(
        any4xx(
            "PutFile Content-Length garbage",
            victim ->
                victim.postRaw(
                    "/contents",
                    ("X-WOPI-Override: PUT\r\nX-WOPI-Lock: " + LOCK
                            + "\r\nContent-Length: -5\r\n\r\nevil")
                        .getBytes(StandardCharsets.US_ASCII))));
    byte[] tooBig = new byte[2048];
    cases.add(
        status(
            "PutFile over max-file-size",
            413,
            victim -> victim.putFile(tooBig, "X-WOPI-Lock", LOCK).statusCode()));
    cases.add(
        status(
            "PutFile chunked over max-file-size",
            413,
            victim ->
                host.sendBody(
                        "POST",
                        victim.uri("/contents"),
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(tooBig)),
                        "X-WOPI-Override",
                        "PUT",
                        "X-WOPI-Lock",
                        LOCK)
                    .statusCode()));
    cases.add(
        status(
            "PutRelativeFile over max-file-size",
            413,
            override("PUT_RELATIVE", tooBig, "X-WOPI-RelativeTarget", "Big.docx")));
    // X-WOPI-MaxExpectedSize: garbage is a 400, a size below the file's a 412.
    for (String max : List.of("abc", "-1", "1e3", "99999999999999999999999", "", "0x10")) {
      cases.add(
          any4xx(
              "GetFile MaxExpectedSize " + max,
              victim -> victim.getFile("X-WOPI-MaxExpectedSize", max).statusCode()));
    }
    cases.add(
        status(
            "GetFile MaxExpectedSize smaller than the file",
            412,
            victim -> victim.getFile("X-WOPI-MaxExpectedSize", "1").statusCode()));
    return cases;
  }

  @Test
  void hostileRequest_onTheFileEndpoint_isRefusedInTimeAndChangesNothing() throws Exception {
    var tally =
        new HostileTally<WopiClient, FileState>(
            "HostileInputTest",
            victim -> FileState.of(host, withFreshToken(victim)),
            (before, after) -> after.sameDataAs(before) && after.plainNamesBeside(before));
    for (HostileCase<WopiClient> c : corpus()) {
      WopiClient victim = host.newFile("Victim.docx", CONTENT, "owner-" + ++owners);
      assertThat(victim.lock(LOCK).statusCode()).isEqualTo(200);
      tally.run(c, victim);
    }
    tally.report();
  }

  /** The victim's client with a token issued now, as the expired-token case moves the clock. */
  private static WopiClient withFreshToken(WopiClient victim) {
    String owner = host.host.catalog().findFile(victim.fileId()).orElseThrow().ownerId();
    return victim.as(owner, EnumSet.allOf(Permission.class));
  }
}
