-- Portable SQL: this file runs unchanged on SQLite and PostgreSQL. Instants are epoch microseconds.

-- What editors report through AddActivities (comments and the people they mention), per file.
-- No foreign key to files: JdbcCatalog.deleteFile deletes a file's activities explicitly.
CREATE TABLE file_activities (
  file_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  activity_type TEXT NOT NULL,
  user_id TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  batch_index INTEGER NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (file_id, activity_id)
);

CREATE INDEX file_activities_in_order ON file_activities (file_id, received_at, batch_index);

-- The people who sign in (the OAuth login page of the bootstrapper). password_hash is a bcrypt
-- hash with its salt and cost.
CREATE TABLE users (
  user_id TEXT NOT NULL PRIMARY KEY,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- OAuth authorization codes, single-use: redeeming one deletes its row. code_hash is the
-- base64url SHA-256 of the code, so the table does not reveal live codes.
CREATE TABLE oauth_codes (
  code_hash TEXT NOT NULL PRIMARY KEY,
  payload TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX oauth_codes_expiry ON oauth_codes (expires_at);
