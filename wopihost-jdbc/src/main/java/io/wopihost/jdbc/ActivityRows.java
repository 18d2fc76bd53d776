package io.wopihost.jdbc;

import io.wopihost.core.model.Activity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** How activities map to rows of {@code file_activities}. */
final class ActivityRows {

  private ActivityRows() {}

  /** Rows of one batch share their time; {@code batch_index} keeps their order. */
  static void insert(Connection connection, String fileId, List<Activity> activities)
      throws SQLException {
    for (int i = 0; i < activities.size(); i++) {
      Activity a = activities.get(i);
      Sql.update(
          connection,
          "INSERT INTO file_activities (file_id, activity_id, activity_type, user_id, received_at,"
              + " batch_index, payload) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (file_id, activity_id) DO NOTHING",
          fileId,
          a.id(),
          a.type(),
          a.userId(),
          Sql.toMicros(a.receivedAt()),
          i,
          a.json());
    }
  }

  static List<Activity> list(Connection connection, String fileId) throws SQLException {
    return Sql.queryList(
        connection,
        "SELECT activity_id, activity_type, user_id, received_at, payload FROM file_activities"
            + " WHERE file_id = ? ORDER BY received_at, batch_index",
        ActivityRows::activity,
        fileId);
  }

  static void deleteAll(Connection connection, String fileId) throws SQLException {
    Sql.update(connection, "DELETE FROM file_activities WHERE file_id = ?", fileId);
  }

  private static Activity activity(ResultSet row) throws SQLException {
    return new Activity(
        row.getString("activity_id"),
        row.getString("activity_type"),
        row.getString("user_id"),
        Sql.fromMicros(row.getLong("received_at")),
        row.getString("payload"));
  }
}
