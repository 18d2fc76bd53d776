package io.wopihost.server.editors;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.Permission;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import io.wopihost.testkit.FakeEditor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof keys on the real server: what the spec says to accept and to refuse (with 500), the
 * unsigned FileUrl, and key rotation, with two editors configured.
 */
class ProofKeysTest {

  @TempDir static Path dir;
  private static FakeEditor microsoft;
  private static FakeEditor collabora;
  private static TestHost host;
  private static final KeyPair STRANGER = FakeEditor.newKeyPair();

  @BeforeAll
  static void start() throws Exception {
    microsoft = FakeEditor.start(FakeEditor.Flavor.MICROSOFT);
    collabora = FakeEditor.start(FakeEditor.Flavor.COLLABORA);
    host =
        TestHost.start(
            dir,
            Map.of("office-urls",
                "ms=" + microsoft.baseUrl() + ",co=" + collabora.baseUrl()));
  }

  @AfterAll
  static void stop() {
    host.close();
    microsoft.close();
    collabora.close();
  }

  @Test
  void signedByEitherEditor_isAccepted() throws Exception {
    EditorClient ms = client(microsoft);

    assertThat(ms.checkFileInfo().statusCode()).isEqualTo(200);
    assertThat(new EditorClient(host, collabora, ms.fileId(), token(ms.fileId()))
        .checkFileInfo().statusCode()).isEqualTo(200);
  }

  @Test
  void unsigned_is500() throws Exception {
    EditorClient ms = client(microsoft);

    HttpResponse<byte[]> unsigned = ms.sendSigned("GET", ms.url(""), null, Map.of());

    assertThat(unsigned.statusCode()).isEqualTo(500);
  }

  @Test
  void tamperedProof_is500AndChangesNothing() throws Exception {
    EditorClient ms = client(microsoft);
    String url = ms.url("");
    Map<String, String> proof = new LinkedHashMap<>(sign(ms, url, host.clock.instant()));
    byte[] signature = Base64.getDecoder().decode(proof.get("X-WOPI-Proof"));
    signature[7] ^= 0x20;
    proof.put("X-WOPI-Proof", Base64.getEncoder().encodeToString(signature));
    proof.put("X-WOPI-ProofOld", proof.get("X-WOPI-Proof"));

    HttpResponse<byte[]> lock =
        ms.sendSigned("POST", url, new byte[0], proof, "X-WOPI-Override", "LOCK",
            "X-WOPI-Lock", "stolen");

    assertThat(lock.statusCode()).isEqualTo(500);
    assertThat(header(ms.override("GET_LOCK", null), "X-WOPI-Lock")).isEmpty();
  }

  @Test
  void signedWithAnotherKey_is500() throws Exception {
    EditorClient ms = client(microsoft);
    String url = ms.url("");

    HttpResponse<byte[]> response =
        ms.sendSigned("GET", url, null, FakeEditor.sign(token(ms), url, host.clock.instant(),
            STRANGER.getPrivate(), STRANGER.getPrivate()));

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void onlyProofOldVerifiesAndWithTheOldKey_is500() throws Exception {
    EditorClient ms = client(microsoft);
    String url = ms.url("");

    HttpResponse<byte[]> response =
        ms.sendSigned("GET", url, null, FakeEditor.sign(token(ms), url, host.clock.instant(),
            STRANGER.getPrivate(), microsoft.oldKey().getPrivate()));

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void proofWithTheOldKey_orProofOldWithTheCurrentKey_isAccepted() throws Exception {
    EditorClient ms = client(microsoft);
    String url = ms.url("");
    Instant now = host.clock.instant();

    HttpResponse<byte[]> behind =
        ms.sendSigned("GET", url, null, FakeEditor.sign(token(ms), url, now,
            microsoft.oldKey().getPrivate(), STRANGER.getPrivate()));
    HttpResponse<byte[]> ahead =
        ms.sendSigned("GET", url, null, FakeEditor.sign(token(ms), url, now,
            STRANGER.getPrivate(), microsoft.currentKey().getPrivate()));

    assertThat(behind.statusCode()).isEqualTo(200);
    assertThat(ahead.statusCode()).isEqualTo(200);
  }

  @Test
  void timestampOlderThan20Minutes_is500_nineteenIsNot() throws Exception {
    EditorClient ms = client(microsoft);
    String url = ms.url("");
    Instant now = host.clock.instant();

    HttpResponse<byte[]> stale =
        ms.sendSigned("GET", url, null, sign(ms, url, now.minus(Duration.ofMinutes(21))));
    HttpResponse<byte[]> recent =
        ms.sendSigned("GET", url, null, sign(ms, url, now.minus(Duration.ofMinutes(19))));

    assertThat(stale.statusCode()).isEqualTo(500);
    assertThat(recent.statusCode()).isEqualTo(200);
  }

  @Test
  void signedRequestWithAnotherFilesToken_is401() throws Exception {
    EditorClient mine = client(microsoft);
    String other = host.importFile("other.docx", bytes("other"), "bob");
    var foreign = new EditorClient(host, microsoft, mine.fileId(), token(other));

    assertThat(foreign.checkFileInfo().statusCode()).isEqualTo(401);
  }

  @Test
  void fileUrlPath_takesOnlyItsOwnToken() throws Exception {
    EditorClient ms = client(microsoft);
    String fileUrl = ms.fileInfo().get("FileUrl").asText();
    String fileUrlToken = WopiClient.tokenIn(fileUrl);

    HttpResponse<byte[]> accessTokenOnFileUrl =
        host.send("GET", URI.create(ms.url("/download")), null);
    HttpResponse<byte[]> fileUrlTokenOnGetFile =
        new EditorClient(host, microsoft, ms.fileId(), fileUrlToken).getFile();

    assertThat(accessTokenOnFileUrl.statusCode()).isEqualTo(401);
    assertThat(fileUrlTokenOnGetFile.statusCode()).isEqualTo(401);
  }

  @Test
  void keysReplaced_discoveryIsFetchedAgainAtMostOnceAMinute() throws Exception {
    EditorClient co = client(collabora);
    int fetches = collabora.discoveryFetches();
    collabora.replaceKeys();
    host.clock.advance(Duration.ofMinutes(1));

    HttpResponse<byte[]> afterRotation = co.checkFileInfo();
    HttpResponse<byte[]> stranger =
        co.sendSigned("GET", co.url(""), null, FakeEditor.sign(token(co), co.url(""),
            host.clock.instant(), STRANGER.getPrivate(), STRANGER.getPrivate()));

    assertThat(afterRotation.statusCode()).isEqualTo(200);
    assertThat(stranger.statusCode()).isEqualTo(500);
    assertThat(collabora.discoveryFetches()).isEqualTo(fetches + 1);
    assertThat(host.host.metrics().scrape())
        .containsPattern("wopihost_proof_failures_total\\{editor=\"unknown\"[^}]*} [1-9]");
  }

  private static EditorClient client(FakeEditor editor) throws Exception {
    String id = host.importFile("doc.docx", bytes("v1"), "alice-" + System.nanoTime());
    return new EditorClient(host, editor, id, token(id));
  }

  private static String token(String fileId) {
    return host.token(fileId, "alice", EnumSet.allOf(Permission.class));
  }

  private static String token(EditorClient client) {
    return client.token();
  }

  private static Map<String, String> sign(EditorClient client, String url, Instant at) {
    return microsoft.sign(token(client), url, at);
  }
}
