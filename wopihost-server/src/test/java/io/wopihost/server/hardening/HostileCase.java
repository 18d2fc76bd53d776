package io.wopihost.server.hardening;

import java.util.Set;

/**
 * A named hostile request on a target of type {@code T} and the statuses it may get (empty: any
 * 4xx). One that {@code mayAccept} carries a name the spec lets the host adapt or take as it is: a
 * 200 is then allowed if what it made is harmless, which each corpus defines for its target.
 */
record HostileCase<T>(String name, Set<Integer> allowed, boolean mayAccept, Attack<T> attack) {

  /** One hostile request on a target; returns the status code. */
  interface Attack<T> {
    int send(T target) throws Exception;
  }

  HostileCase(String name, int status, Attack<T> attack) {
    this(name, Set.of(status), false, attack);
  }

  static <T> HostileCase<T> any4xx(String name, Attack<T> attack) {
    return new HostileCase<>(name, Set.of(), false, attack);
  }

  static <T> HostileCase<T> refusedOrSafe(String name, Attack<T> attack) {
    return new HostileCase<>(name, Set.of(), true, attack);
  }

  /** A label for a value that may be too long or too odd to print whole. */
  static String label(String value) {
    return value.length() > 30
        ? value.substring(0, 10) + "... " + value.length() + " chars"
        : value;
  }

  boolean expects(int status) {
    return allowed.isEmpty() ? status >= 400 && status < 500 : allowed.contains(status);
  }
}
