package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.wopi.ContainerOperation;
import io.wopihost.core.wopi.FileOperation;
import io.wopihost.core.wopi.Outcome;
import io.wopihost.core.wopi.WopiContainers;
import io.wopihost.core.wopi.WopiEcosystem;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.core.wopi.WopiHeaders;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WOPI endpoints under {@code /wopi}: files, containers and the ecosystem. Each handler names
 * its operation and hands it to the core; the {@link OutcomeWriter} writes the answer. The
 * request's {@link WopiExchange} learns the operation (by its spec name), the file and the
 * answer, for the access log and metrics.
 */
public final class WopiRoutes implements HttpService {

  private static final Map<FileOperation, String> SPEC_NAMES = specNames(FileOperation.class);
  private static final Map<ContainerOperation, String> CONTAINER_NAMES =
      specNames(ContainerOperation.class);
  private static final String UNSUPPORTED = "Unsupported";

  private final WopiFiles files;
  private final WopiContainers containers;
  private final WopiEcosystem ecosystem;
  private final OutcomeWriter writer;

  WopiRoutes(
      WopiFiles files, WopiContainers containers, WopiEcosystem ecosystem, OutcomeWriter writer) {
    this.files = files;
    this.containers = containers;
    this.ecosystem = ecosystem;
    this.writer = writer;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/files/{id}", (req, res) -> file(FileOperation.CHECK_FILE_INFO, req, res))
        .post("/files/{id}", this::fileOverride)
        .get("/files/{id}/contents", (req, res) -> file(FileOperation.GET_FILE, req, res))
        .get("/files/{id}/download", this::getFileByUrl)
        .post("/files/{id}/contents", this::putFile)
        .get("/files/{id}/ancestry", (req, res) -> file(FileOperation.ENUMERATE_ANCESTORS, req, res))
        .get(
            "/files/{id}/ecosystem_pointer",
            (req, res) -> file(FileOperation.GET_ECOSYSTEM, req, res))
        .get("/containers/{cid}", (req, res) ->
            container(ContainerOperation.CHECK_CONTAINER_INFO, req, res))
        .post("/containers/{cid}", this::containerOverride)
        .get("/containers/{cid}/ancestry", (req, res) ->
            container(ContainerOperation.ENUMERATE_ANCESTORS, req, res))
        .get("/containers/{cid}/children", (req, res) ->
            container(ContainerOperation.ENUMERATE_CHILDREN, req, res))
        .get("/containers/{cid}/ecosystem_pointer", (req, res) ->
            container(ContainerOperation.GET_ECOSYSTEM, req, res))
        .get("/ecosystem", this::checkEcosystem)
        .get("/ecosystem/root_container_pointer", this::getRootContainer)
        .post("/ecosystem", this::ecosystemOverride);
  }

  private void container(ContainerOperation op, ServerRequest req, ServerResponse res) {
    WopiExchange exchange = exchange(req, CONTAINER_NAMES.get(op));
    write(
        containers.handle(
            op, containerId(req), HelidonWopiRequest.accessToken(req), wopi(req, exchange)),
        exchange,
        res);
  }

