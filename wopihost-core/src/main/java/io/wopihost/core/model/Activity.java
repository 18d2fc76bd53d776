package io.wopihost.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an editor reported about a file through AddActivities (a comment made, changed or
 * deleted, with the people it mentions), as the host stored it.
 *
 * @param id the editor's id for the activity; unique per file
 * @param type the activity type, such as {@code comment}
 * @param userId the user of the access token that reported it
 * @param receivedAt when the host stored it
 * @param json the activity object as the editor sent it, as JSON text
 */
public record Activity(String id, String type, String userId, Instant receivedAt, String json) {

  public Activity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(json, "json");
  }
}
