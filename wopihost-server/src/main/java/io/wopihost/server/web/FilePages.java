package io.wopihost.server.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.FileEvent;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Lock;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.WopiEvents;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.server.http.Downloads;
import io.wopihost.server.web.WebException.Conflict;
import io.wopihost.server.web.WebException.Forbidden;
import io.wopihost.server.web.WebException.NotFound;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file's page and what can be done to it: open in the editor, download, rename, delete, force
 * an editor's lock off (administrators), share links, and the version history with download and
 * restore of any version.
 */
final class FilePages {

  private static final Logger LOG = LoggerFactory.getLogger(FilePages.class);

  private final Catalog catalog;
  private final LockStore locks;
  private final LockState lockState;
  private final EditorButtons editorButtons;
  private final MovePages moves;
  private final BlobStore blobs;
  private final ShareLinkStore shares;
  private final HostUrls urls;
  private final Clock clock;
  private final Files files;
  private final FolderPages folders;
  private final WopiEvents events;

  FilePages(Catalog catalog, LockStore locks, LockState lockState, EditorButtons editorButtons,
      MovePages moves, BlobStore blobs, ShareLinkStore shares, HostUrls urls, Clock clock, FolderPages folders,
      WopiEvents events) {
    this.catalog = catalog;
    this.locks = locks;
    this.lockState = lockState;
    this.editorButtons = editorButtons;
    this.moves = moves;
    this.blobs = blobs;
    this.shares = shares;
    this.urls = urls;
    this.clock = clock;
    this.files = new Files(catalog);
    this.folders = folders;
    this.events = events;
  }

  void file(ServerRequest req, ServerResponse res, Visitor v) {
    FileRecord f = file(req, v);
    String base = "/file/" + f.id();
    // The owner (or an admin) has every right on the file, as in the host page.
    EditorButtons.Rendered open = editorButtons.render(f);
    Optional<Lock> lock = locks.current(f.id(), clock.instant());
    String lockHtml = lockState.describe(f.id(), lock) + (lock.isPresent() && v.admin()
        ? "<form method=\"post\" action=\"" + base + "/unlock\">" + Html.csrfField(v)
            + "<button class=\"danger\">Force unlock</button></form>"
        : "");
    var links = new StringBuilder();
    for (var link : shares.liveForFile(f.id(), clock.instant())) {
      links.append("<li><a href=\"").append(Html.escape(urls.shareLink(link.id())))
          .append("\">").append(link.canWrite() ? "read-write" : "read-only").append(" link</a>")
          .append(" until ").append(Html.when(link.expiresAt()))
          .append(" <form method=\"post\" action=\"").append(base).append("/revoke\" class=\"inline\">")
          .append(Html.csrfField(v)).append("<input type=\"hidden\" name=\"link\" value=\"")
          .append(Html.escape(link.id())).append("\"><button>Revoke</button></form></li>");
    }
    Html.page(res, Status.OK_200, Optional.of(v), f.name(),
        "<p><a href=\"/files/" + f.containerId() + "\">Back to the folder</a></p>"
            + "<p>" + Html.size(f.size()) + ", version " + f.version() + ", changed "
            + Html.when(f.lastModified()) + ", owned by " + Html.escape(f.ownerId()) + ".</p>"
            + lockHtml
            + "<p class=\"actions\">" + open.buttons()
            + "<a class=\"button\" href=\"" + base + "/download\">Download</a> <a class=\"button\""
            + " href=\"" + base + "/history\">History</a></p>"
            + open.hint()
            + "<h2>Rename</h2><form method=\"post\" action=\"" + base + "/rename\">"
            + Html.csrfField(v) + "<label for=\"file-name\">New name</label> <input id=\"file-name\""
            + " name=\"name\" value=\"" + Html.escape(f.name()) + "\" required> <button>Rename"
            + "</button></form>"
            + "<h2>Move</h2>" + moves.fileForm(v, f)
            + "<h2>Share</h2><ul class=\"links\">" + links + "</ul><form method=\"post\" action=\""
            + base + "/share\">" + Html.csrfField(v) + "<label for=\"access\">Anyone with the link"
            + " can</label> <select id=\"access\" name=\"access\"><option value=\"read\">view and"
            + " download</option><option value=\"write\">edit</option></select> <button>Create"
            + " link</button></form>"
            + "<h2>Delete</h2><p><a class=\"button danger\" href=\"" + base + "/delete\">Delete…"
            + "</a></p>");
  }

  void download(ServerRequest req, ServerResponse res, Visitor v) {
    FileRecord f = file(req, v);
    Downloads.send(res, blobs, f.blobKey(), f.size(), f.name());
  }

