package io.wopihost.core.wopi;

import java.time.Duration;

/**
 * The host's limits and defaults that shape WOPI answers.
 *
 * @param maxFileSize the largest content PutFile and PutRelativeFile accept, in bytes (413 above)
 * @param fileNameMaxLength CheckFileInfo {@code FileNameMaxLength}: the longest name, excluding
 *     the extension
 * @param shareLinkTtl how long a share URL from GetShareUrl stays valid
 * @param brandName shown by editors in their breadcrumb
 */
public record HostPolicy(
    long maxFileSize, int fileNameMaxLength, Duration shareLinkTtl, String brandName) {

  public HostPolicy {
    if (maxFileSize <= 0) {
      throw new IllegalArgumentException("maxFileSize must be positive");
    }
    if (fileNameMaxLength <= 0) {
      throw new IllegalArgumentException("fileNameMaxLength must be positive");
    }
  }
}
