-- Portable SQL: this file runs unchanged on SQLite and PostgreSQL.
-- The audit trail and the webhook outbox. Instants are epoch microseconds. Neither table has a
-- foreign key to files: the record of a deleted file outlives it.

-- One counter numbers audit rows and outbox rows in the order they were written: neither
-- database's auto-increment syntax is portable, and the outbox delivers in this order per file.
CREATE TABLE event_sequence (
  name TEXT NOT NULL PRIMARY KEY,
  next_value BIGINT NOT NULL
);

INSERT INTO event_sequence (name, next_value) VALUES ('events', 1);

CREATE TABLE audit_events (
  seq BIGINT NOT NULL PRIMARY KEY,
  occurred_at BIGINT NOT NULL,
  file_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);

CREATE INDEX audit_events_file ON audit_events (file_id, seq);

-- One row per event and receiver; a row is deleted once its receiver accepted it.
CREATE TABLE webhook_outbox (
  seq BIGINT NOT NULL PRIMARY KEY,
  event_id TEXT NOT NULL,
  receiver TEXT NOT NULL,
  file_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  lease_owner TEXT NULL,
  lease_until BIGINT NULL,
  last_error TEXT NULL
);

CREATE INDEX webhook_outbox_receiver ON webhook_outbox (receiver, seq);
