package io.wopihost.office;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured editor (WOPI client).
 *
 * @param name how the operator calls it: in settings, logs, metrics and health; letters, digits,
 *     {@code .}, {@code _} and {@code -}
 * @param base the editor's base URL, whose discovery is {@code <base>/hosting/discovery}; or a
 *     {@code file:} URL of a discovery document, for an editor whose discovery the host cannot
 *     reach or whose keys are pinned
 * @param proofs whether its requests must be signed
 */
public record EditorConfig(String name, URI base, ProofPolicy proofs) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public EditorConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(proofs, "proofs");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an editor name is 1 to 64 letters, digits, '.', '_' or '-': " + name);
    }
    String scheme = String.valueOf(base.getScheme());
    if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("file"))
        || (!scheme.equals("file") && base.getHost() == null)) {
      throw new IllegalArgumentException(
          "an editor's URL is an http(s) base URL or a file: URL of a discovery document: " + base);
    }
  }

  /** Where its discovery document is. */
  public URI discoveryUri() {
    if (base.getScheme().equals("file")) {
      return base;
    }
    String s = base.toString();
    return URI.create((s.endsWith("/") ? s : s + "/") + "hosting/discovery");
  }
}
