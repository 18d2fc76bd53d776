package io.wopihost.jdbc;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.SaveKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** How files and their versions map to rows of {@code files} and {@code file_versions}. */
final class FileRows {

  private static final String FILE_COLUMNS =
      "id, container_id, name, owner_id, version, size, sha256, blob_key, last_modified";
  private static final String VERSION_COLUMNS =
      "version, blob_key, size, sha256, created_at, user_id, editors, save_kind, modified_by_user";
  private static final String EDITOR_SEPARATOR = ",";

  private FileRows() {}

  static Optional<FileRecord> find(Connection connection, String where, Object... args)
      throws SQLException {
    return Sql.queryOne(
        connection, "SELECT " + FILE_COLUMNS + " FROM files WHERE " + where, FileRows::file, args);
  }

  /** The files of a container, by name key (sorted here: collations differ between databases). */
  static List<FileRecord> inContainer(Connection connection, String containerId)
      throws SQLException {
    List<FileRecord> files =
        Sql.queryList(
            connection,
            "SELECT " + FILE_COLUMNS + " FROM files WHERE container_id = ?",
            FileRows::file,
            containerId);
    return files.stream()
        .sorted(Comparator.comparing((FileRecord f) -> Sql.nameKey(f.name()))
            .thenComparing(FileRecord::id))
        .toList();
  }

  static void insertFile(Connection connection, FileRecord file, FileVersion first)
      throws SQLException {
    Sql.update(
        connection,
        "INSERT INTO files ("
            + FILE_COLUMNS
            + ", name_key, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        file.id(),
        file.containerId(),
        file.name(),
        file.ownerId(),
        file.version(),
        file.size(),
        file.sha256(),
        file.blobKey(),
        Sql.toMicros(file.lastModified()),
        Sql.nameKey(file.name()),
        Sql.toMicros(first.createdAt()));
  }

  static void insertVersion(Connection connection, String fileId, FileVersion version)
      throws SQLException {
    Sql.update(
        connection,
        "INSERT INTO file_versions (file_id, "
            + VERSION_COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        fileId,
        version.version(),
        version.blobKey(),
        version.size(),
        version.sha256(),
        Sql.toMicros(version.createdAt()),
        version.userId(),
        joinEditors(version.editors()),
        version.kind().name(),
        version.modifiedByUser().orElse(null));
  }

  static List<FileVersion> versions(Connection connection, String fileId) throws SQLException {
    return Sql.queryList(
        connection,
        "SELECT " + VERSION_COLUMNS + " FROM file_versions WHERE file_id = ? ORDER BY version DESC",
        FileRows::version,
        fileId);
  }

  private static FileRecord file(ResultSet row) throws SQLException {
    return new FileRecord(
        row.getString("id"),
        row.getString("container_id"),
        row.getString("name"),
        row.getString("owner_id"),
        row.getLong("version"),
        row.getLong("size"),
        row.getString("sha256"),
        row.getString("blob_key"),
        Sql.fromMicros(row.getLong("last_modified")));
  }

  private static FileVersion version(ResultSet row) throws SQLException {
    String editors = row.getString("editors");
    return new FileVersion(
        row.getLong("version"),
        row.getString("blob_key"),
        row.getLong("size"),
        row.getString("sha256"),
        Sql.fromMicros(row.getLong("created_at")),
        row.getString("user_id"),
        editors.isEmpty() ? List.of() : Arrays.asList(editors.split(EDITOR_SEPARATOR, -1)),
        SaveKind.valueOf(row.getString("save_kind")),
        modifiedByUser(row));
  }

  /** NULL when the editor did not say. */
  private static Optional<Boolean> modifiedByUser(ResultSet row) throws SQLException {
    boolean value = row.getBoolean("modified_by_user");
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }

  /** Editors are stored comma-joined, so an editor id must be non-empty and comma-free. */
  private static String joinEditors(List<String> editors) {
    for (String editor : editors) {
      if (editor.isEmpty() || editor.contains(EDITOR_SEPARATOR)) {
        throw new IllegalArgumentException("an editor id must be non-empty without ',': " + editor);
      }
    }
    return String.join(EDITOR_SEPARATOR, editors);
  }
}