  void history(ServerRequest req, ServerResponse res, Visitor v) {
    FileRecord f = file(req, v);
    var rows = new StringBuilder();
    for (History.Entry entry : History.fold(catalog.versions(f.id()))) {
      FileVersion newest = entry.newest();
      rows.append("<li>").append(versionLine(f, newest, v));
      if (entry.folded()) {
        rows.append("<details><summary>").append(entry.versions().size())
            .append(" autosaves</summary><ul>");
        for (FileVersion each : entry.versions()) {
          rows.append("<li>").append(versionLine(f, each, v)).append("</li>");
        }
        rows.append("</ul></details>");
      }
      rows.append("</li>");
    }
    Html.page(res, Status.OK_200, Optional.of(v), "History of " + f.name(),
        "<p><a href=\"/file/" + f.id() + "\">Back to the file</a></p><ol class=\"history\""
            + " reversed>" + rows + "</ol>");
  }

  private String versionLine(FileRecord f, FileVersion version, Visitor v) {
    String base = "/file/" + f.id();
    String restore = version.version() == f.version() ? " <em>(current)</em>"
        : " <form method=\"post\" action=\"" + base + "/restore\" class=\"inline\">"
            + Html.csrfField(v) + "<input type=\"hidden\" name=\"version\" value=\""
            + version.version() + "\"><button aria-label=\"Restore version " + version.version()
            + "\">Restore</button></form>";
    return "<span class=\"version\">Version " + version.version() + "</span>: "
        + History.describe(version.kind()) + " by " + Html.escape(version.userId()) + ", "
        + Html.when(version.createdAt()) + ", " + Html.size(version.size())
        + " <a href=\"" + base + "/versions/" + version.version() + "\" aria-label=\"Download"
        + " version " + version.version() + "\">Download</a>" + restore;
  }

  void downloadVersion(ServerRequest req, ServerResponse res, Visitor v) {
    FileRecord f = file(req, v);
    FileVersion version = version(f, req.path().pathParameters().get("version"));
    Downloads.send(res, blobs, version.blobKey(), version.size(), f.name());
  }

  /** Restoring is a new version with the old content: nothing is lost, the history grows. */
  void restore(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    FileRecord f = file(req, v);
    FileVersion old = version(f, form.required("version", "the version"));
    if (locks.current(f.id(), clock.instant()).isPresent()) {
      throw new Conflict("The file is open in an editor, which may save over the restored"
          + " version. Close it there first" + (v.admin() ? ", or force the lock off." : "."));
    }
    var next = new FileVersion(f.version() + 1, old.blobKey(), old.size(), old.sha256(),
        clock.instant().truncatedTo(ChronoUnit.MICROS), v.id(), List.of(), SaveKind.EXPLICIT);
    catalog.tryCommitVersion(f.id(), f.version(), next).orElseThrow(() -> new Conflict(
        "The file changed while you restored it. Look at the history again and retry."));
    events.happened(new FileEvent(FileEvent.Kind.RESTORED, f.id(), f.name(), Optional.empty(),
        v.id(), next.createdAt(), next.version()));
    Html.redirect(res, "/file/" + f.id() + "/history");
  }

  void rename(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    FileRecord f = file(req, v);
    String name = form.required("name", "the new name");
    folders.checkName(name);
    if (!name.equals(f.name()) && !catalog.tryRenameFile(f.id(), name)) {
      throw new Conflict("Another file in this folder is already named \"" + name + "\".");
    }
    Html.redirect(res, "/file/" + f.id());
  }

  void confirmDelete(ServerRequest req, ServerResponse res, Visitor v) {
    FileRecord f = file(req, v);
    Html.page(res, Status.OK_200, Optional.of(v), "Delete " + f.name() + "?",
        "<p>The file and all " + f.version() + " of its versions will be deleted for good.</p>"
            + "<form method=\"post\" action=\"/file/" + f.id() + "/delete\">" + Html.csrfField(v)
            + "<button class=\"danger\" autofocus>Delete for good</button> <a href=\"/file/"
            + f.id() + "\">Cancel</a></form>");
  }

  void delete(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    FileRecord f = file(req, v);
    if (locks.current(f.id(), clock.instant()).isPresent()) {
      throw new Conflict("The file is open in an editor; close it there first.");
    }
    locks.clear(f.id());
    for (String key : catalog.deleteFile(f.id()).orElse(List.of())) {
      try {
        blobs.delete(key);
      } catch (IOException e) {
        // The catalog no longer points at it: the collection of orphaned blobs removes it later.
        LOG.warn("could not delete blob {} of deleted file {}", key, f.id(), e);
      }
    }
    Html.redirect(res, "/files/" + f.containerId());
  }

  void unlock(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    if (!v.admin()) {
      throw new Forbidden("Only an administrator can force a lock off.");
    }
    FileRecord f = file(req, v);
    locks.clear(f.id());
    Html.redirect(res, "/file/" + f.id());
  }

  private FileRecord file(ServerRequest req, Visitor v) {
    return files.file(v, req.path().pathParameters().get("id"));
  }

  private FileVersion version(FileRecord f, String number) {
    return catalog.versions(f.id()).stream()
        .filter(each -> String.valueOf(each.version()).equals(number))
        .findFirst()
        .orElseThrow(() -> new NotFound("The file has no version " + number + "."));
  }

}
