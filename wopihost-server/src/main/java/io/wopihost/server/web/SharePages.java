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
import io.wopihost.office.WopiAction;
import io.wopihost.server.http.Downloads;
import java.time.Clock;
import java.util.Optional;

/**
 * Share links: made and revoked on a file's page (and made by editors through GetShareUrl);
 * opened by anyone who has one, signed in or not, until it expires ({@code share-link-ttl}) or is
 * revoked. The link's page offers the download and a button per editor action the link allows.
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
  private final EditorButtons buttons;

  SharePages(Catalog catalog, BlobStore blobs, ShareLinkStore shares, HostUrls urls,
      HostPolicy policy, Clock clock, SharedHostPage hostPage, EditorButtons buttons) {
    this.hostPage = hostPage;
    this.buttons = buttons;
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
    boolean canWrite = shared.get().link().canWrite();
    EditorButtons.Rendered open =
        buttons.render(f, canWrite, action -> "/s/" + Html.url(id) + "/open?action=" + action);
    Html.page(res, Status.OK_200, visitor, f.name(),
        "<p>" + Html.escape(shared.get().link().createdBy()) + " shared this file with you ("
            + Html.size(f.size()) + ", changed " + Html.when(f.lastModified()) + "). You can "
            + (canWrite ? "edit" : "view") + " it.</p>"
            + "<p class=\"actions\">" + open.buttons() + "<a class=\"button\" href=\"/s/"
            + Html.url(id) + "/content\">Download</a></p>" + open.hint());
  }

  /**
   * Into the editor with the link's right, for the asked action ({@code ?action=}, by default
   * edit for a read-write link, else view): the host page finds the link in a cookie, and opens
   * the viewer for an action the link does not allow.
   */
  void openInEditor(ServerRequest req, ServerResponse res, Optional<Visitor> visitor) {
    Optional<Shared> shared = shared(req.path().pathParameters().get("link"));
    if (shared.isEmpty()) {
      gone(res, visitor);
      return;
    }
    hostPage.remember(res, shared.get().link());
    String action =
        req.query().first("action").asOptional()
            .filter(WopiAction.OPENED_BY_PEOPLE::contains)
            .orElse(shared.get().link().canWrite() ? "edit" : "view");
    Html.redirect(res, urls.hostPage(shared.get().file().id(), action));
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
