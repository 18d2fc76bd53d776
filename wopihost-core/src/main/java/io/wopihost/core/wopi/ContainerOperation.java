package io.wopihost.core.wopi;

import io.wopihost.core.token.Permission;
import java.util.Map;
import java.util.Optional;

/**
 * The WOPI operations on a container, each with the permission its token must carry. The {@code
 * X-WOPI-Override} dispatch for {@code POST /wopi/containers/{id}} is the table in {@link
 * #forOverride}.
 */
public enum ContainerOperation {
  CHECK_CONTAINER_INFO(Permission.READ),
  CREATE_CHILD_CONTAINER(Permission.WRITE),
  CREATE_CHILD_FILE(Permission.WRITE),
  DELETE_CONTAINER(Permission.DELETE),
  ENUMERATE_ANCESTORS(Permission.READ),
  ENUMERATE_CHILDREN(Permission.READ),
  GET_SHARE_URL(Permission.READ),
  RENAME_CONTAINER(Permission.RENAME),
  GET_ECOSYSTEM(Permission.READ);

  private static final Map<String, ContainerOperation> BY_OVERRIDE =
      Map.of(
          "CREATE_CHILD_CONTAINER", CREATE_CHILD_CONTAINER,
          "CREATE_CHILD_FILE", CREATE_CHILD_FILE,
          "DELETE_CONTAINER", DELETE_CONTAINER,
          "GET_SHARE_URL", GET_SHARE_URL,
          "RENAME_CONTAINER", RENAME_CONTAINER);

  private final Permission required;

  ContainerOperation(Permission required) {
    this.required = required;
  }

  public Permission required() {
    return required;
  }

  /** The operation a {@code POST /wopi/containers/{id}} names; values are compared exactly. */
  public static Optional<ContainerOperation> forOverride(String override) {
    return Optional.ofNullable(BY_OVERRIDE.get(override));
  }
}
