package io.wopihost.core.wopi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The absolute URLs the host hands out, all under its public base URL (which is what editors and
 * browsers reach, e.g. behind a reverse proxy). Tokens in URLs are percent-encoded.
 */
public final class HostUrls {

  private final Supplier<URI> publicBase;

  /**
   * @param publicBase an absolute http(s) URL, e.g. {@code https://files.example.com} or {@code
   *     http://localhost:8880/prefix}
   */
  public HostUrls(URI publicBase) {
    this(() -> publicBase);
  }

  /**
   * @param publicBase asked on every use: a server listening on a port chosen at start-up knows
   *     its base URL only once it has bound
   */
  public HostUrls(Supplier<URI> publicBase) {
    this.publicBase = publicBase;
  }

  public String base() {
    String s = publicBase.get().toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The WOPISrc of a file: its Files endpoint, without a token. */
  public String wopiSrc(String fileId) {
    return base() + "/wopi/files/" + fileId;
  }

  public String containerSrc(String containerId) {
    return base() + "/wopi/containers/" + containerId;
  }

  public String ecosystem() {
    return base() + "/wopi/ecosystem";
  }

  /** CheckFileInfo's {@code FileUrl} of a file, without its token. */
  public String fileUrl(String fileId) {
    return wopiSrc(fileId) + "/download";
  }

  /**
   * The origin of the host's pages, as a browser writes it ({@code scheme://host[:port]}, lower
   * case, no default port): editors post messages to it, CheckFileInfo's {@code
   * PostMessageOrigin}.
   */
  public String origin() {
    URI base = publicBase.get();
    String scheme = base.getScheme().toLowerCase(Locale.ROOT);
    int port = base.getPort();
    boolean defaultPort =
        port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + base.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /**
   * The host page that opens a file in an editor, for {@code HostViewUrl} ({@code view}) and
   * {@code HostEditUrl} ({@code edit}).
   */
  public String hostPage(String fileId, String action) {
    return base() + "/open/" + fileId + "?action=" + action;
  }

  /** The browser URL of a file's share link ({@code ShareLinkStore}). */
  public String shareLink(String linkId) {
    return base() + "/s/" + linkId;
  }

  /** A browser URL that opens a container's share link. */
  public String sharedContainer(String shareToken) {
    return base() + "/shared/" + shareToken;
  }

  /**
   * The file a URL of this host names: a WOPISrc (with or without a query), or a {@link
   * #hostPage} URL. Empty for anything else.
   */
  public Optional<String> fileIdIn(String url) {
    return segmentAfter(url, "/wopi/files/").or(() -> segmentAfter(url, "/open/"));
  }

  /** The container a {@link #containerSrc} URL of this host (with or without a query) names. */
  public Optional<String> containerIdIn(String url) {
    return segmentAfter(url, "/wopi/containers/");
  }

  /** The link id of a {@link #shareLink} URL of this host. */
  public Optional<String> shareLinkIn(String url) {
    return segmentAfter(url, "/s/");
  }

  /** The path segment after {@code base() + prefix}, up to the next {@code /} or {@code ?}. */
  private Optional<String> segmentAfter(String url, String prefix) {
    String start = base() + prefix;
    if (!url.startsWith(start)) {
      return Optional.empty();
    }
    String rest = url.substring(start.length());
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return Optional.of(rest.substring(0, end)).filter(s -> !s.isEmpty());
  }

  /** {@code url} with {@code ?access_token=...} appended. */
  public static String withToken(String url, String token) {
    return url + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
