package io.wopihost.core.wopi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The body of a successful or conflict answer. */
public sealed interface Body {

  Body NONE = new None();

  /** No body. */
  record None() implements Body {}

  /**
   * A JSON object. Keys are the spec's property names; values are strings, numbers, booleans,
   * lists or nested maps, never {@code null} (WOPI: omit instead of null).
   */
  record Json(Map<String, Object> properties) implements Body {}

  /** File content streamed from the blob store. */
  record Content(long size, ContentSource source) implements Body {}

  /** Opens the bytes of a {@link Content} body when the HTTP layer is ready to send them. */
  @FunctionalInterface
  interface ContentSource {
    InputStream open() throws IOException;
  }
}
