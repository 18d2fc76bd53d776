package io.wopihost.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.server.TestHost;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle clients: a keep-alive connection that sends nothing after its request is closed once it has
 * been silent for {@code client-read-timeout} (1 s here); the client waits at most 15 s for it.
 * (Requests stalled half-way are not cut off by the HTTP stack: docs/operations.md, Slow clients.)
 */
class SlowClientTest {

  private static final int CLIENT_PATIENCE_MS = 15_000;

  @TempDir Path dir;
  private TestHost host;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("client-read-timeout", "1s"));
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void idleKeepAliveConnection_isClosed() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(
          "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThat(closedByServer(socket.getInputStream())).isTrue();
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.host.port());
    socket.setSoTimeout(CLIENT_PATIENCE_MS);
    return socket;
  }

  /** Reads (and drops any answer) until the server closes; false if it is still open. */
  private static boolean closedByServer(InputStream in) throws IOException {
    try {
      while (in.read() >= 0) {
        // an answer (400, 408 or the health check's 200) may come first
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
