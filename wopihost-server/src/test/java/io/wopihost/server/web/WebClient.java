package io.wopihost.server.web;

import io.wopihost.server.TestHost;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser stand-in for HTTP tests: keeps the session cookie and finds the CSRF token. */
final class WebClient {

  private static final Pattern COOKIE = Pattern.compile(Sessions.COOKIE + "=([^;]*)");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private final TestHost host;
  private String cookie = "";

  WebClient(TestHost host) {
    this.host = host;
  }

  HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return remember(host.send("GET", host.uri(path), null, "Cookie", cookieHeader()));
  }

  /** Posts a form; {@code fields} alternate names and values. */
  HttpResponse<byte[]> post(String path, String... fields)
      throws IOException, InterruptedException {
    var body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return remember(host.send("POST", host.uri(path), body.toString().getBytes(StandardCharsets.UTF_8),
        "Cookie", cookieHeader(), "Content-Type", "application/x-www-form-urlencoded"));
  }

  HttpResponse<byte[]> upload(String folderPath, String name, byte[] content, String csrf)
      throws IOException, InterruptedException {
    return remember(host.send("POST", host.uri(folderPath + "/upload?name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)), content,
        "Cookie", cookieHeader(), Sessions.CSRF_HEADER, csrf));
  }

  HttpResponse<byte[]> signIn(String user, String password)
      throws IOException, InterruptedException {
    return post("/signin", "username", user, "password", password);
  }

  /** The CSRF token of the signed-in session, read from a page. */
  String csrf() throws IOException, InterruptedException {
    Matcher m = CSRF.matcher(text(get("/account")));
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the page: not signed in?");
    }
    return m.group(1);
  }

  String cookie() {
    return cookie;
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private String cookieHeader() {
    return Sessions.COOKIE + "=" + cookie;
  }

  private HttpResponse<byte[]> remember(HttpResponse<byte[]> response) {
    response.headers().allValues("Set-Cookie").forEach(header -> {
      Matcher m = COOKIE.matcher(header);
      if (m.find()) {
        cookie = m.group(1);
      }
    });
    return response;
  }
}
