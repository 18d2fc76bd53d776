package io.wopihost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.model.User;
import io.wopihost.core.spi.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UserDirectory} must show. A backend's test extends this class and
 * creates a fresh, empty directory in {@link #newDirectory} (with a cheap hash cost: every test
 * hashes).
 */
public abstract class UserDirectoryContract {

  private static final User ALICE = new User("alice", "Alice Adams");

  private UserDirectory users;

  /** A new, empty directory; called before each test. */
  protected abstract UserDirectory newDirectory() throws Exception;

  @BeforeEach
  void createDirectory() throws Exception {
    users = newDirectory();
  }

  @Test
  void authenticate_rightPassword_returnsTheUser() {
    users.tryAdd(ALICE, "correct horse".toCharArray());

    assertThat(users.authenticate("alice", "correct horse".toCharArray())).contains(ALICE);
  }

  @Test
  void authenticate_wrongPasswordOrUnknownUser_isEmpty() {
    users.tryAdd(ALICE, "correct horse".toCharArray());

    assertThat(users.authenticate("alice", "correct horse ".toCharArray())).isEmpty();
    assertThat(users.authenticate("alice", "".toCharArray())).isEmpty();
    assertThat(users.authenticate("ALICE", "correct horse".toCharArray())).isEmpty();
    assertThat(users.authenticate("bob", "correct horse".toCharArray())).isEmpty();
  }

  @Test
  void authenticate_longAndNonAsciiPasswords_areCheckedInFull() {
    String longPassword = "ä".repeat(100);
    users.tryAdd(ALICE, (longPassword + "1").toCharArray());

    assertThat(users.authenticate("alice", (longPassword + "1").toCharArray())).contains(ALICE);
    assertThat(users.authenticate("alice", (longPassword + "2").toCharArray())).isEmpty();
  }

  @Test
  void tryAdd_takenId_returnsFalseAndKeepsTheFirstPassword() {
    assertThat(users.tryAdd(ALICE, "first".toCharArray())).isTrue();

    assertThat(users.tryAdd(new User("alice", "Other"), "second".toCharArray())).isFalse();

    assertThat(users.authenticate("alice", "first".toCharArray())).contains(ALICE);
    assertThat(users.authenticate("alice", "second".toCharArray())).isEmpty();
  }

  @Test
  void tryAdd_invalidIdOrEmptyPassword_throws() {
    assertThatThrownBy(() -> users.tryAdd(new User("a b", "A"), "pw".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> users.tryAdd(new User("a/b", "A"), "pw".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> users.tryAdd(ALICE, new char[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(users.list()).isEmpty();
  }

  @Test
  void findAndList_returnUsersWithoutTheirPasswords() {
    User bob = new User("bob@example.com", "Bob Ünïcode");
    users.tryAdd(bob, "pw-b".toCharArray());
    users.tryAdd(ALICE, "pw-a".toCharArray());

    assertThat(users.find("bob@example.com")).contains(bob);
    assertThat(users.find("carol")).isEmpty();
    assertThat(users.list()).containsExactly(ALICE, bob);
  }

  @Test
  void trySetPassword_existingUser_replacesThePassword() {
    users.tryAdd(ALICE, "old".toCharArray());

    assertThat(users.trySetPassword("alice", "new".toCharArray())).isTrue();

    assertThat(users.authenticate("alice", "new".toCharArray())).contains(ALICE);
    assertThat(users.authenticate("alice", "old".toCharArray())).isEmpty();
    assertThat(users.trySetPassword("bob", "new".toCharArray())).isFalse();
  }

  @Test
  void trySetAdmin_existingUser_changesIsAdmin() {
    users.tryAdd(ALICE, "pw".toCharArray());
    assertThat(users.isAdmin("alice")).isFalse();

    assertThat(users.trySetAdmin("alice", true)).isTrue();
    assertThat(users.isAdmin("alice")).isTrue();

    assertThat(users.trySetAdmin("alice", false)).isTrue();
    assertThat(users.isAdmin("alice")).isFalse();
    assertThat(users.trySetAdmin("bob", true)).isFalse();
    assertThat(users.isAdmin("bob")).isFalse();
  }
}
