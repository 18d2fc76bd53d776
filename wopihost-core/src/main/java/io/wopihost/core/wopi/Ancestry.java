package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The containers above a file or container, each looked up with one catalog query: whether a
 * container token reaches something, and EnumerateAncestors.
 */
final class Ancestry {

  /** How many ancestors EnumerateAncestors lists, and how far up a container token reaches. */
  static final int MAX_DEPTH = 64;

  private static final String INCOMPLETE = "X-WOPI-EnumerationIncomplete";

  private final Catalog catalog;
  private final FileLinks links;

  Ancestry(Catalog catalog, FileLinks links) {
    this.catalog = catalog;
    this.links = links;
  }

  /** Whether {@code ancestorId} is {@code containerId} or above it (within {@link #MAX_DEPTH}). */
  boolean reaches(String ancestorId, String containerId) {
    return catalog.ancestry(containerId, MAX_DEPTH).stream()
        .anyMatch(c -> c.id().equals(ancestorId));
  }

  /**
   * EnumerateAncestors: {@code nearest} and the containers above it, root first, as container
   * pointers with tokens minted from {@code token}. Only containers the token's user owns are
   * listed, from {@code nearest} up to the first one they do not own: a token for one shared file
   * must not open the folders of someone who shared it. A chain longer than {@link #MAX_DEPTH} is
   * cut and marked incomplete.
   *
   * @see <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/files/enumerateancestors">EnumerateAncestors</a>
   */
  Outcome enumerate(AccessToken token, String nearest) {
    List<ContainerRecord> chain = catalog.ancestry(nearest, MAX_DEPTH + 1);
    List<Map<String, Object>> pointers = new ArrayList<>();
    boolean incomplete = false;
    for (int i = chain.size() - 1; i >= 0; i--) {
      ContainerRecord container = chain.get(i);
      if (!container.ownerId().equals(token.userId())) {
        break;
      }
      if (pointers.size() == MAX_DEPTH) {
        incomplete = true;
        break;
      }
      pointers.addFirst(pointer(token, container));
    }
    Map<String, String> headers = incomplete ? Map.of(INCOMPLETE, "true") : Map.of();
    return new Outcome.Ok(headers, new Body.Json(Map.of("AncestorsWithRootFirst", pointers)));
  }

  /** A ContainerPointer: the container's name, and its URL with a token minted from another. */
  Map<String, Object> pointer(AccessToken token, ContainerRecord container) {
    return Map.of("Name", container.name(), "Url", links.containerUrl(token, container.id()));
  }
}
