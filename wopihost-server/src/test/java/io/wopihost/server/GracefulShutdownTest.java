package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shutdown path (what SIGTERM runs): a PutFile whose body is still streaming in when the
 * node is told to stop completes, answers 200 and is committed; then the node is gone.
 */
class GracefulShutdownTest {

  private static final int SIZE = 4 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void close_duringALargePutFile_theSaveCompletesAndIsCommitted() throws Exception {
    var host = TestHost.start(dir, Map.of("shutdown-grace-period", "30s"));
    String id = host.importFile("Big.docx", "small".getBytes());
    String token = host.token(id);
    new WopiClient(host, id, token).lock("L1");
    byte[] content = new byte[SIZE];
    Arrays.fill(content, (byte) 'x');
    URI target = URI.create(host.wopiSrc(id) + "/contents");
    int port = host.host.port();

    Thread closer;
    int status;
    try (var socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST " + target.getRawPath() + "?access_token="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
                  + "Host: 127.0.0.1:" + port + "\r\n"
                  + "X-WOPI-Override: PUT\r\n"
                  + "X-WOPI-Lock: L1\r\n"
                  + "Content-Length: " + SIZE + "\r\n"
                  + "Expect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(content, 0, SIZE / 2);
      out.flush();
      // The server asks for the body only once the handler reads it: the save is in progress.
      assertThat(readHead(in)).startsWith("HTTP/1.1 100");

      closer = Thread.ofPlatform().start(host::close);
      while (!host.host.health().isDraining()) {
        Thread.onSpinWait();
      }
      out.write(content, SIZE / 2, SIZE - SIZE / 2);
      out.flush();
      status = Integer.parseInt(readHead(in).split(" ")[1]);
    }
    closer.join();

    assertThat(status).isEqualTo(200);
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    try (var reopened = TestHost.start(dir)) {
      var file = reopened.host.catalog().findFile(id).orElseThrow();
      assertThat(file.version()).isEqualTo(2);
      assertThat(file.size()).isEqualTo(SIZE);
    }
  }

  /** Reads a response's status line and headers. */
  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed after: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
