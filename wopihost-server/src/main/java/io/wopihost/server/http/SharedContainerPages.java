package io.wopihost.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The pages a container's share link (GetShareUrl of a container) opens, without an account:
 * the container's files with download links, and its folders, down to any depth. Nothing above
 * the shared container is reachable.
 */
final class SharedContainerPages implements HttpService {

  // As deep as EnumerateAncestors goes.
  private static final int MAX_DEPTH = 64;

  private final Catalog catalog;
  private final BlobStore blobs;
  private final TokenService tokens;

  SharedContainerPages(Catalog catalog, BlobStore blobs, TokenService tokens) {
    this.catalog = catalog;
    this.blobs = blobs;
    this.tokens = tokens;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/{token}", (req, res) -> folder(req, res, Optional.empty()))
        .get("/{token}/folders/{id}", (req, res) -> folder(req, res, Optional.of(id(req))))
        .get("/{token}/files/{id}", this::file);
  }

  private void folder(ServerRequest req, ServerResponse res, Optional<String> below) {
    String token = req.path().pathParameters().get("token");
    Optional<ContainerRecord> container =
        shared(token).flatMap(root -> below.isEmpty()
            ? catalog.findContainer(root)
            : catalog.findContainer(below.get()).filter(c -> isWithin(c.id(), root)));
    if (container.isEmpty()) {
      Pages.expired(res);
      return;
    }
    String base = "/shared/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    var list = new StringBuilder("<ul>");
    for (ContainerRecord child : catalog.childContainers(container.get().id())) {
      list.append("<li><a href=\"").append(base).append("/folders/").append(child.id())
          .append("\">").append(Pages.escape(child.name())).append("/</a></li>");
    }
    for (FileRecord file : catalog.childFiles(container.get().id())) {
      list.append("<li><a href=\"").append(base).append("/files/").append(file.id())
          .append("\" download>").append(Pages.escape(file.name())).append("</a> (")
          .append(file.size()).append(" bytes)</li>");
    }
    list.append("</ul>");
    String name = Pages.escape(container.get().name());
    Pages.html(res, Status.OK_200, name, "<p>" + name + " was shared with you.</p>" + list);
  }

  private void file(ServerRequest req, ServerResponse res) {
    Optional<FileRecord> file =
        shared(req.path().pathParameters().get("token"))
            .flatMap(root ->
                catalog.findFile(id(req)).filter(f -> isWithin(f.containerId(), root)));
    if (file.isEmpty()) {
      Pages.expired(res);
      return;
    }
    Downloads.send(res, blobs, file.get().blobKey(), file.get().size(), file.get().name());
  }

  /** The id of the container a valid container share link opens. */
  private Optional<String> shared(String token) {
    return tokens
        .verify(token)
        .map(AccessToken::scope)
        .filter(s -> s.kind() == Scope.Kind.SHARED_CONTAINER)
        .map(Scope::id);
  }

  private boolean isWithin(String containerId, String rootId) {
    return catalog.ancestry(containerId, MAX_DEPTH).stream().anyMatch(c -> c.id().equals(rootId));
  }

  private static String id(ServerRequest req) {
    return req.path().pathParameters().get("id");
  }
}
