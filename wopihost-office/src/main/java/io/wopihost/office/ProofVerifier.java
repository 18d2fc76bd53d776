package io.wopihost.office;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a request's proof-key signatures against one editor's keys, as the WOPI proof-key page
 * describes: RSA PKCS#1 v1.5 with SHA-256 over the token, the upper-cased URL and the timestamp.
 * The timestamp's age is the caller's business. Stateless and thread safe.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/online/scenarios/proofkeys">Proof keys</a>
 */
public final class ProofVerifier {

  /** Which key made a signature the spec accepts. */
  public enum Match {
    /** {@code X-WOPI-Proof} verifies with the current key: the usual case. */
    CURRENT,
    /**
     * Accepted, but the keys seem to have moved on: {@code X-WOPI-ProofOld} verifies with the
     * current key (the editor has a newer key than the cached discovery), or {@code X-WOPI-Proof}
     * with the old key (the editor's machine has not picked up the newest key yet).
     */
    ROTATED,
    /** Neither accepted combination verifies. */
    NONE
  }

  private ProofVerifier() {}

  /**
   * Accepts ({@code X-WOPI-Proof}, current), ({@code X-WOPI-ProofOld}, current) and ({@code
   * X-WOPI-Proof}, old), with any of the request's token forms; never ({@code X-WOPI-ProofOld},
   * old) alone.
   *
   * @param ticks the request's timestamp, already parsed
   */
  public static Match match(ProofKeys keys, ProofRequest request, long ticks) {
    boolean rotated = false;
    for (String token : request.accessTokens()) {
      byte[] data = signedBytes(token, request.url(), ticks);
      if (verifies(keys.current(), data, request.proof())) {
        return Match.CURRENT;
      }
      rotated |=
          verifies(keys.current(), data, request.proofOld())
              || (keys.old().isPresent() && verifies(keys.old().get(), data, request.proof()));
    }
    return rotated ? Match.ROTATED : Match.NONE;
  }

  /** The bytes an editor signs; every integer big-endian. */
  static byte[] signedBytes(String token, String url, long ticks) {
    byte[] t = token.getBytes(StandardCharsets.UTF_8);
    byte[] u = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + t.length + 4 + u.length + 4 + 8)
        .putInt(t.length)
        .put(t)
        .putInt(u.length)
        .put(u)
        .putInt(Long.BYTES)
        .putLong(ticks)
        .array();
  }

  private static boolean verifies(PublicKey key, byte[] data, Optional<String> signature) {
    if (signature.isEmpty() || signature.get().isBlank()) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(Base64.getDecoder().decode(signature.get().trim()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Not base64, the wrong length for the key, or not a signature: it does not verify.
      return false;
    }
  }
}
