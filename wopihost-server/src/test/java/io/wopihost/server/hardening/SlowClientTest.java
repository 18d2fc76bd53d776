package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and stalled clients: headers not all in, a WOPI body that stops arriving, and a keep-alive
 * connection that sends nothing after its request are cut off after {@code client-read-timeout}
 * (1 s here), and a stalled save changes nothing; the client waits at most 15 s for the close.
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
  void trickledHeaders_areCutOff() throws Exception {
    try (Socket socket = connect()) {
      var out = socket.getOutputStream();
      out.write("GET /wopi/files/x HTTP/1.1\r\nHost: localhost\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      boolean closed = false;
      // A header line every 300 ms: never silent for a whole second, never finished.
      for (int i = 0; i < 40 && !closed; i++) {
        try {
          out.write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(300);
        } catch (IOException cut) {
          closed = true;
        }
      }

      assertThat(closed || closedByServer(socket.getInputStream())).isTrue();
    }
  }

  @Test
  void stalledBody_isCutOff_andTheFileIsUnchanged() throws Exception {
    WopiClient editor = host.newFile("Slow.docx", bytes("before"), "sam");
    assertThat(editor.lock("L").statusCode()).isEqualTo(200);
    String path = "/wopi/files/" + editor.fileId() + "/contents?access_token="
        + URLEncoder.encode(editor.token(), StandardCharsets.UTF_8);
    long blobs = host.blobFileCount();

    try (Socket socket = connect()) {
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
          + "X-WOPI-Override: PUT\r\nX-WOPI-Lock: L\r\nContent-Length: 100000\r\n\r\nonly a"
          + " start").getBytes(StandardCharsets.US_ASCII));

      assertThat(closedByServer(socket.getInputStream())).isTrue();
    }
    assertThat(editor.getFile().body()).isEqualTo(bytes("before"));
    assertThat(editor.getLock().headers().firstValue("X-WOPI-Lock")).hasValue("L");
    assertThat(host.blobFileCount()).isEqualTo(blobs);
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
