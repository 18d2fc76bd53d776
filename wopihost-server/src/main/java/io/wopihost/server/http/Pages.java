package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** Small pages the HTTP routes outside the web UI share. */
final class Pages {

  private Pages() {}

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
