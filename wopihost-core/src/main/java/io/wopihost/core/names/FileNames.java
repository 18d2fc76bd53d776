package io.wopihost.core.names;

import java.util.Objects;
import java.util.Optional;

/**
 * The rules for a file or container name the host stores, and the helpers that make a legal name
 * out of a client's suggestion.
 *
 * <p>A legal name is not blank; has no path separator ({@code /}, {@code \}), control character
 * (C0, DEL, C1), unpaired surrogate or Windows-reserved character ({@code : * ? " < > |}); has no
 * leading or trailing whitespace and no trailing dot (so it is not only dots); has a non-empty
 * base; and its base is at most {@code maxBaseLength} UTF-16 code units long, the extension not
 * counted (CheckFileInfo {@code FileNameMaxLength}).
 *
 * <p>The extension is the last dot and what follows it, as .NET's {@code Path.GetExtension} has it:
 * {@code "a.b.docx"} has {@code ".docx"}, {@code ".wopitest"} is all extension and has an empty
 * base, {@code "Report."} and {@code "Report"} have none.
 *
 * <p>Stateless and thread-safe. Every {@code maxBaseLength} must be positive.
 */
public final class FileNames {

  /** The spec's {@code FileNameMaxLength} default: 250 characters, the extension not counted. */
  public static final int DEFAULT_MAX_BASE_LENGTH = 250;

  private static final String RESERVED = ":*?\"<>|";
  private static final char REPLACEMENT = '_';

  private FileNames() {}

  /**
   * Why {@code name} is not a legal name, or empty if it is. The reason is ASCII and does not quote
   * the name, so it can go into {@code X-WOPI-InvalidFileNameError}.
   */
  public static Optional<String> problem(String name, int maxBaseLength) {
    requirePositive(maxBaseLength);
    if (name == null || name.isBlank()) {
      return Optional.of("the name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      if (isForbidden(name.charAt(i))) {
        return Optional.of(forbiddenReason(name.charAt(i)));
      }
    }
    if (Surrogates.indexOfUnpaired(name) >= 0) {
      return Optional.of("the name contains an unpaired surrogate (ill-formed UTF-16)");
    }
    if (name.chars().allMatch(c -> c == '.')) {
      return Optional.of("the name consists only of dots");
    }
    if (Character.isWhitespace(name.charAt(0))
        || Character.isWhitespace(name.charAt(name.length() - 1))) {
      return Optional.of("the name starts or ends with whitespace");
    }
    if (name.endsWith(".")) {
      return Optional.of("the name ends with a dot");
    }
    String base = base(name);
    if (base.isEmpty()) {
      return Optional.of("the name has nothing before its extension");
    }
    if (base.length() > maxBaseLength) {
      return Optional.of(
          "the name is "
              + base.length()
              + " characters long without its extension; at most "
              + maxBaseLength
              + " are allowed");
    }
    return Optional.empty();
  }

  /**
   * A legal name made from a client's suggestion (suggested mode of PutRelativeFile and
   * CreateChildFile), never failing: keeps what follows the last path separator, replaces
   * characters a name may not contain with {@code _}, strips leading whitespace and trailing
   * whitespace and dots, and truncates the base to {@link #DEFAULT_MAX_BASE_LENGTH} keeping the
   * extension. When no base is left, as for an extension-only suggestion like {@code ".docx"}, the
   * base is {@code fallbackBase} (cleaned the same way, leading dots stripped too), or {@code _} if
   * that is empty too. A legal name comes back unchanged.
   */
  public static String sanitize(String proposed, String fallbackBase) {
    return sanitize(proposed, fallbackBase, DEFAULT_MAX_BASE_LENGTH);
  }

