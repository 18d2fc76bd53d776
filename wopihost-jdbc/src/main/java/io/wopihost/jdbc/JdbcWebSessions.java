package io.wopihost.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Browser sessions of the web UI, and the counts of failed sign-ins that throttle guessing, in
 * the tables {@code web_sessions} and {@code sign_in_failures}: shared by every node of a
 * database, so a session or a throttle holds whichever node a request reaches. Only a hash of a
 * session's secret is stored. Every method is one atomic statement. Thread safe.
 */
public final class JdbcWebSessions {

  /**
   * A signed-in session.
   *
   * @param secret the cookie's value; known only to the browser and to the caller of {@link
   *     #create}
   * @param csrfToken what every state-changing request of the session must carry
   */
  public record Session(String secret, String userId, String csrfToken, Instant expiresAt) {

    public Session {
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(csrfToken, "csrfToken");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "Session[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions db;

  /** @param dataSource a database migrated by {@link Database#migrate()} */
  public JdbcWebSessions(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  /** Starts a session for the user, with fresh random secrets. */
  public Session create(String userId, Instant expiresAt) {
    var session = new Session(randomToken(), userId, randomToken(), expiresAt);
    db.autoCommit(c -> Sql.update(
        c,
        "INSERT INTO web_sessions (session_hash, user_id, csrf_token, expires_at)"
            + " VALUES (?, ?, ?, ?)",
        hash(session.secret()),
        userId,
        session.csrfToken(),
        Sql.toMicros(expiresAt)));
    return session;
  }

  /** The session whose cookie value is {@code secret}, if it has not expired at {@code now}. */
  public Optional<Session> find(String secret, Instant now) {
    return db.autoCommit(c -> Sql.queryOne(
        c,
        "SELECT user_id, csrf_token, expires_at FROM web_sessions"
            + " WHERE session_hash = ? AND expires_at > ?",
        (ResultSet row) -> new Session(
            secret,
            row.getString("user_id"),
            row.getString("csrf_token"),
            Sql.fromMicros(row.getLong("expires_at"))),
        hash(secret),
        Sql.toMicros(now)));
  }

  /** Ends a session (signing out); ending an unknown one is not an error. */
  public void delete(String secret) {
    db.autoCommit(c -> Sql.update(c, "DELETE FROM web_sessions WHERE session_hash = ?",
        hash(secret)));
  }

  /** Ends every session of the user (a changed password). */
  public void deleteAllOf(String userId) {
    db.autoCommit(c -> Sql.update(c, "DELETE FROM web_sessions WHERE user_id = ?", userId));
  }

  /** Deletes the sessions that expired before {@code now}; returns how many. */
  public int deleteExpired(Instant now) {
    return db.autoCommit(c -> Sql.update(
        c, "DELETE FROM web_sessions WHERE expires_at <= ?", Sql.toMicros(now)));
  }

  /**
   * Counts a failed sign-in for {@code key}. A window starts at the first failure and lasts
   * {@code window}; a failure after it starts a new window.
   *
   * @return the failures of {@code key} in its current window, this one included
   */
  public int recordFailure(String key, Instant now, Duration window) {
    long start = Sql.toMicros(now);
    long stale = Sql.toMicros(now.minus(window));
    return db.autoCommit(c -> {
      Sql.update(
          c,
          "INSERT INTO sign_in_failures (throttle_key, failures, window_start) VALUES (?, 1, ?)"
              + " ON CONFLICT (throttle_key) DO UPDATE SET"
              + " failures = CASE WHEN sign_in_failures.window_start <= ? THEN 1"
              + " ELSE sign_in_failures.failures + 1 END,"
              + " window_start = CASE WHEN sign_in_failures.window_start <= ? THEN ?"
              + " ELSE sign_in_failures.window_start END",
          key, start, stale, stale, start);
      return failures(c, key, stale);
    });
  }

  /** The failed sign-ins of {@code key} in a window that is still open at {@code now}. */
  public int failures(String key, Instant now, Duration window) {
    long stale = Sql.toMicros(now.minus(window));
    return db.autoCommit(c -> failures(c, key, stale));
  }

  /** Forgets the failures of {@code key} (a successful sign-in). */
  public void clearFailures(String key) {
    db.autoCommit(c -> Sql.update(c, "DELETE FROM sign_in_failures WHERE throttle_key = ?", key));
  }

  private static int failures(Connection c, String key, long stale) throws SQLException {
    return Sql.queryOne(
            c,
            "SELECT failures FROM sign_in_failures WHERE throttle_key = ? AND window_start > ?",
            row -> row.getInt("failures"),
            key,
            stale)
        .orElse(0);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
