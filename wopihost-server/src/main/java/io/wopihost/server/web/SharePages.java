package io.wopihost.server.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.ShareLinkStore.ShareLink;
import io.wopihost.core.wopi.HostPolicy;
import io.wopihost.core.wopi.HostUrls;
import java.time.Clock;
import java.util.Optional;

/**
 * Share links: made and revoked on a file's page; opened by anyone who has one, signed in or
 * not, until it expires ({@code share-link-ttl}) or is revoked.
 */
final class SharePages {

  private final Catalog catalog;
  private final BlobStore blobs;
  private final ShareLinkStore shares;
  private final HostUrls urls;
  private final HostPolicy policy;
  private final Clock clock;
  private final Files files;
  private final SharedHostPage hostPage;

  SharePages(Catalog catalog, BlobStore blobs, ShareLinkStore shares, HostUrls urls,
      HostPolicy policy, Clock clock, SharedHostPage hostPage) {
    this.hostPage = hostPage;
    this.catalog = catalog;
    this.blobs = blobs;
    this.shares = shares;
    this.urls = urls;
    this.policy = policy;
    this.clock = clock;
    this.files = new Files(catalog);
  }

  void create(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    FileRecord f = files.file(v, req.path().pathParameters().get("id"));
    var now = clock.instant();
    shares.add(new ShareLink(Ids.newId() + Ids.newId(), f.id(), v.id(),
        form.get("access").orElse("read").equals("write"), now, now.plus(policy.shareLinkTtl())));
    Html.redirect(res, "/file/" + f.id());
  }

  void revoke(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    FileRecord f = files.file(v, req.path().pathParameters().get("id"));
    String link = form.required("link", "the link");
    // Only a link to this file, which the visitor may reach, can be revoked here.
    if (shares.liveForFile(f.id(), clock.instant()).stream().anyMatch(l -> l.id().equals(link))) {
      shares.tryRevoke(link);
    }
    Html.redirect(res, "/file/" + f.id());
  }

  void open(ServerRequest req, ServerResponse res, Optional<Visitor> visitor) {
    String id = req.path().pathParameters().get("link");
    Optional<Shared> shared = shared(id);
    if (shared.isEmpty()) {
      gone(res, visitor);
      return;
    }
    FileRecord f = shared.get().file();
    Html.page(res, Status.OK_200, visitor, f.name(),
        "<p>" + Html.escape(shared.get().link().createdBy()) + " shared this file with you ("
            + Html.size(f.size()) + ", changed " + Html.when(f.lastModified()) + "). You can "
            + (shared.get().link().canWrite() ? "edit" : "view") + " it.</p>"
            + "<p class=\"actions\"><a class=\"button\" href=\"/s/" + Html.url(id)
            + "/content\">Download</a> <a class=\"button\" href=\"/s/" + Html.url(id)
            + "/open\">" + (shared.get().link().canWrite() ? "Edit" : "View") + "</a></p>");
  }

  /** Into the editor with the link's right: the host page finds the link in a cookie. */
  void openInEditor(ServerRequest req, ServerResponse res, Optional<Visitor> visitor) {
    Optional<Shared> shared = shared(req.path().pathParameters().get("link"));
    if (shared.isEmpty()) {
      gone(res, visitor);
      return;
    }
    hostPage.remember(res, shared.get().link());
    Html.redirect(res, urls.hostPage(shared.get().file().id(),
        shared.get().link().canWrite() ? "edit" : "view"));
  }

  void content(ServerRequest req, ServerResponse res, Optional<Visitor> visitor) {
    Optional<Shared> shared = shared(req.path().pathParameters().get("link"));
    if (shared.isEmpty()) {
      gone(res, visitor);
      return;
    }
    FileRecord f = shared.get().file();
    Downloads.send(res, blobs, f.blobKey(), f.size(), f.name());
  }

  private record Shared(ShareLink link, FileRecord file) {}

  private Optional<Shared> shared(String id) {
    return shares.findLive(id, clock.instant())
        .flatMap(link -> catalog.findFile(link.fileId()).map(f -> new Shared(link, f)));
  }

  private static void gone(ServerResponse res, Optional<Visitor> visitor) {
    Html.error(res, Status.NOT_FOUND_404, visitor,
        "This link does not work: it was revoked, it expired, or the file was deleted. Ask the"
            + " person who shared it for a new one.");
  }
}
