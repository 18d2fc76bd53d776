package io.wopihost.server.editors;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.token.Permission;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import io.wopihost.testkit.FakeEditor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the editors' configuration shapes the host: when proofs are enforced, an editor down at
 * start-up, the IP allowlist, and proofs over the public URL behind a proxy.
 */
class EditorConfigurationTest {

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  @Test
  void editorPublishingNoKeys_unsignedRequestsAreAccepted() throws Exception {
    FakeEditor keyless = editor(FakeEditor.Flavor.COLLABORA);
    keyless.setPublishKeys(false);
    TestHost host = host(Map.of("office-urls", "co=" + keyless.baseUrl()));

    assertThat(host.newFile("a.odt", bytes("x")).checkFileInfo().statusCode()).isEqualTo(200);
  }

  @Test
  void proofKeysOff_unsignedRequestsAreAccepted() throws Exception {
    FakeEditor keyed = editor(FakeEditor.Flavor.ONLYOFFICE);
    TestHost host =
        host(Map.of("office-urls", "oo=" + keyed.baseUrl(), "office-proof-keys", "oo:off"));

    assertThat(host.newFile("a.docx", bytes("x")).checkFileInfo().statusCode()).isEqualTo(200);
  }

  @Test
  void oneEditorRequiredAnotherKeyless_unsignedRequestsAreRefused() throws Exception {
    FakeEditor keyed = editor(FakeEditor.Flavor.ONLYOFFICE);
    FakeEditor keyless = editor(FakeEditor.Flavor.COLLABORA);
    keyless.setPublishKeys(false);
    TestHost host =
        host(Map.of(
            "office-urls", "oo=" + keyed.baseUrl() + ",co=" + keyless.baseUrl(),
            "office-proof-keys", "oo:required"));
    WopiClient file = host.newFile("a.docx", bytes("x"));

    assertThat(file.checkFileInfo().statusCode()).isEqualTo(500);
    assertThat(new EditorClient(host, keyed, file.fileId(), file.token()).checkFileInfo()
        .statusCode()).isEqualTo(200);
  }

  @Test
  void editorDownAtStartUp_hostServesAndIsNotReadyUntilTheEditorIsBack() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.ONLYOFFICE);
    editor.setDown(true);
    TestHost host = host(Map.of("office-urls", "oo=" + editor.baseUrl()));
    WopiClient file = host.newFile("a.docx", bytes("x"));

    JsonNode down = WopiClient.json(host.send("GET", host.uri("/health/ready"), null));
    assertThat(file.checkFileInfo().statusCode())
        .as("its keys are not known yet: nothing goes through unchecked").isEqualTo(500);
    editor.setDown(false);
    host.clock.advance(Duration.ofMinutes(1));
    HttpResponse<byte[]> back = host.send("GET", host.uri("/health/ready"), null);

    assertThat(down.get("status").asText()).isEqualTo("DOWN");
    assertThat(down.at("/checks/editor-oo/status").asText()).isEqualTo("DOWN");
    assertThat(down.at("/checks/editor-oo/error").asText()).contains("503");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(new EditorClient(host, editor, file.fileId(), file.token()).checkFileInfo()
        .statusCode()).isEqualTo(200);
  }

  @Test
  void allowlist_refusesOtherAddressesOnWopiOnly() throws Exception {
    TestHost host = host(Map.of("wopi-allowed-ips", "10.0.0.0/8, 2001:db8::/32"));
    WopiClient file = host.newFile("a.docx", bytes("x"));

    assertThat(file.checkFileInfo().statusCode()).isEqualTo(403);
    assertThat(host.send("GET", host.uri("/health/live"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void allowlistBehindAProxy_takesTheLastAddressOfItsHeaderOnly() throws Exception {
    TestHost host =
        host(Map.of("wopi-allowed-ips", "10.0.0.0/8", "client-ip-header", "X-Forwarded-For"));
    WopiClient file = host.newFile("a.docx", bytes("x"));
    URI info = file.fileUri();

    assertThat(status(host, info, "X-Forwarded-For", "203.0.113.7, 10.1.2.3")).isEqualTo(200);
    assertThat(status(host, info, "X-Forwarded-For", "10.1.2.3, 203.0.113.7")).isEqualTo(403);
    assertThat(status(host, info, "X-Forwarded-For", "intranet.example")).isEqualTo(403);
    assertThat(file.checkFileInfo().statusCode()).as("no header: not through the proxy")
        .isEqualTo(403);
  }

  @Test
  void behindAProxy_proofsAreOverThePublicUrl() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.MICROSOFT);
    TestHost host =
        host(Map.of("office-urls", "ms=" + editor.baseUrl(),
            "public-url", "https://files.example.test"));
    String id = host.importFile("a.docx", bytes("x"), "alice");
    String token = host.token(id, "alice", EnumSet.allOf(Permission.class));
    String query = "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    String publicUrl = "https://files.example.test/wopi/files/" + id + query;
    String localUrl = "http://127.0.0.1:" + host.host.port() + "/wopi/files/" + id + query;
    var client = new EditorClient(host, editor, id, token);

    HttpResponse<byte[]> overPublic =
        client.sendSigned("GET", localUrl, null, editor.sign(token, publicUrl, host.clock.instant()));
    HttpResponse<byte[]> overLocal =
        client.sendSigned("GET", localUrl, null, editor.sign(token, localUrl, host.clock.instant()));

    assertThat(overPublic.statusCode()).isEqualTo(200);
    assertThat(overLocal.statusCode()).isEqualTo(500);
  }

  private static int status(TestHost host, URI uri, String... headers) throws Exception {
    return host.send("GET", uri, null, headers).statusCode();
  }

  private FakeEditor editor(FakeEditor.Flavor flavor) throws Exception {
    FakeEditor editor = FakeEditor.start(flavor);
    open.add(editor);
    return editor;
  }

  private TestHost host(Map<String, String> settings) throws Exception {
    TestHost host = TestHost.start(dir.resolve("host" + open.size()), settings);
    open.add(host);
    return host;
  }
}
