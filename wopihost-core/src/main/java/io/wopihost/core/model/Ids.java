package io.wopihost.core.model;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New ids for files and containers: 128 random bits, base64url without padding (22 characters).
 * Opaque, URL-safe, and unguessable, so an id reveals nothing and cannot be enumerated.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a string could be an id we issued: only what {@link #newId()} can produce. */
  public static boolean isWellFormed(String id) {
    if (id == null || id.length() != 22) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
