package io.wopihost.server.hardening;

import java.util.List;

/** The nasty values every hostile corpus sends, whatever the endpoint. */
final class HostileValues {

  /** UTF-7 names that are malformed, or that name a path rather than a file or container. */
  static final List<String> MALFORMED_NAMES =
      List.of(
          "+AC8-etc+AC8-passwd",
          "..+AC8-..+AC8-x",
          "+AFw-x",
          "a+AFwAXA-b",
          "+AAA-x",
          "a+AAA-",
          "+!!!-x",
          "+A-x",
          "+2D3-x",
          "x".repeat(5000),
          "+" + "AGE".repeat(3000) + "-",
          "a/b",
          "a\\b",
          "");

  /** Names that decode to something harmless: a host may take them, but only as plain names. */
  static final List<String> HARMLESS_NAMES = List.of("..", "+AC4ALg-", "+AGEAYgBj");

  /** Names for suggested mode, which must adapt any name rather than refuse it (WOPI.md §7.9). */
  static final List<String> SUGGESTED_NAMES =
      List.of("+!!!-x.docx", "+AC8-.docx", "+AAA-.docx", "..+AC8-..+AC8-x.docx", "+AFw-.docx");

  /**
   * {@code X-WOPI-Override} values no endpoint knows, whose answer is 501; the last holds a NUL,
   * which only a raw request can send.
   */
  static final List<String> UNKNOWN_OVERRIDES =
      List.of("GARBAGE", "lock", "put", "delete", "X".repeat(8000), "PUT_RELATIVE\u0000");

  /**
   * Ids as they appear in a path: traversal, encoded slashes, NUL, huge, Unicode, broken escapes;
   * none names a real file or container.
   */
  static final List<String> RAW_IDS =
      List.of(
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e%2f%2e%2e%2f",
          "a%2Fb",
          "a%5Cb",
          "%00",
          // 90 times an id's length, yet within the server's request-line limit: longer lines
          // are refused by the HTTP layer closing the connection, whose reset can race the
          // answer, so the test could not read it reliably.
          "x".repeat(2_000),
          "%E2%82%AC%F0%9F%98%80",
          "%FF%FE",
          "%");

  private HostileValues() {}
}
