package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.wopi.FileOperation;
import io.wopihost.core.wopi.Outcome;
import io.wopihost.core.wopi.WopiEcosystem;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.core.wopi.WopiHeaders;
import java.util.Optional;

/**
 * The WOPI endpoints under {@code /wopi}. Each handler names its operation and hands it to the
 * core; the {@link OutcomeWriter} writes the answer.
 */
public final class WopiRoutes implements HttpService {

  private final WopiFiles files;
  private final WopiEcosystem ecosystem;
  private final OutcomeWriter writer;

  WopiRoutes(WopiFiles files, WopiEcosystem ecosystem, OutcomeWriter writer) {
    this.files = files;
    this.ecosystem = ecosystem;
    this.writer = writer;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/files/{id}", (req, res) -> file(FileOperation.CHECK_FILE_INFO, req, res))
        .post("/files/{id}", this::fileOverride)
        .get("/files/{id}/contents", (req, res) -> file(FileOperation.GET_FILE, req, res))
        .post("/files/{id}/contents", this::putFile)
        .get("/files/{id}/ancestry", (req, res) -> file(FileOperation.ENUMERATE_ANCESTORS, req, res))
        .get(
            "/files/{id}/ecosystem_pointer",
            (req, res) -> file(FileOperation.GET_ECOSYSTEM, req, res))
        .get("/ecosystem", this::checkEcosystem);
  }

  private void file(FileOperation op, ServerRequest req, ServerResponse res) {
    writer.write(
        files.handle(op, fileId(req), HelidonWopiRequest.accessToken(req), wopi(req)), res);
  }

  /** POST /wopi/files/{id}: the operation is named by {@code X-WOPI-Override}. */
  private void fileOverride(ServerRequest req, ServerResponse res) {
    writer.write(
        files.handleOverride(
            override(req), fileId(req), HelidonWopiRequest.accessToken(req), wopi(req)),
        res);
  }

  /** POST /wopi/files/{id}/contents is PutFile, and only with {@code X-WOPI-Override: PUT}. */
  private void putFile(ServerRequest req, ServerResponse res) {
    Optional<String> override = override(req);
    if (override.filter("PUT"::equals).isPresent()) {
      file(FileOperation.PUT_FILE, req, res);
    } else {
      writer.write(
          new Outcome.NotImplemented(
              "POST .../contents is PutFile: send " + WopiHeaders.OVERRIDE + ": PUT"),
          res);
    }
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/checkecosystem">CheckEcosystem</a> */
  private void checkEcosystem(ServerRequest req, ServerResponse res) {
    writer.write(ecosystem.checkEcosystem(HelidonWopiRequest.accessToken(req)), res);
  }

  private static Optional<String> override(ServerRequest req) {
    return req.headers().first(HeaderNames.create(WopiHeaders.OVERRIDE)).map(String::trim);
  }

  private static String fileId(ServerRequest req) {
    return req.path().pathParameters().get("id");
  }

  private static HelidonWopiRequest wopi(ServerRequest req) {
    return new HelidonWopiRequest(req);
  }
}
