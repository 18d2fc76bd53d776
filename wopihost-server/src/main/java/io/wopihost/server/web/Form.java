package io.wopihost.server.web;

import io.wopihost.server.web.WebException.BadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body; a field given twice keeps its
 * first value.
 */
final class Form {

  /** Forms here carry a few names and tokens; anything bigger is not one of ours. */
  private static final int MAX_BYTES = 64 * 1024;

  private final Map<String, String> fields;

  private Form(Map<String, String> fields) {
    this.fields = fields;
  }

  static Form read(InputStream body) {
    byte[] bytes;
    try (body) {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new BadRequest("The form is too large.");
    }
    return parse(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  static Form parse(String encoded) {
    var fields = new HashMap<String, String>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.putIfAbsent(name, value);
    }
    return new Form(fields);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The field's value, trimmed; a clear error when it is missing or blank. */
  String required(String name, String label) {
    String value = fields.getOrDefault(name, "").strip();
    if (value.isEmpty()) {
      throw new BadRequest("Please fill in " + label + ".");
    }
    return value;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("The form is not well-formed.");
    }
  }
}
