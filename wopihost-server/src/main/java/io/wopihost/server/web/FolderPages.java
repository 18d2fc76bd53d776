package io.wopihost.server.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.BlobTooLargeException;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.StoredBlob;
import io.wopihost.core.wopi.FileCreator;
import io.wopihost.core.wopi.HostPolicy;
import io.wopihost.server.http.StalledRequests;
import io.wopihost.server.web.WebException.BadRequest;
import io.wopihost.server.web.WebException.Conflict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file browser: a folder's folders and files with breadcrumbs and sorting; upload (streamed
 * to the blob store), new folder, new document from a blank template, and folder rename and
 * delete.
 */
final class FolderPages {

  /** The blank templates, resources under {@code /templates/blank.*}, by extension. */
  static final List<String> TEMPLATES = List.of("docx", "xlsx", "pptx", "odt", "ods", "odp");

  private final Catalog catalog;
  private final LockStore locks;
  private final BlobStore blobs;
  private final HostPolicy policy;
  private final Clock clock;
  private final Files files;
  private final MovePages moves;
  private final StalledRequests stalls;
  private final EditorButtons buttons;

  FolderPages(Catalog catalog, LockStore locks, BlobStore blobs, HostPolicy policy, Clock clock,
      MovePages moves, EditorButtons buttons, StalledRequests stalls) {
    this.stalls = stalls;
    this.moves = moves;
    this.buttons = buttons;
    this.catalog = catalog;
    this.locks = locks;
    this.blobs = blobs;
    this.policy = policy;
    this.clock = clock;
    this.files = new Files(catalog);
  }

  void home(ServerRequest req, ServerResponse res, Visitor visitor) {
    Html.redirect(res, "/files/" + catalog.rootContainer(visitor.id(), Ids.newId()).id());
  }

  void folder(ServerRequest req, ServerResponse res, Visitor visitor) {
    ContainerRecord folder = files.folder(visitor, req.path().pathParameters().get("cid"));
    String sort = req.query().first("sort").orElse("name");
    boolean descending = req.query().first("order").orElse("asc").equals("desc");
    List<FileRecord> children = catalog.childFiles(folder.id()).stream()
        .sorted(descending ? order(sort).reversed() : order(sort)).toList();
    var rows = new StringBuilder();
    for (ContainerRecord sub : catalog.childContainers(folder.id())) {
      rows.append("<tr><td><a class=\"folder\" href=\"/files/").append(sub.id()).append("\">")
          .append(Html.escape(sub.name()))
          .append("/</a></td><td></td><td>folder</td><td></td><td></td></tr>");
    }
    var now = clock.instant();
    for (FileRecord f : children) {
      String lock = locks.current(f.id(), now).map(l -> "locked").orElse("");
      rows.append("<tr><td><a href=\"/file/").append(f.id()).append("\">")
          .append(Html.escape(f.name())).append("</a></td><td>").append(Html.when(f.lastModified()))
          .append("</td><td>").append(Html.size(f.size())).append("</td><td>").append(lock)
          // The visitor reaches only what they own (or everything, as an admin): every right.
          .append("</td><td class=\"actions\">").append(buttons.render(f).buttons())
          .append("<a class=\"button\" href=\"/file/").append(f.id())
          .append("/download\">Download</a></td></tr>");
    }
    String table = rows.isEmpty()
        ? "<p>This folder is empty. Upload a file or create a document.</p>"
        : "<table><caption class=\"sr-only\">Contents of " + Html.escape(folder.name())
            + "</caption><thead><tr>" + header(folder, "name", "Name", sort, descending)
            + header(folder, "modified", "Modified", sort, descending)
            + header(folder, "size", "Size", sort, descending)
            + "<th scope=\"col\">Lock</th><th scope=\"col\">Open</th></tr></thead><tbody>" + rows
            + "</tbody></table>";
    Html.page(res, Status.OK_200, Optional.of(visitor), folder.isRoot() ? "Files" : folder.name(),
        breadcrumbs(folder) + tools(folder, visitor, moves.folderForm(visitor, folder))
            + (buttons.noEditor() ? EditorButtons.NO_EDITOR : "") + table);
  }

