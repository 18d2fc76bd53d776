package io.wopihost.core.wopi;

import io.wopihost.core.model.Activity;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AddActivities: editors report comments (made, changed, deleted) and the people they mention.
 * Each activity gets a status of its own: stored, not supported (an unknown type), or malformed;
 * a body that is not a list of activities with ids is 400. Properties the host does not know are
 * kept: each stored activity is the object the editor sent.
 */
final class ActivityOperations {

  /** An activity's answer; the validator pins 0 (stored) and 3 (type not supported). */
  enum Status {
    STORED(0),
    MALFORMED(2),
    UNSUPPORTED(3);

    final int code;

    Status(int code) {
      this.code = code;
    }
  }

  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final Set<String> CONTENT_ACTIONS = Set.of("created", "updated", "deleted");

  private final Catalog catalog;
  private final JsonCodec json;
  private final Clock clock;

  ActivityOperations(Catalog catalog, JsonCodec json, Clock clock) {
    this.catalog = catalog;
    this.json = json;
    this.clock = clock;
  }

  Outcome addActivities(FileCall call) {
    String text;
    try (InputStream in = call.request().body()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        return new Outcome.BadRequest("the activities are at most " + MAX_BODY_BYTES + " bytes");
      }
      text = new String(body, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new Outcome.BadRequest("the request body could not be read to its end");
    }
    Object parsed;
    try {
      parsed = json.parse(text);
    } catch (IllegalArgumentException e) {
      return new Outcome.BadRequest("the body is not JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> body && body.get("Activities") instanceof List<?> items)) {
      return new Outcome.BadRequest("the body must be {\"Activities\": [...]}");
    }
    Instant now = WopiClock.now(clock);
    List<Activity> stored = new ArrayList<>();
    List<Map<String, Object>> responses = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> activity && activity.get("Id") instanceof String id)) {
        return new Outcome.BadRequest("every activity must be an object with a string Id");
      }
      Status status = status(activity);
      if (status == Status.STORED) {
        String type = (String) activity.get("Type");
        stored.add(new Activity(id, type, call.token().userId(), now, json.write(activity)));
      }
      responses.add(Map.of("Id", id, "Status", status.code));
    }
    catalog.addActivities(call.fileId(), stored);
    return Outcome.Ok.json(Map.of("ActivityResponses", responses));
  }

  /** Comments are the one type; a comment names its content and what happened to it. */
  private static Status status(Map<?, ?> activity) {
    if (!"comment".equals(activity.get("Type"))) {
      return Status.UNSUPPORTED;
    }
    boolean wellFormed =
        activity.get("Data") instanceof Map<?, ?> data
            && data.get("ContentId") instanceof String contentId
            && !contentId.isEmpty()
            && data.get("ContentAction") instanceof String action
            && CONTENT_ACTIONS.contains(action)
            && people(activity.get("People"));
    return wellFormed ? Status.STORED : Status.MALFORMED;
  }

  /** Absent, or a list of objects each naming a person by a string Id. */
  private static boolean people(Object people) {
    if (people == null) {
      return true;
    }
    return people instanceof List<?> list
        && list.stream().allMatch(p -> p instanceof Map<?, ?> person
            && person.get("Id") instanceof String);
  }
}
