package io.wopihost.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.Ids;
import io.wopihost.core.model.User;
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

/** A web UI upload that stops arriving is cut off after client-read-timeout and stores nothing. */
class UploadStallTest {

  @TempDir Path dir;
  private TestHost host;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("password-hash-cost", "4", "client-read-timeout", "1s"));
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void stalledUpload_isCutOff_andNoFileOrBlobIsLeft() throws Exception {
    var browser = new WebClient(host);
    browser.signIn("alice", "alice-password");
    String csrf = browser.csrf();
    String root = host.host.catalog().rootContainer("alice", Ids.newId()).id();
    long blobs = host.blobFileCount();

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.host.port())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(("POST /files/" + root + "/upload?name=big.bin HTTP/1.1\r\n"
          + "Host: localhost\r\nCookie: " + Sessions.COOKIE + "=" + browser.cookie() + "\r\n" + Sessions.CSRF_HEADER + ": "
          + csrf + "\r\nContent-Length: 100000\r\n\r\nonly a start")
          .getBytes(StandardCharsets.US_ASCII));

      assertThat(closedByServer(socket.getInputStream())).isTrue();
    }
    assertThat(host.host.catalog().childFiles(root)).isEmpty();
    assertThat(host.blobFileCount()).isEqualTo(blobs);
  }

  private static boolean closedByServer(InputStream in) throws IOException {
    try {
      while (in.read() >= 0) {
        // an answer may come first
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
