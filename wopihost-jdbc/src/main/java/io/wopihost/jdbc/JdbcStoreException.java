package io.wopihost.jdbc;

/**
 * A database call failed for a reason the caller cannot act on (the database is unreachable, the
 * disk is full, the schema is missing). Expected outcomes such as a name clash or a lost
 * compare-and-set are never thrown: they are return values of the store methods.
 */
public final class JdbcStoreException extends RuntimeException {

  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
