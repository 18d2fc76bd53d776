package io.wopihost.core.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class Utf7PropertyTest {

  @Property
  void decode_ofEncode_returnsText(@ForAll("unicodeText") String text) {
    assertThat(Utf7.decode(Utf7.encode(text))).isEqualTo(text);
  }

  @Property
  void encode_anyText_isPrintableAscii(@ForAll("unicodeText") String text) {
    assertThat(Utf7.encode(text).chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
  }

  /** .NET's encoding (optional direct characters in runs), npm's, and glibc's dash-less runs. */
  @Property
  void decode_ofClientEncoding_returnsText(
      @ForAll("unicodeText") String text, @ForAll ClientEncoder encoder) {
    assertThat(Utf7.decode(encoder.encode(text))).isEqualTo(text);
  }

  @Property
  void decode_anyAscii_returnsDecodableTextOrThrowsIllegalArgument(
      @ForAll("utf7LikeAscii") String encoded) {
    checkDecodeFailsOnlyWithIllegalArgument(encoded);
  }

  @Property
  void decode_anyString_returnsDecodableTextOrThrowsIllegalArgument(@ForAll String encoded) {
    checkDecodeFailsOnlyWithIllegalArgument(encoded);
  }

  private static void checkDecodeFailsOnlyWithIllegalArgument(String encoded) {
    String decoded;
    try {
      decoded = Utf7.decode(encoded);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(Utf7.decode(Utf7.encode(decoded))).isEqualTo(decoded);
  }

  /** Well-formed UTF-16, rich in the characters where the encoders differ. */
  @Provide
  Arbitrary<String> unicodeText() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(4, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(2, Arbitraries.of((int) '+', (int) '-', (int) '_', (int) ' ', (int) '~')),
                Tuple.of(
                    2,
                    Arbitraries.integers()
                        .between(0x80, 0xFFFF)
                        .filter(c -> !Character.isSurrogate((char) c.intValue()))),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF))));
    return codePoints
        .list()
        .ofMaxSize(60)
        .map(
            list -> {
              StringBuilder text = new StringBuilder();
              list.forEach(text::appendCodePoint);
              return text.toString();
            });
  }

  /** ASCII where '+', '-' and base64 characters are common enough to form runs of any shape. */
  @Provide
  Arbitrary<String> utf7LikeAscii() {
    Arbitrary<Character> chars =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(2, Arbitraries.of('+', '-')),
                Tuple.of(
                    5,
                    Arbitraries.of(
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                            .toCharArray())),
                Tuple.of(1, Arbitraries.chars().range('\0', '\u007f'))));
    return chars
        .list()
        .ofMaxSize(40)
        .map(
            list -> {
              StringBuilder text = new StringBuilder();
              list.forEach(text::append);
              return text.toString();
            });
  }
}
