package io.wopihost.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes and durations people write in configuration: {@code 100MB}, {@code 10h}. */
public final class Quantities {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)");
  private static final Map<String, Long> SIZE_UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("k", 1L << 10),
          Map.entry("kb", 1_000L),
          Map.entry("kib", 1L << 10),
          Map.entry("m", 1L << 20),
          Map.entry("mb", 1_000_000L),
          Map.entry("mib", 1L << 20),
          Map.entry("g", 1L << 30),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("gib", 1L << 30),
          Map.entry("t", 1L << 40),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("tib", 1L << 40));

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Quantities() {}

  /** A byte count, with an optional unit (KB = 1000, KiB = K = 1024, …). */
  public static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || !SIZE_UNITS.containsKey(m.group(2))) {
      throw new IllegalArgumentException("expected a size such as 1073741824, 100MB or 1GiB");
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), SIZE_UNITS.get(m.group(2)));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("the size is too large");
    }
  }

  /** A duration such as {@code 10h}, {@code 30m}, {@code 7d}, {@code 500ms} or ISO {@code PT10H}. */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("expected a duration such as 10h, 30m, 7d or PT10H");
    }
  }
}
