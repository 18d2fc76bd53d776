package io.wopihost.server;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.config.Settings;
import io.wopihost.server.config.SettingsLoader;
import io.wopihost.testkit.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real wopihost node for tests: SQLite and blobs in a temp dir, the HTTP server on a random
 * port, a {@link MutableClock} to move time, and a plain JDK HTTP client.
 */
public final class TestHost implements AutoCloseable {

  public static final String USER = "alice";

  public final MutableClock clock = MutableClock.startingAt2026();
  public final Host host;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestHost(Path dir, Map<String, String> extra) throws IOException {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("data-dir", dir.toString());
    overrides.put("port", "0");
    overrides.put("bind-address", "127.0.0.1");
    overrides.put("demo-files", "false");
    // A collection in the background would race the test's own uploads.
    overrides.put("blob-gc-on-start", "false");
    overrides.putAll(extra);
    Settings settings = SettingsLoader.load(Optional.empty(), Map.of(), overrides);
    this.host = Host.open(settings, clock).serve();
  }

  public static TestHost start(Path dir) throws IOException {
    return new TestHost(dir, Map.of());
  }

  public static TestHost start(Path dir, Map<String, String> settings) throws IOException {
    return new TestHost(dir, settings);
  }

  /** Imports a file owned by {@link #USER}; returns its id. */
  public String importFile(String name, byte[] content) throws IOException {
    return importFile(name, content, USER);
  }

  /** Imports a file into the root container of {@code owner}; returns its id. */
  public String importFile(String name, byte[] content, String owner) throws IOException {
    return new FileImporter(host).importFile(name, new ByteArrayInputStream(content), owner).id();
  }

  /** Imports a file owned by {@link #USER} and returns a client with every right on it. */
  public WopiClient newFile(String name, byte[] content) throws IOException {
    return newFile(name, content, USER);
  }

  /** Imports a file owned by {@code owner} and returns the owner's client with every right. */
  public WopiClient newFile(String name, byte[] content, String owner) throws IOException {
    String id = importFile(name, content, owner);
    return new WopiClient(this, id, token(id, owner, EnumSet.allOf(Permission.class)));
  }

  /** A token for {@link #USER} with every right on the file, valid for 10 hours. */
  public String token(String fileId) {
    return token(fileId, USER, EnumSet.allOf(Permission.class));
  }

  public String token(String fileId, String user, Set<Permission> rights) {
    return host.tokens()
        .issue(
            new AccessToken(
                user, Scope.file(fileId), rights, clock.instant().plus(Duration.ofHours(10))));
  }

  public String wopiSrc(String fileId) {
    return host.urls().wopiSrc(fileId);
  }

  public URI uri(String pathAndQuery) {
    return URI.create(host.publicUrl() + pathAndQuery);
  }

  /** Sends a request; {@code headers} alternate names and values. */
  public HttpResponse<byte[]> send(String method, URI uri, byte[] body, String... headers)
      throws IOException, InterruptedException {
    return sendBody(
        method,
        uri,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body),
        headers);
  }

  /**
   * Sends a request with any body, e.g. {@code BodyPublishers.ofInputStream}, which has no
   * declared length and goes out chunked.
   */
  public HttpResponse<byte[]> sendBody(
      String method, URI uri, HttpRequest.BodyPublisher body, String... headers)
      throws IOException, InterruptedException {
    var builder = HttpRequest.newBuilder(uri).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Sends a request byte for byte, for what the JDK client refuses or rewrites (it sends a
   * non-ASCII header value as {@code ?}), then ends the stream; returns the response's status
   * code.
   *
   * @param requestLine e.g. {@code GET /wopi/files/x?access_token=y HTTP/1.1}
   * @param rest what follows {@code Host} and {@code Connection: close}: more header lines, each
   *     ending in CRLF, then CRLF and the body
   */
  public int sendRaw(String requestLine, byte[] rest) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.port())) {
      var out = socket.getOutputStream();
      try {
        out.write(
            (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(rest);
        // A body shorter than its Content-Length ends here, as when a client hangs up.
        socket.shutdownOutput();
      } catch (SocketException refusedEarly) {
        // The server may answer a request it refuses (a huge request line) and close before
        // the client has written it all; its answer is still there to read.
      }
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /**
   * How many files the filesystem blob store holds, finished blobs and unfinished uploads alike:
   * a refused upload must leave this unchanged.
   */
  public long blobFileCount() throws IOException {
    var store = (Settings.BlobSettings.FileSystem) host.settings().blobs();
    try (Stream<Path> files = Files.walk(store.dir())) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Override
  public void close() {
    host.close();
  }
}
