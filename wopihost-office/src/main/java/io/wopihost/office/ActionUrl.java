package io.wopihost.office;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an action's {@code urlsrc} template into the URL the host page posts to. Optional
 * parameters appear in templates as {@code <name=PLACEHOLDER&>}; the host fills those it has a
 * value for (matched on the placeholder, since editors use different parameter names), drops the
 * others, and makes sure {@code WOPISrc} is there: Collabora's templates have no placeholders at
 * all. The access token never goes into the URL.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/online/discovery#action-urls">Action URLs</a>
 */
public final class ActionUrl {

  /** The WOPISrc placeholder, the one every URL must have. */
  public static final String WOPI_SOURCE = "WOPI_SOURCE";
  /** The UI language (e.g. {@code en-US}). */
  public static final String UI_LLCC = "UI_LLCC";
  /** The data and calculation language. */
  public static final String DC_LLCC = "DC_LLCC";
  /** An id of the host's session, for support logs. */
  public static final String HOST_SESSION_ID = "HOST_SESSION_ID";
  /** {@code true} when the output is embedded in another page. */
  public static final String EMBEDDED = "EMBEDDED";

  private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>=]+)=([^<>&]+)(&?)>");

  private ActionUrl() {}

  /**
   * @param urlsrc the action's template, XML entities decoded
   * @param wopiSrc the file's WOPISrc, not encoded
   * @param values placeholder values by placeholder name ({@link #UI_LLCC}, ...); not encoded
   * @param extra parameters to append whatever the template says (editor-specific ones)
   */
  public static String build(
      String urlsrc, String wopiSrc, Map<String, String> values, Map<String, String> extra) {
    Matcher m = PLACEHOLDER.matcher(urlsrc);
    StringBuilder url = new StringBuilder();
    boolean hasWopiSource = false;
    while (m.find()) {
      String placeholder = m.group(2).trim();
      String value = placeholder.equals(WOPI_SOURCE) ? wopiSrc : values.get(placeholder);
      hasWopiSource |= placeholder.equals(WOPI_SOURCE);
      String replacement =
          value == null || value.isEmpty() ? "" : m.group(1).trim() + '=' + encode(value) + m.group(3);
      m.appendReplacement(url, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(url);
    if (!hasWopiSource) {
      append(url, "WOPISrc", wopiSrc);
    }
    extra.forEach((name, value) -> append(url, name, value));
    while (url.length() > 0 && (url.charAt(url.length() - 1) == '&')) {
      url.setLength(url.length() - 1);
    }
    return url.toString();
  }

  private static void append(StringBuilder url, String name, String value) {
    int query = url.indexOf("?");
    if (query < 0) {
      url.append('?');
    } else if (query != url.length() - 1 && url.charAt(url.length() - 1) != '&') {
      url.append('&');
    }
    url.append(encode(name)).append('=').append(encode(value));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
