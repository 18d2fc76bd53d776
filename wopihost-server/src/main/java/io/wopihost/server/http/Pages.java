package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The host's browser pages: the landing page, and the page a share link (GetShareUrl) opens,
 * from which the shared file can be downloaded without an account.
 */
final class Pages implements HttpService {

  private final Catalog catalog;
  private final BlobStore blobs;
  private final TokenService tokens;

  Pages(Catalog catalog, BlobStore blobs, TokenService tokens) {
    this.catalog = catalog;
    this.blobs = blobs;
    this.tokens = tokens;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::home)
        .get("/health", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "application/json")
            .send("{\"status\":\"UP\"}"))
        .get("/open/{fileId}", this::hostPage)
        .get("/share/{token}", this::share)
        .get("/share/{token}/content", this::shareContent);
  }

  private void home(ServerRequest req, ServerResponse res) {
    html(
        res,
        Status.OK_200,
        "wopihost",
        "<p>This WOPI host is running. Editors reach it under <code>/wopi/files/{id}</code>.</p>"
            + "<p>Mint an access token for a file with <code>./wopihost token --file ID --user"
            + " USER</code>.</p>");
  }

  /**
   * HostViewUrl and HostEditUrl lead here. Opening a file in an editor needs a configured editor
   * and a signed-in user; until both exist this page says so, and reveals nothing about the
   * file.
   */
  private void hostPage(ServerRequest req, ServerResponse res) {
    html(
        res,
        Status.OK_200,
        "Open a document",
        "<p>This page opens documents in an online office editor (ONLYOFFICE Docs, Collabora"
            + " Online, Office for the web). No editor is configured on this host yet.</p>"
            + "<p>Editors can already open and save files through WOPI with an access token from"
            + " <code>./wopihost token</code>.</p>");
  }

  private void share(ServerRequest req, ServerResponse res) {
    String token = req.path().pathParameters().get("token");
    Optional<FileRecord> file = sharedFile(token);
    if (file.isEmpty()) {
      expired(res);
      return;
    }
    String name = escape(file.get().name());
    html(
        res,
        Status.OK_200,
        name,
        "<p>" + name + " (" + file.get().size() + " bytes) was shared with you.</p>"
            + "<p><a href=\"/share/" + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "/content\" download>Download</a></p>");
  }

  private void shareContent(ServerRequest req, ServerResponse res) {
    Optional<FileRecord> file = sharedFile(req.path().pathParameters().get("token"));
    if (file.isEmpty()) {
      expired(res);
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.header(
        HeaderNames.CONTENT_DISPOSITION,
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file.get().name(), StandardCharsets.UTF_8).replace("+", "%20"));
    res.contentLength(file.get().size());
    try (InputStream in = blobs.open(file.get().blobKey());
        OutputStream out = res.outputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<FileRecord> sharedFile(String token) {
    return tokens
        .verify(token)
        .map(AccessToken::scope)
        .filter(s -> s.kind() == Scope.Kind.FILE)
        .flatMap(s -> catalog.findFile(s.id()));
  }

  private static void expired(ServerResponse res) {
    html(res, Status.NOT_FOUND_404, "Link not available",
        "<p>This link is not valid, or it has expired. Ask for a new one.</p>");
  }

  static void html(ServerResponse res, Status status, String title, String body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send(
        ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><h1>" + title + "</h1>" + body
                + "</body></html>")
            .getBytes(StandardCharsets.UTF_8));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
