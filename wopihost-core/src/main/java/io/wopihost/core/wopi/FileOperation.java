package io.wopihost.core.wopi;

import io.wopihost.core.token.Permission;
import java.util.Map;
import java.util.Optional;

/**
 * The WOPI operations on a file, each with the permission its token must carry. The {@code
 * X-WOPI-Override} dispatch for {@code POST /wopi/files/{id}} is the table in {@link
 * #forOverride}.
 */
public enum FileOperation {
  CHECK_FILE_INFO(Permission.READ),
  GET_FILE(Permission.READ),
  LOCK(Permission.WRITE),
  GET_LOCK(Permission.READ),
  REFRESH_LOCK(Permission.WRITE),
  UNLOCK(Permission.WRITE),
  UNLOCK_AND_RELOCK(Permission.WRITE),
  PUT_FILE(Permission.WRITE),
  PUT_RELATIVE_FILE(Permission.WRITE),
  RENAME_FILE(Permission.RENAME),
  DELETE_FILE(Permission.DELETE),
  ENUMERATE_ANCESTORS(Permission.READ),
  GET_SHARE_URL(Permission.READ),
  PUT_USER_INFO(Permission.READ),
  GET_ECOSYSTEM(Permission.READ),
  ADD_ACTIVITIES(Permission.READ);

  private static final Map<String, FileOperation> BY_OVERRIDE =
      Map.of(
          "LOCK", LOCK,
          "GET_LOCK", GET_LOCK,
          "REFRESH_LOCK", REFRESH_LOCK,
          "UNLOCK", UNLOCK,
          "PUT_RELATIVE", PUT_RELATIVE_FILE,
          "RENAME_FILE", RENAME_FILE,
          "DELETE", DELETE_FILE,
          "GET_SHARE_URL", GET_SHARE_URL,
          "PUT_USER_INFO", PUT_USER_INFO,
          "ADD_ACTIVITIES", ADD_ACTIVITIES);

  private final Permission required;

  FileOperation(Permission required) {
    this.required = required;
  }

  public Permission required() {
    return required;
  }

  /**
   * The operation a {@code POST /wopi/files/{id}} names. A LOCK that carries {@code
   * X-WOPI-OldLock} is UnlockAndRelock. Values are compared exactly: every client sends them in
   * upper case.
   */
  public static Optional<FileOperation> forOverride(String override, boolean hasOldLock) {
    FileOperation op = BY_OVERRIDE.get(override);
    if (op == LOCK && hasOldLock) {
      return Optional.of(UNLOCK_AND_RELOCK);
    }
    return Optional.ofNullable(op);
  }
}
