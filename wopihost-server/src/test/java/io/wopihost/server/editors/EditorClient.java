package io.wopihost.server.editors;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import io.wopihost.testkit.FakeEditor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WOPI requests on one file as an editor's server sends them: signed with the {@link FakeEditor}'s
 * keys at the test host's clock, over the URL exactly as sent.
 */
final class EditorClient {

  private final TestHost host;
  private final FakeEditor editor;
  private final String fileId;
  private final String token;

  EditorClient(TestHost host, FakeEditor editor, String fileId, String token) {
    this.host = host;
    this.editor = editor;
    this.fileId = fileId;
    this.token = token;
  }

  /** The same editor on the same file, with another user's token. */
  EditorClient withToken(String otherToken) {
    return new EditorClient(host, editor, fileId, otherToken);
  }

  String fileId() {
    return fileId;
  }

  String token() {
    return token;
  }

  String url(String suffix) {
    return host.wopiSrc(fileId) + suffix + "?access_token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** A request signed as the editor signs it; {@code headers} alternate names and values. */
  HttpResponse<byte[]> send(String method, String suffix, byte[] body, String... headers)
      throws IOException, InterruptedException {
    String url = url(suffix);
    return sendSigned(method, url, body, editor.sign(token, url, host.clock.instant()), headers);
  }

  /** A request with the proof headers the test chooses (none, tampered, another key's). */
  HttpResponse<byte[]> sendSigned(
      String method, String url, byte[] body, Map<String, String> proof, String... headers)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(headers));
    proof.forEach((name, value) -> {
      all.add(name);
      all.add(value);
    });
    return host.send(method, URI.create(url), body, all.toArray(String[]::new));
  }

  HttpResponse<byte[]> checkFileInfo() throws IOException, InterruptedException {
    return send("GET", "", null);
  }

  JsonNode fileInfo() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = checkFileInfo();
    if (response.statusCode() != 200) {
      throw new AssertionError("CheckFileInfo answered " + response.statusCode());
    }
    return WopiClient.json(response);
  }

  HttpResponse<byte[]> getFile() throws IOException, InterruptedException {
    return send("GET", "/contents", null);
  }

  HttpResponse<byte[]> override(String override, byte[] body, String... headers)
      throws IOException, InterruptedException {
    return send("POST", "", body == null ? new byte[0] : body,
        prepend("X-WOPI-Override", override, headers));
  }

  HttpResponse<byte[]> putFile(byte[] content, String... headers)
      throws IOException, InterruptedException {
    return send("POST", "/contents", content, prepend("X-WOPI-Override", "PUT", headers));
  }

  private static String[] prepend(String name, String value, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = name;
    all[1] = value;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }
}
