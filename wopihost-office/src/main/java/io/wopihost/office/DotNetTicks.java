package io.wopihost.office;

import java.time.Instant;

/**
 * .NET {@code DateTime} ticks, the unit of {@code X-WOPI-TimeStamp}: 100-nanosecond intervals
 * since 0001-01-01T00:00:00Z.
 */
public final class DotNetTicks {

  private static final long TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000L;
  private static final long TICKS_PER_SECOND = 10_000_000L;

  private DotNetTicks() {}

  public static Instant toInstant(long ticks) {
    long sinceEpoch = ticks - TICKS_AT_UNIX_EPOCH;
    return Instant.ofEpochSecond(
        Math.floorDiv(sinceEpoch, TICKS_PER_SECOND),
        Math.floorMod(sinceEpoch, TICKS_PER_SECOND) * 100);
  }

  public static long of(Instant instant) {
    return TICKS_AT_UNIX_EPOCH
        + instant.getEpochSecond() * TICKS_PER_SECOND
        + instant.getNano() / 100;
  }
}
