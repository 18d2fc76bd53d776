package io.wopihost.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.TokenService;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.office.ActionUrl;
import io.wopihost.office.EditorAction;
import io.wopihost.office.OfficeEditors;
import io.wopihost.office.Product;
import io.wopihost.office.WopiAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host page, {@code /open/{fileId}?action=view|edit|...}, where HostViewUrl and HostEditUrl
 * lead, and the web UI's buttons for each action discovery offers ({@link
 * WopiAction#OPENED_BY_PEOPLE}): it posts {@code access_token} and {@code access_token_ttl} into the chosen editor's
 * iframe and answers the editor's messages (host-page.js, with {@link HostPageApi} for a fresh
 * token, share links and versions). The editor is chosen by extension and preference; the asked
 * action when offered and allowed (editnew for edit of an empty file), else view.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/online/hostpage">Host page</a>
 */
final class HostPage implements HttpService {

  private static final String SCRIPT = resource("host-page.js");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final String DEFAULT_LANGUAGE = "en-US";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OfficeEditors editors;
  private final PageGrants grants;
  private final Catalog catalog;
  private final HostUrls urls;
  private final ObjectMapper json;
  private final HostPageApi api;
  private final List<String> frameSources;

  HostPage(
      OfficeEditors editors,
      List<HostPageAccess> access,
      Catalog catalog,
      WopiFiles files,
      TokenService tokens,
      HostUrls urls,
      Clock clock,
      Duration tokenTtl,
      List<String> frameSources,
      ObjectMapper json) {
    this.editors = editors;
    this.frameSources = List.copyOf(frameSources);
    this.grants = new PageGrants(access, tokens, clock, tokenTtl);
    this.catalog = catalog;
    this.urls = urls;
    this.json = json;
    this.api = new HostPageApi(grants, catalog, files, json);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/{fileId}", this::page).register(api);
  }

  private void page(ServerRequest req, ServerResponse res) {
    String fileId = req.path().pathParameters().get("fileId");
    Optional<AccessToken> grant = grants.grant(req, fileId);
    if (grant.isEmpty()) {
      Pages.html(res, Status.FORBIDDEN_403, "Link not valid",
          "<p>This link is not valid for this document, or it has expired. Ask for a new one.</p>");
      return;
    }
    Optional<FileRecord> file = catalog.findFile(fileId);
    if (file.isEmpty()) {
      Pages.html(res, Status.NOT_FOUND_404, "Document not found",
          "<p>This document does not exist any more.</p>");
      return;
    }
    if (editors.isEmpty()) {
      Pages.html(res, Status.SERVICE_UNAVAILABLE_503, "No editor configured",
          "<p>This host has no online office editor to open documents with. Its operator sets"
              + " one with <code>office-urls</code> (<code>WOPIHOST_OFFICE_URLS</code>), e.g."
              + " <code>onlyoffice=https://docs.example.com</code>.</p>");
      return;
    }
    String ext = FileNames.extension(file.get().name()).replaceFirst("^\\.", "");
    Optional<EditorAction> chosen =
        choose(ext, req.query().first("action").orElse("view"),
            grant.get().can(Permission.WRITE), file.get().size() == 0);
    if (chosen.isEmpty()) {
      Pages.html(res, Status.NOT_FOUND_404, "No editor for this document",
          "<p>None of this host's editors can open <code>." + Pages.escape(ext)
              + "</code> documents, or none can be reached right now.</p>");
      return;
    }
    grants.opened(req, res, grant.get());
    render(req, res, file.get(), grant.get(), chosen.get());
  }

  /**
   * The asked action if people open files with it, it is offered, and the grant allows it (for
   * edit of an empty file editnew, the spec's new-document flow); else view.
   */
  private Optional<EditorAction> choose(
      String ext, String asked, boolean write, boolean empty) {
    if (!WopiAction.OPENED_BY_PEOPLE.contains(asked) || (WopiAction.writes(asked) && !write)) {
      return editors.choose(ext, "view");
    }
    Optional<EditorAction> chosen = Optional.empty();
    if (asked.equals("edit") && empty) {
      chosen = editors.choose(ext, "editnew");
    }
    return chosen.or(() -> editors.choose(ext, asked)).or(() -> editors.choose(ext, "view"));
  }

