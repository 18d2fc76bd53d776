package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sizes and durations written in configuration. */
class QuantitiesTest {

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "1024, 1024",
    "0, 0",
    "7B, 7",
    "512k, 524288",
    "512K, 524288",
    "2KB, 2000",
    "2KiB, 2048",
    "100MB, 100000000",
    "100 MiB, 104857600",
    "1GiB, 1073741824",
    "1G, 1073741824",
    "4GB, 4000000000",
    "1TiB, 1099511627776",
    "' 8MiB ', 8388608"
  })
  void parseSize_numberWithUnit_isThatManyBytes(String text, long bytes) {
    assertThat(Quantities.parseSize(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8589934592GiB", "99999999999999999999", "9223372036854775807K"})
  void parseSize_beyondALong_isTooLarge(String text) {
    assertThatThrownBy(() -> Quantities.parseSize(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the size is too large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "-1", "1.5GB", "12 parsecs", "MB", "10 M B"})
  void parseSize_notASize_saysWhatASizeLooksLike(String text) {
    assertThatThrownBy(() -> Quantities.parseSize(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a size such as 1073741824, 100MB or 1GiB");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "10h, PT10H",
    "30m, PT30M",
    "7d, PT168H",
    "500ms, PT0.5S",
    "45s, PT45S",
    "10 h, PT10H",
    "PT10H, PT10H",
    "pt1h30m, PT1H30M",
    "P1D, PT24H",
    "0s, PT0S"
  })
  void parseDuration_shortOrIsoForm_isThatDuration(String text, String iso) {
    assertThat(Quantities.parseDuration(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "forever", "10", "10x", "1.5h", "h", "9999999999999999999d", "106751991167301d"
      })
  void parseDuration_notADuration_saysWhatADurationLooksLike(String text) {
    assertThatThrownBy(() -> Quantities.parseDuration(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration such as 10h, 30m, 7d or PT10H");
  }
}