  void upload(ServerRequest req, ServerResponse res, Visitor visitor) {
    ContainerRecord folder = files.folder(visitor, req.path().pathParameters().get("cid"));
    String name = req.query().first("name").orElse("").strip();
    checkName(name);
    StoredBlob blob;
    try (InputStream body = stalls.watch(req.content().inputStream())) {
      blob = blobs.put(body, policy.maxFileSize());
    } catch (StalledRequests.Stalled e) {
      throw new WebException(Status.REQUEST_TIMEOUT_408, "The upload stopped arriving.");
    } catch (BlobTooLargeException e) {
      throw new WebException(Status.REQUEST_ENTITY_TOO_LARGE_413, "The file is larger than this"
          + " host accepts (" + Html.size(policy.maxFileSize()) + ").");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FileRecord file = create(folder, name, visitor, blob);
    res.status(Status.CREATED_201);
    res.send("/file/" + file.id());
  }

  void newFolder(ServerRequest req, ServerResponse res, Visitor visitor, Form form) {
    ContainerRecord parent = files.folder(visitor, req.path().pathParameters().get("cid"));
    String name = form.required("name", "the folder's name");
    checkName(name);
    ContainerRecord created = catalog.tryCreateContainer(Ids.newId(), parent.id(), name)
        .orElseThrow(() -> new Conflict("There is already a folder named \"" + name + "\" here."));
    Html.redirect(res, "/files/" + created.id());
  }

  void newDocument(ServerRequest req, ServerResponse res, Visitor visitor, Form form) {
    ContainerRecord folder = files.folder(visitor, req.path().pathParameters().get("cid"));
    String type = form.required("type", "the kind of document");
    if (!TEMPLATES.contains(type)) {
      throw new BadRequest("Choose one of the listed kinds of document.");
    }
    String base = form.get("name").map(String::strip).filter(s -> !s.isEmpty()).orElse("Untitled");
    String name = base.toLowerCase(Locale.ROOT).endsWith("." + type)
        ? base : base + "." + type;
    checkName(name);
    StoredBlob blob;
    try (InputStream template = FolderPages.class.getResourceAsStream("/templates/blank." + type)) {
      if (template == null) {
        throw new IllegalStateException("the template blank." + type + " is missing");
      }
      blob = blobs.put(template, policy.maxFileSize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Html.redirect(res, "/file/" + create(folder, name, visitor, blob).id());
  }

  void renameFolder(ServerRequest req, ServerResponse res, Visitor visitor, Form form) {
    ContainerRecord folder = files.folder(visitor, req.path().pathParameters().get("cid"));
    String name = form.required("name", "the new name");
    checkName(name);
    if (folder.isRoot() || !catalog.tryRenameContainer(folder.id(), name)) {
      throw new Conflict("The folder cannot take that name: a folder next to it has it.");
    }
    Html.redirect(res, "/files/" + folder.id());
  }

  void deleteFolder(ServerRequest req, ServerResponse res, Visitor visitor, Form form) {
    ContainerRecord folder = files.folder(visitor, req.path().pathParameters().get("cid"));
    if (folder.isRoot()) {
      throw new BadRequest("Your top folder cannot be deleted.");
    }
    switch (catalog.deleteContainer(folder.id())) {
      case DELETED, NOT_FOUND -> Html.redirect(res, "/files/" + folder.parentId());
      case NOT_EMPTY -> throw new Conflict("Only an empty folder can be deleted: move or delete"
          + " what is in it first.");
    }
  }

  private FileRecord create(ContainerRecord folder, String name, Visitor visitor, StoredBlob blob) {
    var first = new FileVersion(1, blob.key(), blob.size(), blob.sha256(),
        clock.instant().truncatedTo(ChronoUnit.MICROS), visitor.id(), List.of(), SaveKind.CREATED);
    return new FileCreator(catalog).createUnique(folder.id(), name, folder.ownerId(), first)
        .orElseThrow(() -> new Conflict("No free name is left for \"" + name + "\"."));
  }

  void checkName(String name) {
    FileNames.problem(name, policy.fileNameMaxLength()).ifPresent(problem -> {
      throw new BadRequest("\"" + name + "\" cannot be used as a name: " + problem + ".");
    });
  }

  private String breadcrumbs(ContainerRecord folder) {
    var nav = new StringBuilder("<nav aria-label=\"Breadcrumb\"><ol class=\"crumbs\">");
    List<ContainerRecord> chain = catalog.ancestry(folder.id(), 64);
    for (ContainerRecord c : chain) {
      String label = c.isRoot() ? "Files of " + c.ownerId() : c.name();
      nav.append(c.id().equals(folder.id())
          ? "<li aria-current=\"page\">" + Html.escape(label) + "</li>"
          : "<li><a href=\"/files/" + c.id() + "\">" + Html.escape(label) + "</a></li>");
    }
    return nav.append("</ol></nav>").toString();
  }

  private static String tools(ContainerRecord folder, Visitor v, String moveForm) {
    String base = "/files/" + folder.id();
    var options = new StringBuilder();
    for (String type : TEMPLATES) {
      options.append("<option value=\"").append(type).append("\">").append(type).append("</option>");
    }
    String folderTools = folder.isRoot() ? "" : "<details><summary>Rename, move or delete this folder"
        + "</summary><form method=\"post\" action=\"" + base + "/rename\">" + Html.csrfField(v)
        + "<label for=\"folder-name\">New name</label> <input id=\"folder-name\" name=\"name\""
        + " value=\"" + Html.escape(folder.name()) + "\" required> <button>Rename</button></form>"
        + moveForm + "<form method=\"post\" action=\"" + base + "/delete\">" + Html.csrfField(v)
        + "<button class=\"danger\">Delete this empty folder</button></form></details>";
    return "<section class=\"tools\" aria-label=\"Add to this folder\">"
        + "<div id=\"drop\" class=\"drop\" data-upload=\"" + base + "/upload\">"
        + "<label for=\"upload\">Upload files (or drop them here)</label>"
        + "<input id=\"upload\" type=\"file\" multiple>"
        + "<progress id=\"progress\" max=\"100\" value=\"0\" hidden></progress>"
        + "<p id=\"upload-status\" role=\"status\" aria-live=\"polite\"></p></div>"
        + "<form method=\"post\" action=\"" + base + "/new\" class=\"inline\">" + Html.csrfField(v)
        + "<label for=\"doc-name\">New document</label> <input id=\"doc-name\" name=\"name\""
        + " placeholder=\"Untitled\"> <label for=\"doc-type\" class=\"sr-only\">Kind</label>"
        + "<select id=\"doc-type\" name=\"type\">" + options + "</select> <button>Create</button>"
        + "</form><form method=\"post\" action=\"" + base + "/folder\" class=\"inline\">"
        + Html.csrfField(v) + "<label for=\"new-folder\">New folder</label> <input id=\"new-folder\""
        + " name=\"name\" required> <button>Create folder</button></form>" + folderTools
        + "</section>";
  }

  private static String header(ContainerRecord folder, String key, String label, String sort,
      boolean descending) {
    boolean current = sort.equals(key);
    String next = current && !descending ? "desc" : "asc";
    String aria = current ? " aria-sort=\"" + (descending ? "descending" : "ascending") + "\"" : "";
    return "<th scope=\"col\"" + aria + "><a href=\"/files/" + folder.id() + "?sort=" + key
        + "&amp;order=" + next + "\">" + label + (current ? (descending ? " ▼" : " ▲") : "")
        + "</a></th>";
  }

  private static Comparator<FileRecord> order(String sort) {
    return switch (sort) {
      case "modified" -> Comparator.comparing(FileRecord::lastModified);
      case "size" -> Comparator.comparingLong(FileRecord::size);
      default -> Comparator.comparing(f -> f.name().toLowerCase(Locale.ROOT));
    };
  }
}
