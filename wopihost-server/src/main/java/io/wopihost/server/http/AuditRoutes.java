package io.wopihost.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.TokenService;
import io.wopihost.jdbc.JdbcEventStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/files/{id}/audit}: a file's audit trail as JSON, newest last, for the web UI's
 * file view. It takes the same access token as WOPI (query {@code access_token} or {@code
 * Authorization: Bearer}), for that file and with the right to read it; anything else is 401,
 * which says nothing about whether the file exists.
 */
final class AuditRoutes implements HttpService {

  static final int LIMIT = 500;

  private final JdbcEventStore events;
  private final TokenService tokens;
  private final ObjectMapper json;

  AuditRoutes(JdbcEventStore events, TokenService tokens, ObjectMapper json) {
    this.events = events;
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/files/{id}/audit", this::audit);
  }

  private void audit(ServerRequest req, ServerResponse res) {
    String fileId = req.path().pathParameters().get("id");
    Optional<AccessToken> token =
        Optional.ofNullable(HelidonWopiRequest.accessToken(req))
            .flatMap(tokens::verify)
            .filter(t -> t.isForFile(fileId) && t.can(Permission.READ));
    if (token.isEmpty()) {
      OutcomeWriter.text(res, Status.UNAUTHORIZED_401, "an access token for this file is needed");
      return;
    }
    List<Map<String, Object>> entries =
        events.auditOfFile(fileId, LIMIT).stream().map(AuditRoutes::entry).toList();
    res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    try {
      res.send(json.writeValueAsBytes(entries));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit entries are maps of plain values", e);
    }
  }

  private static Map<String, Object> entry(JdbcEventStore.AuditEntry e) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("time", e.at().toString());
    entry.put("user", e.userId());
    entry.put("action", e.action());
    entry.put("fileName", e.fileName());
    entry.put("detail", e.detail());
    return entry;
  }
}
