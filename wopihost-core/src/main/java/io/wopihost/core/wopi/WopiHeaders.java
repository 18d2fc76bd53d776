package io.wopihost.core.wopi;

/** Names of the WOPI headers the host reads and writes. */
public final class WopiHeaders {

  public static final String OVERRIDE = "X-WOPI-Override";
  public static final String LOCK = "X-WOPI-Lock";
  public static final String OLD_LOCK = "X-WOPI-OldLock";
  public static final String LOCK_FAILURE_REASON = "X-WOPI-LockFailureReason";
  public static final String ITEM_VERSION = "X-WOPI-ItemVersion";
  public static final String MAX_EXPECTED_SIZE = "X-WOPI-MaxExpectedSize";
  public static final String SUGGESTED_TARGET = "X-WOPI-SuggestedTarget";
  public static final String RELATIVE_TARGET = "X-WOPI-RelativeTarget";
  public static final String OVERWRITE_RELATIVE_TARGET = "X-WOPI-OverwriteRelativeTarget";
  public static final String VALID_RELATIVE_TARGET = "X-WOPI-ValidRelativeTarget";
  public static final String SIZE = "X-WOPI-Size";
  public static final String REQUESTED_NAME = "X-WOPI-RequestedName";
  public static final String INVALID_FILE_NAME_ERROR = "X-WOPI-InvalidFileNameError";
  public static final String URL_TYPE = "X-WOPI-UrlType";
  public static final String EDITORS = "X-WOPI-Editors";
  public static final String SERVER_ERROR = "X-WOPI-ServerError";
  public static final String INVALID_CONTAINER_NAME_ERROR = "X-WOPI-InvalidContainerNameError";
  public static final String FILE_EXTENSION_FILTER_LIST = "X-WOPI-FileExtensionFilterList";
  public static final String HOST_NATIVE_FILE_NAME = "X-WOPI-HostNativeFileName";
  public static final String ECOSYSTEM_OPERATION = "X-WOPI-EcosystemOperation";
  public static final String WOPI_SRC = "X-WOPI-WopiSrc";

  /** Collabora's and (under the legacy prefix) ONLYOFFICE's PutFile extensions. */
  public static final String[] TIMESTAMP = {"X-COOL-WOPI-Timestamp", "X-LOOL-WOPI-Timestamp"};

  public static final String[] IS_AUTOSAVE = {"X-COOL-WOPI-IsAutosave", "X-LOOL-WOPI-IsAutosave"};
  public static final String[] IS_EXIT_SAVE = {"X-COOL-WOPI-IsExitSave", "X-LOOL-WOPI-IsExitSave"};
  public static final String[] IS_MODIFIED_BY_USER = {
    "X-COOL-WOPI-IsModifiedByUser", "X-LOOL-WOPI-IsModifiedByUser"
  };

  private WopiHeaders() {}
}
