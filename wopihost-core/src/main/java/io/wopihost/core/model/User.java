package io.wopihost.core.model;

import java.util.Objects;

/**
 * A person who signs in to the host.
 *
 * @param id the stable id, also the sign-in name and the {@code UserId} of WOPI answers
 * @param displayName the name shown to others ({@code UserFriendlyName})
 */
public record User(String id, String displayName) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
  }

  /**
   * Whether {@code id} can name a new user: 1 to 64 characters of ASCII letters, digits and
   * {@code . _ @ + -}, so that it is also a valid WOPI {@code UserId} and a sign-in name.
   */
  public static boolean isValidId(String id) {
    return id != null && id.matches("[A-Za-z0-9._@+-]{1,64}");
  }
}
