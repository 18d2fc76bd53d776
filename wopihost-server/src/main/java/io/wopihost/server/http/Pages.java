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
 * The page a share link (GetShareUrl) opens, from which the shared file can be downloaded
 * without an account. (The host page that opens files in editors is {@link HostPage}.)
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
        .get("/share/{token}", this::share)
        .get("/share/{token}/content", this::shareContent);
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
    download(res, blobs, file.get());
  }

  /** Sends the file's current content as an attachment under its name. */
  static void download(ServerResponse res, BlobStore blobs, FileRecord file) {
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.header(
        HeaderNames.CONTENT_DISPOSITION,
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    res.contentLength(file.size());
    try (InputStream in = blobs.open(file.blobKey());
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
        .filter(s -> s.kind() == Scope.Kind.SHARED_FILE)
        .flatMap(s -> catalog.findFile(s.id()));
  }

  static void expired(ServerResponse res) {
    html(res, Status.NOT_FOUND_404, "Link not available",
        "<p>This link is not valid, or it has expired. Ask for a new one.</p>");
  }

  static void html(ServerResponse res, Status status, String title, String body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
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
