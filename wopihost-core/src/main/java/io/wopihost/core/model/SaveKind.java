package io.wopihost.core.model;

/**
 * Why a version was written, as far as the editor told us ({@code X-COOL-WOPI-IsAutosave},
 * {@code X-COOL-WOPI-IsExitSave} and their {@code X-LOOL-} twins). Plain WOPI clients say
 * nothing, which is {@link #UNSPECIFIED}.
 */
public enum SaveKind {
  UNSPECIFIED,
  /** The first content of a new file (import, PutRelativeFile, CreateChildFile). */
  CREATED,
  AUTOSAVE,
  /** The user asked to save. */
  EXPLICIT,
  /** The editor saved because the last user left. */
  EXIT
}
