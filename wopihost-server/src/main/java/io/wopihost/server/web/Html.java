package io.wopihost.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The page frame of the web UI and the escaping every user-controlled string goes through. Pages
 * load only this host's stylesheet and script, with no inline script or style: the
 * Content-Security-Policy of every page (server.http.SecurityHeaders) allows nothing else.
 */
final class Html {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Html() {}

  /**
   * Sends a page.
   *
   * @param visitor the signed-in user, for the header's sign-out form and the CSRF meta tag
   * @param title plain text; escaped here
   * @param body HTML, already escaped
   */
  static void page(
      ServerResponse res, Status status, Optional<Visitor> visitor, String title, String body) {
    var header = new StringBuilder("<header><a class=\"brand\" href=\"/\">wopihost</a>");
    visitor.ifPresent(v -> {
      header.append("<nav aria-label=\"Account\"><span>").append(escape(v.user().displayName()))
          .append(v.admin() ? " (admin)" : "").append("</span>");
      if (v.admin()) {
        header.append(" <a href=\"/admin/users\">Users</a>");
      }
      header.append(" <a href=\"/account\">Password</a> <form method=\"post\" action=\"/signout\">")
          .append(csrfField(v)).append("<button type=\"submit\">Sign out</button></form></nav>");
    });
    header.append("</header>");
    String meta = visitor
        .map(v -> "<meta name=\"csrf-token\" content=\"" + escape(v.csrfToken()) + "\">")
        .orElse("");
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    res.send(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + meta
            + "<title>" + escape(title) + " · wopihost</title>"
            + "<link rel=\"stylesheet\" href=\"/static/app.css\">"
            + "<script src=\"/static/app.js\" defer></script></head><body>" + header
            + "<main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A page that says what went wrong and what to do; never a stack trace. */
  static void error(ServerResponse res, Status status, Optional<Visitor> visitor, String message) {
    page(res, status, visitor, status == Status.NOT_FOUND_404 ? "Not found" : "That did not work",
        "<p role=\"alert\">" + escape(message) + "</p><p><a href=\"/\">Back to your files</a></p>");
  }

  static void redirect(ServerResponse res, String location) {
    res.status(Status.SEE_OTHER_303);
    res.header(HeaderNames.LOCATION, location);
    res.send();
  }

  static String csrfField(Visitor visitor) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(visitor.csrfToken()) + "\">";
  }

  static String escape(String s) {
    var out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A value for a URL's query or path segment. */
  static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String when(Instant instant) {
    return "<time datetime=\"" + instant + "\">" + WHEN.format(instant) + "</time>";
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    String[] units = {"KB", "MB", "GB", "TB"};
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
