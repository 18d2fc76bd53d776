package io.wopihost.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.TokenService;
import io.wopihost.core.wopi.WopiEcosystem;
import io.wopihost.core.wopi.WopiFiles;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP routing of a wopihost node: WOPI endpoints, pages, and the one error mapping. */
public final class WebApp {

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  private WebApp() {}

  /**
   * @param serverVersion sent as {@code X-WOPI-ServerVersion}
   * @param machineName sent as {@code X-WOPI-MachineName}
   */
  public static HttpRouting.Builder routing(
      WopiFiles files,
      TokenService tokens,
      Catalog catalog,
      BlobStore blobs,
      String serverVersion,
      String machineName) {
    var writer = new OutcomeWriter(new ObjectMapper());
    return HttpRouting.builder()
        .addFilter(new AccessLog(serverVersion, machineName))
        .register("/wopi", new WopiRoutes(files, new WopiEcosystem(tokens), writer))
        .register(new Pages(catalog, blobs, tokens))
        .error(
            Exception.class,
            (req, res, e) -> {
              // Unexpected failures only: every expected answer is an Outcome. Logged once,
              // here, with an id the client sees, and without the request's query (tokens).
              String id = UUID.randomUUID().toString().substring(0, 8);
              LOG.error("internal error {} on {} {}", id, req.prologue().method().text(),
                  req.path().rawPath(), e);
              if (!res.isSent()) {
                OutcomeWriter.text(res, Status.INTERNAL_SERVER_ERROR_500,
                    "internal error " + id + "; the server log has the details");
              }
            });
  }
}
