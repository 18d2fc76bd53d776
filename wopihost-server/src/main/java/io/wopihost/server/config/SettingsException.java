package io.wopihost.server.config;

/** The configuration is unusable; the message says what is wrong and how to fix it. */
public final class SettingsException extends RuntimeException {

  public SettingsException(String message) {
    super(message);
  }
}