  /** POST /wopi/containers/{id}: the operation is named by {@code X-WOPI-Override}. */
  private void containerOverride(ServerRequest req, ServerResponse res) {
    Optional<String> override = override(req);
    WopiExchange exchange =
        exchange(
            req,
            override
                .flatMap(ContainerOperation::forOverride)
                .map(CONTAINER_NAMES::get)
                .orElse(UNSUPPORTED));
    write(
        containers.handleOverride(
            override, containerId(req), HelidonWopiRequest.accessToken(req), wopi(req, exchange)),
        exchange,
        res);
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/getrootcontainer">GetRootContainer</a> */
  private void getRootContainer(ServerRequest req, ServerResponse res) {
    WopiExchange exchange = exchange(req, "GetRootContainer");
    writer.write(
        ecosystem.getRootContainer(HelidonWopiRequest.accessToken(req), wopi(req, exchange)), res);
  }

  /** POST /wopi/ecosystem: GetFileWopiSrc, named by {@code X-WOPI-Override}. */
  private void ecosystemOverride(ServerRequest req, ServerResponse res) {
    Optional<String> override = override(req);
    WopiExchange exchange =
        exchange(
            req,
            override.filter(WopiEcosystem.GET_WOPI_SRC::equals).isPresent()
                ? "GetFileWopiSrc"
                : UNSUPPORTED);
    writer.write(
        ecosystem.handleOverride(
            override, HelidonWopiRequest.accessToken(req), wopi(req, exchange)),
        res);
  }

  /** CheckFileInfo's {@code FileUrl}: GetFile for the token minted for it, without proofs. */
  private void getFileByUrl(ServerRequest req, ServerResponse res) {
    WopiExchange exchange = exchange(req, SPEC_NAMES.get(FileOperation.GET_FILE));
    write(
        files.getFileByUrl(fileId(req), HelidonWopiRequest.accessToken(req), wopi(req, exchange)),
        exchange,
        res);
  }

  private void file(FileOperation op, ServerRequest req, ServerResponse res) {
    WopiExchange exchange = exchange(req, SPEC_NAMES.get(op));
    write(
        files.handle(op, fileId(req), HelidonWopiRequest.accessToken(req), wopi(req, exchange)),
        exchange,
        res);
  }

  /** POST /wopi/files/{id}: the operation is named by {@code X-WOPI-Override}. */
  private void fileOverride(ServerRequest req, ServerResponse res) {
    Optional<String> override = override(req);
    boolean hasOldLock = req.headers().contains(HeaderNames.create(WopiHeaders.OLD_LOCK));
    WopiExchange exchange =
        exchange(
            req,
            override
                .flatMap(o -> FileOperation.forOverride(o, hasOldLock))
                .map(SPEC_NAMES::get)
                .orElse(UNSUPPORTED));
    write(
        files.handleOverride(
            override, fileId(req), HelidonWopiRequest.accessToken(req), wopi(req, exchange)),
        exchange,
        res);
  }

  /** POST /wopi/files/{id}/contents is PutFile, and only with {@code X-WOPI-Override: PUT}. */
  private void putFile(ServerRequest req, ServerResponse res) {
    Optional<String> override = override(req);
    if (override.filter("PUT"::equals).isPresent()) {
      file(FileOperation.PUT_FILE, req, res);
    } else {
      exchange(req, SPEC_NAMES.get(FileOperation.PUT_FILE));
      writer.write(
          new Outcome.NotImplemented(
              "POST .../contents is PutFile: send " + WopiHeaders.OVERRIDE + ": PUT"),
          res);
    }
  }

  /** <a href="https://learn.microsoft.com/microsoft-365/cloud-storage-partner-program/rest/ecosystem/checkecosystem">CheckEcosystem</a> */
  private void checkEcosystem(ServerRequest req, ServerResponse res) {
    WopiExchange exchange = exchange(req, "CheckEcosystem");
    writer.write(
        ecosystem.checkEcosystem(HelidonWopiRequest.accessToken(req), wopi(req, exchange)), res);
  }

  private static Optional<String> override(ServerRequest req) {
    return req.headers().first(HeaderNames.create(WopiHeaders.OVERRIDE)).map(String::trim);
  }

  private static String fileId(ServerRequest req) {
    return req.path().pathParameters().get("id");
  }

  private static String containerId(ServerRequest req) {
    return req.path().pathParameters().get("cid");
  }

  private void write(Outcome outcome, WopiExchange exchange, ServerResponse res) {
    exchange.lockConflict = outcome instanceof Outcome.LockConflict;
    writer.write(outcome, res);
  }

  /** The request's exchange, told the operation and the file the path names. */
  private static WopiExchange exchange(ServerRequest req, String operation) {
    WopiExchange exchange = WopiExchange.of(req).orElseGet(WopiExchange::new);
    exchange.operation = operation;
    if (req.path().pathParameters().contains("id")) {
      exchange.fileId = OutcomeWriter.asciiHeaderValue(fileId(req));
    }
    return exchange;
  }

  private static HelidonWopiRequest wopi(ServerRequest req, WopiExchange exchange) {
    return new HelidonWopiRequest(req, exchange);
  }

  /** CHECK_FILE_INFO → CheckFileInfo: the names the spec and operators use. */
  private static <E extends Enum<E>> Map<E, String> specNames(Class<E> operations) {
    Map<E, String> names = new EnumMap<>(operations);
    for (E op : operations.getEnumConstants()) {
      var name = new StringBuilder();
      for (String word : op.name().split("_")) {
        name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
      names.put(op, name.toString());
    }
    return names;
  }
}
