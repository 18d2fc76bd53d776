package io.wopihost.server.web;

import io.wopihost.core.model.User;
import io.wopihost.core.spi.UserDirectory;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The administrator the embedded default creates on its first start, so that someone can sign in
 * at once. Its password is random and shown once (in the serve banner); only its hash is stored.
 */
public final class FirstAdmin {

  public static final String USER_ID = "admin";

  private static final char[] ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private FirstAdmin() {}

  /**
   * Creates the administrator when there are no users yet.
   *
   * @return its password, to show once; empty when there were users already
   */
  public static Optional<String> createIfNoUsers(UserDirectory users) {
    if (!users.list().isEmpty()) {
      return Optional.empty();
    }
    char[] password = new char[20];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    try {
      // Another node may have made it at the same moment: then its password is the one to use.
      if (!users.tryAdd(new User(USER_ID, "Administrator"), password)) {
        return Optional.empty();
      }
      users.trySetAdmin(USER_ID, true);
      return Optional.of(new String(password));
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
