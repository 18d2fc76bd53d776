package io.wopihost.core.token;

/** What an access token allows beyond reading. */
public enum Permission {
  /** Read metadata and content. Every token has it. */
  READ,
  /** Lock, write content, create relative files, store user info. */
  WRITE,
  RENAME,
  DELETE
}
