package io.wopihost.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wopihost.server.events.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a random local port (the JDK's HTTP server): it answers 503 to the first
 * {@code failFirst} deliveries, then 204, and keeps what it accepted with a valid signature.
 */
final class Receiver implements AutoCloseable {

  /** A delivery as received. */
  record Delivery(String eventId, String type, String body, boolean signatureValid) {}

  private final HttpServer server;
  private final WebhookSignature signature;
  private final AtomicInteger toFail;
  private final AtomicInteger attempts = new AtomicInteger();
  final List<Delivery> accepted = new CopyOnWriteArrayList<>();
  final BlockingQueue<Delivery> arrivals = new LinkedBlockingQueue<>();

  Receiver(byte[] secret, int failFirst) throws IOException {
    this.signature = new WebhookSignature(secret);
    this.toFail = new AtomicInteger(failFirst);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  int attempts() {
    return attempts.get();
  }

  /** From now on, every delivery fails. */
  void goDown() {
    toFail.set(Integer.MAX_VALUE);
  }

  void comeBack() {
    toFail.set(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      attempts.incrementAndGet();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      var headers = exchange.getRequestHeaders();
      String expected =
          signature.sign(headers.getFirst(WebhookSignature.TIMESTAMP_HEADER), body);
      var delivery =
          new Delivery(
              headers.getFirst(WebhookSignature.EVENT_ID_HEADER),
              headers.getFirst(WebhookSignature.EVENT_TYPE_HEADER),
              new String(body, StandardCharsets.UTF_8),
              expected.equals(headers.getFirst(WebhookSignature.SIGNATURE_HEADER)));
      accepted.add(delivery);
      arrivals.add(delivery);
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
