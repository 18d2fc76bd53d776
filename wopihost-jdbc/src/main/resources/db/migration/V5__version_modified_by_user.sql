-- Portable SQL (SQLite and PostgreSQL). Whether the user changed the document since the previous
-- save, as Collabora and ONLYOFFICE say with each PutFile (X-COOL/X-LOOL-WOPI-IsModifiedByUser);
-- NULL when the editor did not say.
ALTER TABLE file_versions ADD COLUMN modified_by_user BOOLEAN;
