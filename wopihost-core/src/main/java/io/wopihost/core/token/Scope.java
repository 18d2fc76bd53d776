package io.wopihost.core.token;

import java.util.Objects;

/**
 * The resource an access token reaches.
 *
 * @param kind a file, a container (and what is below it), or the user's ecosystem
 * @param id the file or container id; the user id for {@link Kind#ECOSYSTEM}
 */
public record Scope(Kind kind, String id) {

  public enum Kind {
    FILE,
    CONTAINER,
    ECOSYSTEM
  }

  public Scope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static Scope file(String fileId) {
    return new Scope(Kind.FILE, fileId);
  }

  public static Scope container(String containerId) {
    return new Scope(Kind.CONTAINER, containerId);
  }
}
