package io.wopihost.server.config;

import java.util.Arrays;

/** A secret value that never shows itself in logs, messages or {@code toString()}. */
public final class Secret {

  private final byte[] value;

  public Secret(byte[] value) {
    this.value = value.clone();
  }

  public byte[] bytes() {
    return value.clone();
  }

  public String text() {
    return new String(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
