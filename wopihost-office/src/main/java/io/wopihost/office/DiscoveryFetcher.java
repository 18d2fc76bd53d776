package io.wopihost.office;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Gets discovery documents over http(s), or from a file. Thread safe. */
final class DiscoveryFetcher implements AutoCloseable {

  /** Microsoft's document is about 1 MB; anything far larger is not discovery. */
  static final long MAX_BYTES = 16L << 20;

  private final HttpClient http;
  private final Duration timeout;
  private final String hostScheme;

  DiscoveryFetcher(Duration timeout, String hostScheme) {
    this.timeout = timeout;
    this.hostScheme = hostScheme;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  Discovery fetch(URI uri) throws IOException {
    if (uri.getScheme().equals("file")) {
      try (InputStream in = Files.newInputStream(Path.of(uri))) {
        return Discovery.parse(new Limited(in), hostScheme);
      }
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/xml").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + uri);
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(uri + " answered " + response.statusCode());
      }
      return Discovery.parse(new Limited(in), hostScheme);
    }
  }

  @Override
  public void close() {
    http.close();
  }

  /** Fails a read past {@link #MAX_BYTES}. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BYTES) {
        throw new IOException("the discovery document is larger than " + MAX_BYTES + " bytes");
      }
    }
  }
}
