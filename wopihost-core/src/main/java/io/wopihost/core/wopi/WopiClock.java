package io.wopihost.core.wopi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The host's notion of "now" for stored times: microsecond precision, which every store keeps. */
final class WopiClock {

  private WopiClock() {}

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
