package io.wopihost.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.wopi.Body;
import io.wopihost.core.wopi.FileOperation;
import io.wopihost.core.wopi.Outcome;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.core.wopi.WopiHeaders;
import io.wopihost.core.wopi.WopiRequest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The host page's JSON endpoints under {@code /open/{fileId}}, for the page's own script: a
 * fresh access token before the old one expires, the share links (UI_Sharing) and the version
 * list (UI_FileVersions). Each needs the page's grant and {@code X-Requested-With}, which a
 * cross-site form cannot send.
 */
final class HostPageApi implements HttpService {

  static final String FROM_PAGE = "X-Requested-With";

  private final PageGrants grants;
  private final Catalog catalog;
  private final WopiFiles files;
  private final ObjectMapper json;

  HostPageApi(PageGrants grants, Catalog catalog, WopiFiles files, ObjectMapper json) {
    this.grants = grants;
    this.catalog = catalog;
    this.files = files;
    this.json = json;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/{fileId}/token", (req, res) -> answer(req, res, this::token))
        .post("/{fileId}/share", (req, res) -> answer(req, res, this::share))
        .get("/{fileId}/versions", (req, res) -> answer(req, res, this::versions));
  }

  private Map<String, Object> token(String fileId, AccessToken grant) {
    PageGrants.Minted minted = grants.mint(grant, fileId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", minted.token());
    body.put("access_token_ttl", minted.ttl());
    return body;
  }

  /** The links GetShareUrl itself makes, for each type the user may share. */
  private Map<String, Object> share(String fileId, AccessToken grant) {
    String token = grants.mint(grant, fileId).token();
    Map<String, Object> links = new LinkedHashMap<>();
    for (String type : List.of("ReadOnly", "ReadWrite")) {
      Outcome outcome =
          files.handle(FileOperation.GET_SHARE_URL, fileId, token,
              new PageRequest(Map.of(WopiHeaders.URL_TYPE, type)));
      if (outcome instanceof Outcome.Ok ok && ok.body() instanceof Body.Json body) {
        links.put(type, body.properties().get("ShareUrl"));
      }
    }
    return links;
  }

  private Map<String, Object> versions(String fileId, AccessToken grant) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (FileVersion v : catalog.versions(fileId)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("version", v.version());
      entry.put("createdAt", v.createdAt().toString());
      entry.put("userId", v.userId());
      entry.put("size", v.size());
      entry.put("kind", v.kind().name());
      v.modifiedByUser().ifPresent(m -> entry.put("modifiedByUser", m));
      list.add(entry);
    }
    return Map.of("versions", list);
  }

  @FunctionalInterface
  private interface Call {
    Map<String, Object> answer(String fileId, AccessToken grant);
  }

  private void answer(ServerRequest req, ServerResponse res, Call call) {
    String fileId = req.path().pathParameters().get("fileId");
    if (!req.headers().contains(HeaderNames.create(FROM_PAGE))) {
      OutcomeWriter.text(res, Status.FORBIDDEN_403, "only the host page may call this");
      return;
    }
    Optional<AccessToken> grant = grants.grant(req, fileId);
    if (grant.isEmpty()) {
      OutcomeWriter.text(res, Status.FORBIDDEN_403,
          "the page's session has ended: open the document again");
      return;
    }
    if (catalog.findFile(fileId).isEmpty()) {
      OutcomeWriter.text(res, Status.NOT_FOUND_404, "no such file");
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    try {
      res.send(json.writeValueAsBytes(call.answer(fileId, grant.get())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always serialise", e);
    }
  }

  /** A request the page makes of the WOPI core on the user's behalf: headers only. */
  private record PageRequest(Map<String, String> headers) implements WopiRequest {
    @Override
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }

    @Override
    public InputStream body() {
      return InputStream.nullInputStream();
    }

    @Override
    public OptionalLong contentLength() {
      return OptionalLong.of(0);
    }
  }
}
