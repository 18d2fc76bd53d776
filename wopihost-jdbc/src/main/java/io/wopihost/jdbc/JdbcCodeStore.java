package io.wopihost.jdbc;

import io.wopihost.core.spi.CodeStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link CodeStore} in the table {@code oauth_codes}. A code is redeemed by deleting its row:
 * the database lets exactly one of several racing deletes remove it, on every node. Expired rows
 * are removed as codes are redeemed. Thread safe.
 */
public final class JdbcCodeStore implements CodeStore {

  private final Transactions db;

  /**
   * @param dataSource a database migrated by {@link Database#migrate()}
   */
  public JdbcCodeStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  @Override
  public void put(String code, String value, Instant expiresAt) {
    db.autoCommit(
        c ->
            Sql.update(
                c,
                "INSERT INTO oauth_codes (code_hash, payload, expires_at) VALUES (?, ?, ?)",
                hash(code),
                value,
                Sql.toMicros(expiresAt)));
  }

  @Override
  public Optional<String> redeem(String code, Instant now) {
    String key = hash(code);
    long nowMicros = Sql.toMicros(now);
    return db.inTransaction(
        c -> {
          Optional<String> value =
              Sql.queryOne(
                  c,
                  "SELECT payload FROM oauth_codes WHERE code_hash = ? AND expires_at > ?",
                  row -> row.getString(1),
                  key,
                  nowMicros);
          boolean taken = Sql.update(c, "DELETE FROM oauth_codes WHERE code_hash = ?", key) == 1;
          Sql.update(c, "DELETE FROM oauth_codes WHERE expires_at <= ?", nowMicros);
          return taken ? value : Optional.<String>empty();
        });
  }

  private static String hash(String code) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
