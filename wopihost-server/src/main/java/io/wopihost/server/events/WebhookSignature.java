package io.wopihost.server.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * webhook secret, of the timestamp header's value, a dot, and the body. A receiver recomputes it
 * and compares in constant time, and refuses timestamps too far from its own clock (replays).
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-Wopihost-Signature";
  public static final String TIMESTAMP_HEADER = "X-Wopihost-Timestamp";
  public static final String EVENT_ID_HEADER = "X-Wopihost-Event-Id";
  public static final String EVENT_TYPE_HEADER = "X-Wopihost-Event";

  private final SecretKeySpec key;

  public WebhookSignature(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /**
   * @param timestamp the value of {@value #TIMESTAMP_HEADER} (seconds since the epoch)
   * @param body the exact bytes of the body
   */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
