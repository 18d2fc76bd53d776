-- Portable SQL (SQLite and PostgreSQL). The orphan-blob collection asks, batch by batch, which
-- blob keys versions still point at; without this index every batch would scan every version.
CREATE INDEX file_versions_blob_key ON file_versions (blob_key);
