package io.wopihost.core.spi;

import java.io.IOException;

/** A stream given to {@link BlobStore#put} was longer than its limit; nothing was stored. */
public final class BlobTooLargeException extends IOException {

  private final long limit;

  public BlobTooLargeException(long limit) {
    super("content is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
