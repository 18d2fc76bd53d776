package io.wopihost.office;

import java.io.IOException;

/** A discovery document that cannot be used: not XML, not discovery, or unusable keys. */
public final class InvalidDiscoveryException extends IOException {

  InvalidDiscoveryException(String message) {
    super(message);
  }

  InvalidDiscoveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
