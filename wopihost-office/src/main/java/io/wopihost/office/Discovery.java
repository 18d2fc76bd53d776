package io.wopihost.office;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An editor's parsed discovery document: its actions, indexed by action name and extension, and
 * its proof keys if it publishes any. Immutable.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/online/discovery">WOPI discovery</a>
 */
public final class Discovery {

  private final List<WopiAction> actions;
  private final Map<String, WopiAction> byNameAndExt = new LinkedHashMap<>();
  private final Optional<ProofKeys> proofKeys;
  private final Product product;

  Discovery(List<WopiAction> actions, Optional<ProofKeys> proofKeys) {
    this.actions = List.copyOf(actions);
    this.proofKeys = proofKeys;
    this.product = Product.of(this.actions);
    // The first app to list an (action, extension) wins: ONLYOFFICE lists its Word-style apps
    // before the MIME-type apps it adds for Collabora-style connectors.
    for (WopiAction action : this.actions) {
      byNameAndExt.putIfAbsent(key(action.name(), action.ext()), action);
    }
  }

  /**
   * Parses a discovery document. Documents with a DTD are refused, so no entity, internal or
   * external, is ever expanded.
   *
   * @param hostScheme {@code https} or {@code http}, the scheme of the host's public URL: its
   *     {@code net-zone} is preferred when the document has several
   * @throws IOException when the document cannot be read or is not a usable discovery document
   */
  public static Discovery parse(InputStream in, String hostScheme) throws IOException {
    return DiscoveryParser.parse(in, hostScheme);
  }

  /** The action of that name for files of that extension (without dot, any case). */
  public Optional<WopiAction> action(String name, String extension) {
    return Optional.ofNullable(byNameAndExt.get(key(name, extension)));
  }

  /** Every action for files of that extension, in document order, one per action name. */
  public List<WopiAction> actionsFor(String extension) {
    String ext = extension.toLowerCase(Locale.ROOT);
    List<WopiAction> found = new ArrayList<>();
    for (WopiAction action : byNameAndExt.values()) {
      if (action.ext().equals(ext)) {
        found.add(action);
      }
    }
    return found;
  }

  public List<WopiAction> actions() {
    return actions;
  }

  public Optional<ProofKeys> proofKeys() {
    return proofKeys;
  }

  public Product product() {
    return product;
  }

  private static String key(String name, String extension) {
    return name + '\u0000' + extension.toLowerCase(Locale.ROOT);
  }
}
