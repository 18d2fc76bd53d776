-- Portable SQL: this file runs unchanged on SQLite and PostgreSQL. Instants are epoch microseconds.

-- Administrators see every user's files and may force a lock off.
ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;

-- Signed-in browser sessions. session_hash is the base64url SHA-256 of the cookie's value, so the
-- table does not reveal live sessions; csrf_token is what every form of the session must carry.
CREATE TABLE web_sessions (
  session_hash TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);

-- Failed sign-ins per key (a user id, or a client address), counted within a window.
CREATE TABLE sign_in_failures (
  throttle_key TEXT NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL
);

-- Share links: the link id is the secret in the URL; a revoked or expired link opens nothing.
CREATE TABLE share_links (
  link_id TEXT NOT NULL PRIMARY KEY,
  file_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  can_write INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX share_links_by_file ON share_links (file_id);
