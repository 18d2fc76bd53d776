package io.wopihost.core.spi;

/**
 * Reads and writes JSON for the operations whose request bodies are JSON (AddActivities). The
 * core has no JSON library; the server supplies one. Thread safe.
 */
public interface JsonCodec {

  /**
   * The JSON text as Java values: an object is a {@code Map<String, Object>} in document order,
   * an array a {@code List<Object>}, then {@code String}, {@code Number}, {@code Boolean}, and
   * {@code null} for JSON null.
   *
   * @throws IllegalArgumentException when the text is not one well-formed JSON value
   */
  Object parse(String json);

  /** The value (built of the types {@link #parse} returns) as compact JSON text. */
  String write(Object value);
}
