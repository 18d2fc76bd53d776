package io.wopihost.office;

import java.util.Map;
import java.util.Optional;

/**
 * An action of a configured editor, chosen for a file: what the host page opens.
 *
 * @param editor the editor's configured name
 * @param product which editor it is
 * @param action the discovery action
 */
public record EditorAction(String editor, Product product, WopiAction action) {

  /** The action URL for a file, see {@link ActionUrl#build}. */
  public String url(String wopiSrc, Map<String, String> values, Map<String, String> extra) {
    return ActionUrl.build(action.urlsrc(), wopiSrc, values, extra);
  }

  public Optional<String> favIconUrl() {
    return action.favIconUrl();
  }
}
