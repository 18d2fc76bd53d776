package io.wopihost.core.spi;

import io.wopihost.core.model.FileEvent;

/**
 * Told about every WOPI operation on a file that succeeded, after it took effect and before its
 * answer is written. It runs on the request's thread, so it must be quick; it must not throw: the
 * operation already happened and its answer must reach the client. Implementations are thread
 * safe.
 */
@FunctionalInterface
public interface WopiEvents {

  /** Listens to nothing. */
  WopiEvents NONE = event -> {};

  void happened(FileEvent event);
}
