package io.wopihost.core.names;

import java.util.Arrays;
import java.util.Objects;

/**
 * UTF-7 (RFC 2152), the encoding of file names in the WOPI headers {@code X-WOPI-SuggestedTarget},
 * {@code X-WOPI-RelativeTarget}, {@code X-WOPI-RequestedName} and {@code
 * X-WOPI-ValidRelativeTarget}. The JDK ships no UTF-7 charset.
 *
 * <p>{@link #decode} accepts what the encoders of WOPI clients produce, which differ: .NET's (also
 * encodes the RFC's optional direct characters such as {@code _}), npm {@code utf7} (also encodes
 * spaces) and glibc iconv (omits the {@code -} that closes a run when the next character cannot be
 * mistaken for base64). It rejects, with an {@link IllegalArgumentException}, input that is not
 * UTF-7 or decodes to ill-formed UTF-16. {@link #encode} writes the RFC's direct and optional
 * direct characters as themselves and closes every base64 run with {@code -}, which every one of
 * those decoders reads. For every well-formed string {@code s}, {@code decode(encode(s))} equals
 * {@code s}.
 *
 * <p>Stateless and thread-safe. Exception messages are ASCII and never echo the input, so they may
 * go into a response header or a log.
 */
public final class Utf7 {

  /**
   * The longest input {@link #decode} accepts, in characters. A file name is at most a few hundred
   * characters and UTF-7 at most triples it; longer input is not a name.
   */
  public static final int MAX_ENCODED_LENGTH = 8192;

  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int[] BASE64_VALUE = new int[128];

  // RFC 2152 Set D, space, and Set O. Set O leaves out '\' and '~' already; '+' is the shift
  // character. Tab, CR and LF (allowed direct by the RFC) are encoded: they cannot travel in a
  // header value unencoded.
  private static final boolean[] DIRECT = new boolean[128];

  static {
    Arrays.fill(BASE64_VALUE, -1);
    for (int i = 0; i < BASE64.length(); i++) {
      BASE64_VALUE[BASE64.charAt(i)] = i;
    }
    String direct =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:? "
            + "!\"#$%&*;<=>@[]^_`{|}";
    for (int i = 0; i < direct.length(); i++) {
      DIRECT[direct.charAt(i)] = true;
    }
  }

  private Utf7() {}

  /**
   * Decodes UTF-7 text.
   *
   * <p>{@code +-} is a literal {@code +}. Any other {@code +} starts a run of modified base64
   * (UTF-16BE code units, no padding) that ends at the first character outside the base64 alphabet;
   * a {@code -} ending a run is absorbed, any other character is kept. A run may end at the end of
   * the input. Code units of consecutive runs join, so a surrogate pair may be split across two
   * runs. Characters outside runs are taken as they are.
   *
   * @throws IllegalArgumentException if the input is longer than {@link #MAX_ENCODED_LENGTH},
   *     contains a non-ASCII character, has a {@code +} that starts no run, has a run ending in an
   *     incomplete character or non-zero padding bits, or decodes to an unpaired surrogate
   */
  public static String decode(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length() > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "UTF-7 input is "
              + encoded.length()
              + " characters long; at most "
              + MAX_ENCODED_LENGTH
              + " are accepted");
    }
    for (int i = 0; i < encoded.length(); i++) {
      if (encoded.charAt(i) > 0x7F) {
        throw new IllegalArgumentException(
            "UTF-7 is 7-bit, but the input has the non-ASCII character U+"
                + hex(encoded.charAt(i))
                + " at index "
                + i);
      }
    }
    StringBuilder out = new StringBuilder(encoded.length());
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c != '+') {
        out.append(c);
        i++;
      } else if (i + 1 < encoded.length() && encoded.charAt(i + 1) == '-') {
        out.append('+');
        i += 2;
      } else {
        i = decodeRun(encoded, i + 1, out);
      }
    }
    int unpaired = Surrogates.indexOfUnpaired(out);
    if (unpaired >= 0) {
      throw new IllegalArgumentException(
          "UTF-7 input decodes to the unpaired surrogate U+"
              + hex(out.charAt(unpaired))
              + " (decoded character "
              + unpaired
              + ")");
    }
    return out.toString();
  }

  /**
   * Encodes text as UTF-7: direct characters as themselves, {@code +} as {@code +-}, every other
   * run of characters as modified base64 closed by {@code -}.
   *
   * @throws IllegalArgumentException if the text contains an unpaired surrogate, which UTF-7 (like
   *     any Unicode encoding) cannot represent
   */
  public static String encode(String text) {
    Objects.requireNonNull(text, "text");
    int unpaired = Surrogates.indexOfUnpaired(text);
    if (unpaired >= 0) {
      throw new IllegalArgumentException(
          "cannot encode the unpaired surrogate U+"
              + hex(text.charAt(unpaired))
              + " at index "
              + unpaired);
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+') {
        out.append("+-");
        i++;
      } else if (isDirect(c)) {
        out.append(c);
        i++;
      } else {
        int end = i + 1;
        while (end < text.length() && !isDirect(text.charAt(end)) && text.charAt(end) != '+') {
          end++;
        }
        encodeRun(text, i, end, out);
        i = end;
      }
    }
    return out.toString();
  }

  /** Decodes the run that starts at {@code start}, just after its '+'; returns where it ended. */
  private static int decodeRun(String encoded, int start, StringBuilder out) {
    int bits = 0;
    int bitCount = 0;
    int i = start;
    while (i < encoded.length()) {
      int value = BASE64_VALUE[encoded.charAt(i)];
      if (value < 0) {
        break;
      }
      bits = (bits << 6) | value;
      bitCount += 6;
      if (bitCount >= 16) {
        bitCount -= 16;
        out.append((char) (bits >>> bitCount));
        bits &= (1 << bitCount) - 1;
      }
      i++;
    }
    if (i == start) {
      throw new IllegalArgumentException(
          "'+' at index "
              + (start - 1)
              + " is followed by neither '-' nor a base64 character (a literal '+' is '+-')");
    }
    // An encoder pads the last code unit to a whole base64 character with zero bits, so at most
    // 4 bits are left over; 6 or more means a stray character, non-zero bits a truncated unit.
    if (bitCount >= 6) {
      throw new IllegalArgumentException(
          "the base64 run starting at index " + (start - 1) + " ends with an incomplete character");
    }
    if (bits != 0) {
      throw new IllegalArgumentException(
          "the base64 run starting at index " + (start - 1) + " ends with non-zero padding bits");
    }
    if (i < encoded.length() && encoded.charAt(i) == '-') {
      i++;
    }
    return i;
  }

  private static void encodeRun(String text, int start, int end, StringBuilder out) {
    out.append('+');
    int bits = 0;
    int bitCount = 0;
    for (int i = start; i < end; i++) {
      bits = (bits << 16) | text.charAt(i);
      bitCount += 16;
      while (bitCount >= 6) {
        bitCount -= 6;
        out.append(BASE64.charAt((bits >>> bitCount) & 0x3F));
      }
      bits &= (1 << bitCount) - 1;
    }
    if (bitCount > 0) {
      out.append(BASE64.charAt((bits << (6 - bitCount)) & 0x3F));
    }
    out.append('-');
  }

  private static boolean isDirect(char c) {
    return c < 0x80 && DIRECT[c];
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
