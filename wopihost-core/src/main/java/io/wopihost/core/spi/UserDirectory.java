package io.wopihost.core.spi;

import io.wopihost.core.model.User;
import java.util.List;
import java.util.Optional;

/**
 * The people who can sign in to the host (the OAuth login page), with their passwords, which are
 * kept only as salted, slow hashes. Thread safe, and safe for several nodes sharing a database.
 */
public interface UserDirectory {

  /**
   * The user, if the password is theirs. Costs about as much for an unknown user as for a wrong
   * password, so that the time taken does not tell which user ids exist.
   */
  Optional<User> authenticate(String userId, char[] password);

  Optional<User> find(String userId);

  /**
   * Adds a user with a password.
   *
   * @return {@code false} when a user with that id exists
   */
  boolean tryAdd(User user, char[] password);

  /** Every user, by id. */
  List<User> list();

  /**
   * Replaces the user's password (with a fresh salt).
   *
   * @return {@code false} when there is no such user
   */
  boolean trySetPassword(String userId, char[] password);

  /** Whether the user is an administrator, who sees every user's files. */
  boolean isAdmin(String userId);

  /**
   * Makes the user an administrator, or not.
   *
   * @return {@code false} when there is no such user
   */
  boolean trySetAdmin(String userId, boolean admin);
}
