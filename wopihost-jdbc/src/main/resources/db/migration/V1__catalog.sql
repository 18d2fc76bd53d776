-- Portable SQL: this file runs unchanged on SQLite and PostgreSQL.
-- Names are unique per container through name_key, the name lower-cased (Locale.ROOT) in Java.
-- Instants are epoch microseconds, except locks.expires_at, which is epoch milliseconds.
-- Every primary key column says NOT NULL because SQLite would otherwise accept NULL in it.

CREATE TABLE containers (
  id TEXT NOT NULL PRIMARY KEY,
  parent_id TEXT NULL REFERENCES containers (id),
  owner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT containers_name_unique UNIQUE (parent_id, name_key)
);

CREATE UNIQUE INDEX containers_one_root_per_owner ON containers (owner_id) WHERE parent_id IS NULL;

CREATE TABLE files (
  id TEXT NOT NULL PRIMARY KEY,
  container_id TEXT NOT NULL REFERENCES containers (id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  last_modified BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT files_name_unique UNIQUE (container_id, name_key)
);

CREATE TABLE file_versions (
  file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  blob_key TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  editors TEXT NOT NULL,
  save_kind TEXT NOT NULL,
  PRIMARY KEY (file_id, version)
);

-- No foreign key to files: a lock row may outlive its file until LockStore.clear removes it.
CREATE TABLE locks (
  file_id TEXT NOT NULL PRIMARY KEY,
  lock_id TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE user_info (
  user_id TEXT NOT NULL PRIMARY KEY,
  info TEXT NOT NULL
);
