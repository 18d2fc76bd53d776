package io.wopihost.server;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.config.Settings;
import io.wopihost.server.config.SettingsLoader;
import io.wopihost.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    return new FileImporter(host).importFile(name, new ByteArrayInputStream(content), USER).id();
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
    var builder =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    host.close();
  }
}
