package io.wopihost.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A container (folder). Every file lives in one; every user has a root container, which has no
 * parent.
 *
 * @param id opaque, URL-safe, stable across renames and moves
 * @param parentId the parent container, or {@code null} for a root container
 * @param ownerId the user who owns it
 * @param name the display name
 */
public record ContainerRecord(String id, String parentId, String ownerId, String name) {

  public ContainerRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
  }

  public Optional<String> parent() {
    return Optional.ofNullable(parentId);
  }

  public boolean isRoot() {
    return parentId == null;
  }
}
