package io.wopihost.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DotNetTicksTest {

  @Test
  void toInstant_unixEpochAndAKnownStamp_areRight() {
    assertThat(DotNetTicks.toInstant(621_355_968_000_000_000L)).isEqualTo(Instant.EPOCH);
    // A timestamp of Microsoft's proof-key vectors.
    assertThat(DotNetTicks.toInstant(635_655_897_610_773_532L))
        .isEqualTo(Instant.parse("2015-04-25T20:16:01.0773532Z"));
  }

  @Test
  void of_roundTripsToTheTick() {
    Instant at = Instant.parse("2026-03-04T05:06:07.1234567Z");

    assertThat(DotNetTicks.toInstant(DotNetTicks.of(at))).isEqualTo(at);
    assertThat(DotNetTicks.of(Instant.parse("0001-01-01T00:00:00Z"))).isZero();
  }
}
