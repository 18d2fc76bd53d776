package io.wopihost.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.token.Permission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** WOPI requests on one file, as an editor sends them, against a {@link TestHost}. */
public final class WopiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestHost host;
  private final String fileId;
  private final String token;

  public WopiClient(TestHost host, String fileId, String token) {
    this.host = host;
    this.fileId = fileId;
    this.token = token;
  }

  /** A client for the file and token of a {@code .../wopi/files/{id}?access_token=...} URL. */
  public static WopiClient forUrl(TestHost host, String url) {
    String path = URI.create(url).getPath();
    return new WopiClient(host, path.substring(path.lastIndexOf('/') + 1), tokenIn(url));
  }

  /** The access token of a URL the host handed out, decoded. */
  public static String tokenIn(String url) {
    String query = URI.create(url).getRawQuery();
    String prefix = "access_token=";
    if (query == null || !query.startsWith(prefix)) {
      throw new AssertionError("no access_token in " + url);
    }
    return URLDecoder.decode(query.substring(prefix.length()), StandardCharsets.UTF_8);
  }

  public String fileId() {
    return fileId;
  }

  public String token() {
    return token;
  }

  /** A client for the same file with a token for another user or other rights. */
  public WopiClient as(String user, Set<Permission> rights) {
    return new WopiClient(host, fileId, host.token(fileId, user, rights));
  }

  public URI fileUri() {
    return URI.create(
        host.wopiSrc(fileId) + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  public URI uri(String suffix) {
    return URI.create(
        host.wopiSrc(fileId) + suffix + "?access_token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  public HttpResponse<byte[]> checkFileInfo() throws IOException, InterruptedException {
    return host.send("GET", fileUri(), null);
  }

  public HttpResponse<byte[]> getFile(String... headers) throws IOException, InterruptedException {
    return host.send("GET", uri("/contents"), null, headers);
  }

  /** POST to the file with {@code X-WOPI-Override} and more headers. */
  public HttpResponse<byte[]> override(String override, byte[] body, String... headers)
      throws IOException, InterruptedException {
    return host.send(
        "POST", fileUri(), body == null ? new byte[0] : body, withOverride(override, headers));
  }

  public HttpResponse<byte[]> lock(String lockId) throws IOException, InterruptedException {
    return override("LOCK", null, "X-WOPI-Lock", lockId);
  }

  public HttpResponse<byte[]> unlockAndRelock(String oldLock, String newLock)
      throws IOException, InterruptedException {
    return override("LOCK", null, "X-WOPI-Lock", newLock, "X-WOPI-OldLock", oldLock);
  }

  /**
   * POST to the file with {@code X-WOPI-Override} and one header whose value goes out as the
   * given bytes; returns the status code.
   */
  public int overrideWithRawHeader(String override, String name, byte[] value)
      throws IOException {
    var rest = new ByteArrayOutputStream();
    rest.writeBytes(
        ("X-WOPI-Override: " + override + "\r\nContent-Length: 0\r\n" + name + ": ")
            .getBytes(StandardCharsets.US_ASCII));
    rest.writeBytes(value);
    rest.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return postRaw("", rest.toByteArray());
  }

  /**
   * POST to the file's URL plus {@code suffix}, byte for byte (see {@link TestHost#sendRaw});
   * returns the status code.
   */
  public int postRaw(String suffix, byte[] rest) throws IOException {
    URI target = uri(suffix);
    return host.sendRaw(
        "POST " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1", rest);
  }

  public HttpResponse<byte[]> getLock() throws IOException, InterruptedException {
    return override("GET_LOCK", null);
  }

  public HttpResponse<byte[]> refreshLock(String lockId) throws IOException, InterruptedException {
    return override("REFRESH_LOCK", null, "X-WOPI-Lock", lockId);
  }

  public HttpResponse<byte[]> unlock(String lockId) throws IOException, InterruptedException {
    return override("UNLOCK", null, "X-WOPI-Lock", lockId);
  }

  /** RenameFile to {@code utf7Name} (no extension), with more headers such as the lock. */
  public HttpResponse<byte[]> renameFile(String utf7Name, String... headers)
      throws IOException, InterruptedException {
    return override("RENAME_FILE", null, prepend("X-WOPI-RequestedName", utf7Name, headers));
  }

  public HttpResponse<byte[]> deleteFile(String... headers)
      throws IOException, InterruptedException {
    return override("DELETE", null, headers);
  }

  /** PutRelativeFile with the target headers the test chooses. */
  public HttpResponse<byte[]> putRelativeFile(byte[] content, String... headers)
      throws IOException, InterruptedException {
    return override("PUT_RELATIVE", content, headers);
  }

  /** CheckFileInfo's JSON, which must be a 200. */
  public JsonNode fileInfo() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = checkFileInfo();
    if (response.statusCode() != 200) {
      throw new AssertionError("CheckFileInfo answered " + response.statusCode());
    }
    return json(response);
  }

  /** The file's current content, which GetFile must answer with a 200. */
  public byte[] content() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = getFile();
    if (response.statusCode() != 200) {
      throw new AssertionError("GetFile answered " + response.statusCode());
    }
    return response.body();
  }

  public HttpResponse<byte[]> putFile(byte[] content, String... headers)
      throws IOException, InterruptedException {
    return host.send("POST", uri("/contents"), content, withOverride("PUT", headers));
  }

  private static String[] withOverride(String override, String... headers) {
    return prepend("X-WOPI-Override", override, headers);
  }

  private static String[] prepend(String name, String value, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = name;
    all[1] = value;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  public static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text(response), e);
    }
  }

  /** UTF-8 bytes of a text, for request bodies. */
  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  public static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
