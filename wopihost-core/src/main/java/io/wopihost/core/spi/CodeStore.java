package io.wopihost.core.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Single-use secrets with an expiry, shared by every node (OAuth authorization codes): whoever
 * redeems a code first gets its value, and nobody after. Codes are random and long enough not to
 * be guessed; a store keeps only a hash of each, so its contents do not reveal live codes. Thread
 * safe.
 */
public interface CodeStore {

  /**
   * Stores {@code value} under {@code code} until {@code expiresAt}. Codes are never reused;
   * storing one twice is a programming error. Expired codes may be removed at any time.
   */
  void put(String code, String value, Instant expiresAt);

  /**
   * Removes the code and returns its value, if it was stored, has not expired at {@code now}, and
   * has not been redeemed before. Atomic: of callers racing for one code, exactly one gets it.
   */
  Optional<String> redeem(String code, Instant now);
}
