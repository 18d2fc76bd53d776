package io.wopihost.core.names;

/**
 * UTF-7 encoders that behave like the ones WOPI clients use rather than like {@link Utf7#encode},
 * written from their observed output, to check that the decoder reads each of them.
 */
enum ClientEncoder {
  /**
   * .NET's {@code Encoding.UTF7}: only RFC 2152 Set D, space, tab, CR and LF are direct, so {@code
   * _} and the other optional direct characters go into runs; {@code +} inside a run is encoded in
   * it; every run ends with {@code -}.
   */
  DOTNET("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:? \t\r\n", false),

  /** npm {@code utf7}: like .NET but the space is encoded too. */
  NPM("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:?", false),

  /**
   * glibc iconv: .NET's direct set, but a run's closing {@code -} is left out when the next
   * character can neither continue base64 nor be a {@code -}. Unlike glibc, this one also leaves it
   * out at the end of the input, which RFC 2152 allows.
   */
  GLIBC("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:? \t\r\n", true);

  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final String direct;
  private final boolean dashOnlyWhenNeeded;

  ClientEncoder(String direct, boolean dashOnlyWhenNeeded) {
    this.direct = direct;
    this.dashOnlyWhenNeeded = dashOnlyWhenNeeded;
  }

  String encode(String text) {
    StringBuilder out = new StringBuilder();
    int bits = 0;
    int bitCount = -1; // -1: outside a run
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (direct.indexOf(c) >= 0) {
        if (bitCount >= 0) {
          closeRun(out, bits, bitCount, c);
          bitCount = -1;
        }
        out.append(c);
      } else if (c == '+' && bitCount < 0) {
        out.append("+-");
      } else {
        if (bitCount < 0) {
          out.append('+');
          bits = 0;
          bitCount = 0;
        }
        bits = (bits << 16) | c;
        bitCount += 16;
        while (bitCount >= 6) {
          bitCount -= 6;
          out.append(BASE64.charAt((bits >>> bitCount) & 0x3F));
        }
        bits &= (1 << bitCount) - 1;
      }
    }
    if (bitCount >= 0) {
      closeRun(out, bits, bitCount, -1);
    }
    return out.toString();
  }

  private void closeRun(StringBuilder out, int bits, int bitCount, int next) {
    if (bitCount > 0) {
      out.append(BASE64.charAt((bits << (6 - bitCount)) & 0x3F));
    }
    boolean ambiguous = next == '-' || (next >= 0 && BASE64.indexOf(next) >= 0);
    if (!dashOnlyWhenNeeded || ambiguous) {
      out.append('-');
    }
  }
}
