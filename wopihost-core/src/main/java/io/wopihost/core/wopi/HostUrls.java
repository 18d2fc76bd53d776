package io.wopihost.core.wopi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute URLs the host hands out, all under its public base URL (which is what editors and
 * browsers reach, e.g. behind a reverse proxy). Tokens in URLs are percent-encoded.
 */
public final class HostUrls {

  private final String base;

  /**
   * @param publicBase an absolute http(s) URL, e.g. {@code https://files.example.com} or {@code
   *     http://localhost:8880/prefix}
   */
  public HostUrls(URI publicBase) {
    String s = publicBase.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public String base() {
    return base;
  }

  /** The WOPISrc of a file: its Files endpoint, without a token. */
  public String wopiSrc(String fileId) {
    return base + "/wopi/files/" + fileId;
  }

  public String containerSrc(String containerId) {
    return base + "/wopi/containers/" + containerId;
  }

  public String ecosystem() {
    return base + "/wopi/ecosystem";
  }

  /**
   * The host page that opens a file in an editor, for {@code HostViewUrl} ({@code view}) and
   * {@code HostEditUrl} ({@code edit}).
   */
  public String hostPage(String fileId, String action) {
    return base + "/open/" + fileId + "?action=" + action;
  }

  /** A browser URL that opens a share link. */
  public String share(String shareToken) {
    return base + "/share/" + shareToken;
  }

  /** {@code url} with {@code ?access_token=...} appended. */
  public static String withToken(String url, String token) {
    return url + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
