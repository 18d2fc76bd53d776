package io.wopihost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with webhook-urls set posts each change of a file to the receiver, in order. */
class WebhookEndToEndTest {

  private static final String SECRET = "a webhook secret of some length";

  @TempDir Path dir;

  @Test
  void editingSession_withWebhooks_receiverGetsEachChangeInOrder() throws Exception {
    try (var receiver = new Receiver(SECRET.getBytes(), 0);
        var host =
            TestHost.start(
                dir,
                Map.of("webhook-urls", receiver.uri().toString(), "webhook-secret", SECRET))) {
      String id = host.importFile("Plan.docx", "plan".getBytes());
      var editor = new WopiClient(host, id, host.token(id));

      editor.checkFileInfo();
      editor.lock("L1");
      editor.putFile("v2".getBytes(), "X-WOPI-Lock", "L1");
      editor.override("UNLOCK", null, "X-WOPI-Lock", "L1");
      editor.override("RENAME_FILE", null, "X-WOPI-RequestedName", "Budget");
      editor.override("DELETE", null);

      List<String> types = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        var delivery = receiver.arrivals.poll(10, TimeUnit.SECONDS);
        assertThat(delivery).as("delivery %d", i + 1).isNotNull();
        assertThat(delivery.signatureValid()).isTrue();
        types.add(delivery.type());
      }
      assertThat(types)
          .containsExactly(
              "file.locked", "file.saved", "file.unlocked", "file.renamed", "file.deleted");
    }
  }
}