  private void render(
      ServerRequest req, ServerResponse res, FileRecord file, AccessToken grant,
      EditorAction chosen) {
    String language = language(req);
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ActionUrl.UI_LLCC, language);
    values.put(ActionUrl.DC_LLCC, language);
    values.put(ActionUrl.HOST_SESSION_ID, randomHex(16));
    if (chosen.action().name().equals("embedview")) {
      values.put(ActionUrl.EMBEDDED, "true");
    }
    Map<String, String> extra = new LinkedHashMap<>();
    if (chosen.product() == Product.COLLABORA) {
      // Collabora's templates have no placeholders; these are the parameters its connectors use.
      extra.put("lang", language);
      extra.put("closebutton", "1");
      extra.put("revisionhistory", "1");
    }
    // Office for the web may add wd* parameters to the host page URL; they go on to the frame.
    req.query().names().stream()
        .filter(n -> n.startsWith("wd"))
        .forEach(n -> extra.put(n, req.query().first(n).orElse("")));
    String actionUrl = chosen.url(urls.wopiSrc(file.id()), values, extra);
    PageGrants.Minted minted = grants.mint(grant, file.id());
    String nonce = randomHex(16);
    String base = urls.base() + "/open/" + file.id();
    var config = new LinkedHashMap<String, Object>();
    config.put("editorOrigin", origin(actionUrl));
    config.put("product", chosen.product().name());
    config.put("action", chosen.action().name());
    config.put("renewUrl", base + "/token");
    config.put("shareUrl", base + "/share");
    config.put("versionsUrl", base + "/versions");
    config.put("closeUrl", urls.base() + "/");
    if (grant.can(Permission.WRITE) && !chosen.action().writes()) {
      config.put("editUrl", urls.hostPage(file.id(), "edit"));
    }
    // A quarter of the token's life before it ends: well before Collabora's warning, 15 minutes
    // ahead of access_token_ttl for the usual 10-hour tokens.
    config.put("renewBeforeMs", grants.tokenTtl().toMillis() / 4);
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    // A cached host page would post an expired token again.
    res.header(HeaderNames.CACHE_CONTROL, "no-cache, no-store");
    res.header(HeaderNames.EXPIRES, "-1");
    res.header(HeaderNames.create("Pragma"), "no-cache");
    var editorOrigins = new LinkedHashSet<String>();
    editorOrigins.add(origin(actionUrl));
    editorOrigins.addAll(frameSources);
    SecurityHeaders.hostPage(res, nonce, editorOrigins, chosen.favIconUrl().flatMap(HostPage::iconOrigin));
    res.send(html(file, chosen, actionUrl, minted, config, nonce)
        .getBytes(StandardCharsets.UTF_8));
  }

  private String html(
      FileRecord file, EditorAction chosen, String actionUrl, PageGrants.Minted minted,
      Map<String, Object> config, String nonce) {
    // Collabora asks hosts not to disable zooming; Microsoft's sample page does.
    String viewport =
        chosen.product() == Product.MICROSOFT
            ? "width=device-width, initial-scale=1, maximum-scale=1, minimum-scale=1,"
                + " user-scalable=no"
            : "width=device-width, initial-scale=1";
    String favicon =
        chosen.favIconUrl()
            .map(u -> "<link rel=\"shortcut icon\" href=\"" + Pages.escape(u) + "\">")
            .orElse("");
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"" + viewport + "\">"
        + "<title>" + Pages.escape(file.name()) + "</title>" + favicon
        + "<style nonce=\"" + nonce + "\">" + STYLE + "</style></head><body>"
        + "<div id=\"office_frame_holder\"></div>"
        + "<form id=\"office_form\" name=\"office_form\" target=\"office_frame\" method=\"post\""
        + " action=\"" + Pages.escape(actionUrl) + "\">"
        + "<input name=\"access_token\" value=\"" + Pages.escape(minted.token())
        + "\" type=\"hidden\"><input name=\"access_token_ttl\" value=\"" + minted.ttl()
        + "\" type=\"hidden\"></form>"
        + "<div id=\"wopihost-panel\" role=\"dialog\" aria-modal=\"true\" hidden></div>"
        + "<script type=\"application/json\" id=\"wopihost-page\">" + scriptJson(config)
        + "</script><script nonce=\"" + nonce + "\">" + SCRIPT + "</script></body></html>\n";
  }

  private static final String STYLE =
      "body{margin:0;padding:0;overflow:hidden;-ms-content-zooming:none}"
          + "#office_frame{width:100%;height:100%;position:absolute;top:0;left:0;right:0;bottom:0;"
          + "margin:0;border:none;display:block}"
          + "#wopihost-panel{position:absolute;top:10%;left:50%;transform:translateX(-50%);"
          + "max-width:90%;max-height:80%;overflow:auto;background:#fff;color:#222;padding:1em;"
          + "border-radius:6px;box-shadow:0 4px 24px rgba(0,0,0,.35);font:14px sans-serif;"
          + "z-index:10}"
          + "#wopihost-panel input{width:32em;max-width:100%}"
          + "#wopihost-panel td,#wopihost-panel th{padding:.2em .6em;text-align:left}";

  /** The browser's first language, if it is a well-formed tag; else en-US. */
  private static String language(ServerRequest req) {
    String first =
        req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("").split(",")[0].split(";")[0]
            .trim();
    return LANGUAGE.matcher(first).matches() ? first : DEFAULT_LANGUAGE;
  }

  private static String origin(String url) {
    var uri = java.net.URI.create(url);
    int port = uri.getPort();
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://"
        + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
  }

  /** A favicon URL from discovery that is not an absolute http(s) URL is not allowed to load. */
  private static Optional<String> iconOrigin(String url) {
    try {
      var uri = java.net.URI.create(url);
      return uri.getHost() == null || uri.getScheme() == null
          ? Optional.empty()
          : Optional.of(origin(url));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** JSON that is safe inside a script element: no {@code <} can end it. */
  private String scriptJson(Map<String, Object> config) {
    try {
      return json.writeValueAsString(config).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always serialise", e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String resource(String name) {
    try (InputStream in = HostPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
