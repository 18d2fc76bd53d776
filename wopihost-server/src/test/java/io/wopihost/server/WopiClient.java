package io.wopihost.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** WOPI requests on one file, as an editor sends them, against a {@link TestHost}. */
public final class WopiClient {

  private final TestHost host;
  private final String fileId;
  private final String token;

  public WopiClient(TestHost host, String fileId, String token) {
    this.host = host;
    this.fileId = fileId;
    this.token = token;
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

  public HttpResponse<byte[]> putFile(byte[] content, String... headers)
      throws IOException, InterruptedException {
    return host.send("POST", uri("/contents"), content, withOverride("PUT", headers));
  }

  private static String[] withOverride(String override, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "X-WOPI-Override";
    all[1] = override;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  public static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