  /** {@link #sanitize(String, String)} for a host whose {@code FileNameMaxLength} is not 250. */
  public static String sanitize(String proposed, String fallbackBase, int maxBaseLength) {
    Objects.requireNonNull(proposed, "proposed");
    Objects.requireNonNull(fallbackBase, "fallbackBase");
    requirePositive(maxBaseLength);
    int separator = Math.max(proposed.lastIndexOf('/'), proposed.lastIndexOf('\\'));
    String name = trim(replaceIllegal(proposed.substring(separator + 1)), false);
    String extension = extension(name);
    String base = fit(name.substring(0, name.length() - extension.length()), maxBaseLength);
    if (base.isEmpty()) {
      // Without leading dots, the fallback cannot turn into an extension of its own.
      base = fit(trim(replaceIllegal(fallbackBase), true), maxBaseLength);
    }
    return (base.isEmpty() ? String.valueOf(REPLACEMENT) : base) + extension;
  }

  /**
   * {@code name} with {@code " (n)"} after its base, to tell it from an existing name: {@code
   * withSuffix("Report.docx", 2)} is {@code "Report (2).docx"}. The base is shortened if the suffix
   * would take it past {@link #DEFAULT_MAX_BASE_LENGTH}, so a legal name gives a legal name, and
   * different {@code n} give different names. Pass the original name for each {@code n}, not the
   * previous result.
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public static String withSuffix(String name, int n) {
    return withSuffix(name, n, DEFAULT_MAX_BASE_LENGTH);
  }

  /**
   * {@link #withSuffix(String, int)} for a host whose {@code FileNameMaxLength} is not 250.
   *
   * @throws IllegalArgumentException if {@code n} is not positive or the suffix alone is longer
   *     than {@code maxBaseLength}
   */
  public static String withSuffix(String name, int n, int maxBaseLength) {
    Objects.requireNonNull(name, "name");
    requirePositive(maxBaseLength);
    if (n <= 0) {
      throw new IllegalArgumentException("the suffix number must be positive, was " + n);
    }
    String suffix = " (" + n + ")";
    if (suffix.length() > maxBaseLength) {
      throw new IllegalArgumentException(
          "the suffix " + suffix.strip() + " does not fit in " + maxBaseLength + " characters");
    }
    String base = fit(base(name), maxBaseLength - suffix.length());
    // An empty base would leave the suffix's space leading the name.
    return (base.isEmpty() ? suffix.strip() : base + suffix) + extension(name);
  }

  /** The extension with its dot ({@code ".docx"}), or {@code ""} if the name has none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && dot < name.length() - 1 ? name.substring(dot) : "";
  }

  /** The name without its {@linkplain #extension extension}. */
  public static String base(String name) {
    return name.substring(0, name.length() - extension(name).length());
  }

  private static String replaceIllegal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (isForbidden(c) || Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isForbidden(char c) {
    return c == '/' || c == '\\' || Character.isISOControl(c) || RESERVED.indexOf(c) >= 0;
  }

  private static String forbiddenReason(char c) {
    if (Character.isISOControl(c)) {
      return "the name contains the control character U+%04X".formatted((int) c);
    }
    if (c == '/' || c == '\\') {
      return "the name contains the path separator '" + c + "'";
    }
    return "the name contains '" + c + "', which file names may not contain";
  }

  /** Strips leading whitespace (and dots, if asked) and trailing whitespace and dots. */
  private static String trim(String text, boolean leadingDots) {
    int start = 0;
    int end = text.length();
    while (start < end
        && (Character.isWhitespace(text.charAt(start))
            || (leadingDots && text.charAt(start) == '.'))) {
      start++;
    }
    while (end > start
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '.')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The base cut to {@code limit} code units without splitting a surrogate pair, re-trimmed. */
  private static String fit(String base, int limit) {
    if (base.length() <= limit) {
      return base;
    }
    int end = limit > 0 && Character.isHighSurrogate(base.charAt(limit - 1)) ? limit - 1 : limit;
    return trim(base.substring(0, end), false);
  }

  private static void requirePositive(int maxBaseLength) {
    if (maxBaseLength <= 0) {
      throw new IllegalArgumentException("maxBaseLength must be positive, was " + maxBaseLength);
    }
  }
}
