package io.wopihost.office;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public keys an editor signs its WOPI requests with, from discovery's {@code proof-key}
 * element: the current key and, while the editor rotates keys, the old one.
 *
 * @param current the key of {@code value} or {@code modulus}/{@code exponent}
 * @param old the key of {@code oldvalue} or {@code oldmodulus}/{@code oldexponent}, if published
 */
public record ProofKeys(PublicKey current, Optional<PublicKey> old) {

  public ProofKeys {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(old, "old");
  }

  /**
   * The keys of a {@code proof-key} element, by attribute name. Both encodings are understood:
   * {@code modulus}/{@code exponent} (base64 of big-endian unsigned integers) and {@code value}
   * (base64 of a CAPI blob); when both are present, the modulus and exponent win.
   *
   * @throws IllegalArgumentException when no current key can be read
   */
  static ProofKeys fromAttributes(Function<String, Optional<String>> attribute) {
    PublicKey current =
        key(attribute, "")
            .orElseThrow(
                () -> new IllegalArgumentException("proof-key has neither value nor modulus"));
    return new ProofKeys(current, key(attribute, "old"));
  }

  private static Optional<PublicKey> key(
      Function<String, Optional<String>> attribute, String prefix) {
    Optional<String> modulus = attribute.apply(prefix + "modulus");
    Optional<String> exponent = attribute.apply(prefix + "exponent");
    if (modulus.isPresent() && exponent.isPresent()) {
      return Optional.of(
          rsa(
              new RSAPublicKeySpec(
                  new BigInteger(1, base64(modulus.get())),
                  new BigInteger(1, base64(exponent.get())))));
    }
    return attribute.apply(prefix + "value").map(v -> rsa(CapiBlob.decode(base64(v))));
  }

  private static byte[] base64(String text) {
    return Base64.getMimeDecoder().decode(text);
  }

  private static PublicKey rsa(RSAPublicKeySpec spec) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable RSA public key: " + e.getMessage(), e);
    }
  }
}
