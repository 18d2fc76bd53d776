package io.wopihost.core.names;

/** Well-formedness of UTF-16 text, shared by the codec and the name rules. */
final class Surrogates {

  private Surrogates() {}

  /** The index of the first surrogate that is not half of a high-low pair, or -1 if none. */
  static int indexOfUnpaired(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
