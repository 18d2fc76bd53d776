package io.wopihost.core.wopi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * WOPI time strings: UTC, ISO 8601 round-trip format with seven fractional digits ({@code
 * 2009-06-15T13:45:30.0000000Z}), the only format the spec shows. Editors echo the string back
 * (Collabora's timestamp check), so it is always written the same way and compared as an
 * instant.
 */
public final class WopiTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private WopiTime() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** Any ISO 8601 instant, with or without fraction digits; empty when it is not one. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.trim(), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
