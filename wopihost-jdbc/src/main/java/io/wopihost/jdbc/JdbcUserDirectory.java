package io.wopihost.jdbc;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.UserDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link UserDirectory} in the table {@code users}, with bcrypt password hashes (random salt,
 * the cost in each hash). Passwords longer than bcrypt's 72 bytes are first hashed with SHA-512
 * rather than cut short. Thread safe.
 */
public final class JdbcUserDirectory implements UserDirectory {

  /** About a quarter of a second per check on a current server core. */
  public static final int DEFAULT_COST = 12;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

  private final Transactions db;
  private final Clock clock;
  private final int cost;
  private final BCrypt.Hasher hasher =
      BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  private final BCrypt.Verifyer verifyer =
      BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  // Checked for unknown users, so that they cost as much as a wrong password; made on first
  // need, since hashing takes as long as checking.
  private volatile String decoy;

  /**
   * @param dataSource a database migrated by {@link Database#migrate()}
   * @param clock stamps the creation time of users
   * @param cost the bcrypt cost of new hashes: {@link #DEFAULT_COST}; tests use the minimum, 4
   */
  public JdbcUserDirectory(DataSource dataSource, Clock clock, int cost) {
    this.db = new Transactions(dataSource);
    this.clock = clock;
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException(
          "the bcrypt cost is from " + BCrypt.MIN_COST + " to " + BCrypt.MAX_COST
              + ", was " + cost);
    }
    this.cost = cost;
  }

  @Override
  public Optional<User> authenticate(String userId, char[] password) {
    Optional<Stored> stored = db.autoCommit(c -> Sql.queryOne(
        c,
        "SELECT user_id, display_name, password_hash FROM users WHERE user_id = ?",
        JdbcUserDirectory::stored,
        userId));
    String hash = stored.map(Stored::passwordHash).orElseGet(this::decoy);
    boolean verified = verifyer.verify(password, hash).verified;
    return stored.filter(s -> verified).map(Stored::user);
  }

  @Override
  public Optional<User> find(String userId) {
    return db.autoCommit(c -> Sql.queryOne(
        c,
        "SELECT user_id, display_name, password_hash FROM users WHERE user_id = ?",
        row -> stored(row).user(),
        userId));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the id is not {@linkplain User#isValidId valid}, the
   *     display name is blank or the password is empty
   */
  @Override
  public boolean tryAdd(User user, char[] password) {
    if (!User.isValidId(user.id())) {
      throw new IllegalArgumentException(
          "a user id is 1 to 64 letters, digits and . _ @ + -, was '" + user.id() + "'");
    }
    if (user.displayName().isBlank()) {
      throw new IllegalArgumentException("the display name must not be blank");
    }
    String hash = hash(password);
    return db.autoCommit(c -> Sql.update(
            c,
            "INSERT INTO users (user_id, display_name, password_hash, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
            user.id(),
            user.displayName(),
            hash,
            Sql.toMicros(clock.instant())))
        == 1;
  }

  @Override
  public List<User> list() {
    return db.autoCommit(c -> Sql.queryList(
        c,
        "SELECT user_id, display_name, password_hash FROM users ORDER BY user_id",
        row -> stored(row).user()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the password is empty
   */
  @Override
  public boolean trySetPassword(String userId, char[] password) {
    String hash = hash(password);
    return db.autoCommit(c -> Sql.update(
            c, "UPDATE users SET password_hash = ? WHERE user_id = ?", hash, userId))
        == 1;
  }

  @Override
  public boolean isAdmin(String userId) {
    return db.autoCommit(c -> Sql.queryOne(
            c,
            "SELECT is_admin FROM users WHERE user_id = ?",
            row -> row.getInt("is_admin") == 1,
            userId))
        .orElse(false);
  }

  @Override
  public boolean trySetAdmin(String userId, boolean admin) {
    return db.autoCommit(c -> Sql.update(
            c, "UPDATE users SET is_admin = ? WHERE user_id = ?", admin ? 1 : 0, userId))
        == 1;
  }

  private String hash(char[] password) {
    if (password.length == 0) {
      throw new IllegalArgumentException("the password must not be empty");
    }
    return hasher.hashToString(cost, password);
  }

  private String decoy() {
    String d = decoy;
    if (d == null) {
      d = hasher.hashToString(cost, "decoy".toCharArray());
      decoy = d;
    }
    return d;
  }

  private record Stored(User user, String passwordHash) {}

  private static Stored stored(ResultSet row) throws SQLException {
    return new Stored(
        new User(row.getString("user_id"), row.getString("display_name")),
        row.getString("password_hash"));
  }
}
