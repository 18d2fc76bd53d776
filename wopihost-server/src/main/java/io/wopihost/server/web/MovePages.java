package io.wopihost.server.web;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileEvent;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.WopiEvents;
import io.wopihost.server.web.WebException.BadRequest;
import io.wopihost.server.web.WebException.Conflict;
import io.wopihost.server.web.WebException.NotFound;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Moving a file or a folder to another folder of the same tree: the form (a list of the tree's
 * folders, by path) and its posts. Ids do not change, so an editor that has the file open keeps
 * working on it.
 */
final class MovePages {

  // The form lists folders one query each; a tree larger than this is offered its first ones.
  private static final int MAX_CHOICES = 500;
  private static final int MAX_DEPTH = 100_000;

  private record Choice(String id, String path) {}

  private final Catalog catalog;
  private final Files files;
  private final WopiEvents events;
  private final Clock clock;

  MovePages(Catalog catalog, WopiEvents events, Clock clock) {
    this.catalog = catalog;
    this.files = new Files(catalog);
    this.events = events;
    this.clock = clock;
  }

  /** The file page's move form: every folder of the file's tree but its own. */
  String fileForm(Visitor v, FileRecord file) {
    return form(v, "/file/" + file.id() + "/move", file.containerId(), Optional.empty());
  }

  /** A folder's move form: every folder of its tree but itself, below it, and its parent. */
  String folderForm(Visitor v, ContainerRecord folder) {
    return folder.isRoot()
        ? ""
        : form(v, "/files/" + folder.id() + "/move", folder.parentId(), Optional.of(folder.id()));
  }

  void moveFile(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    FileRecord file = files.file(v, req.path().pathParameters().get("id"));
    ContainerRecord target = target(v, form);
    switch (catalog.tryMoveFile(file.id(), target.id())) {
      case MOVED -> {
        events.happened(new FileEvent(FileEvent.Kind.MOVED, file.id(), file.name(),
            Optional.empty(), v.id(), clock.instant(), file.version()));
        Html.redirect(res, "/files/" + target.id());
      }
      case NAME_TAKEN -> throw new Conflict("\"" + target.name() + "\" already holds a file"
          + " named \"" + file.name() + "\". Rename one of them first.");
      case NOT_FOUND -> throw new NotFound("The file or the folder was deleted meanwhile.");
      case CYCLE, ROOT, OTHER_TREE -> throw new BadRequest("Files move only between folders of"
          + " the same owner.");
    }
  }

  void moveFolder(ServerRequest req, ServerResponse res, Visitor v, Form form) {
    ContainerRecord folder = files.folder(v, req.path().pathParameters().get("cid"));
    ContainerRecord target = target(v, form);
    switch (catalog.tryMoveContainer(folder.id(), target.id())) {
      case MOVED -> Html.redirect(res, "/files/" + folder.id());
      case NAME_TAKEN -> throw new Conflict("\"" + target.name() + "\" already holds a folder"
          + " named \"" + folder.name() + "\". Rename one of them first.");
      case CYCLE -> throw new Conflict("A folder cannot move into itself or into a folder"
          + " inside it.");
      case ROOT -> throw new BadRequest("Your top folder cannot be moved.");
      case NOT_FOUND -> throw new NotFound("The folder or its target was deleted meanwhile.");
      case OTHER_TREE -> throw new BadRequest("Folders move only within the same owner's files.");
    }
  }

  private ContainerRecord target(Visitor v, Form form) {
    return files.folder(v, form.required("target", "the folder to move to"));
  }

  private String form(Visitor v, String action, String currentParent, Optional<String> moving) {
    List<Choice> choices = choices(currentParent, moving);
    if (choices.isEmpty()) {
      return "<p class=\"hint\">There is no other folder to move to yet.</p>";
    }
    var options = new StringBuilder();
    for (Choice choice : choices) {
      options.append("<option value=\"").append(Html.escape(choice.id())).append("\">")
          .append(Html.escape(choice.path())).append("</option>");
    }
    return "<form method=\"post\" action=\"" + action + "\">" + Html.csrfField(v)
        + "<label for=\"move-target\">Move to</label> <select id=\"move-target\" name=\"target\">"
        + options + "</select> <button>Move</button></form>";
  }

  /**
   * The tree's folders, root first, then breadth first; without the current parent and, when a
   * folder is moving, without it and what is below it.
   */
  private List<Choice> choices(String currentParent, Optional<String> moving) {
    List<ContainerRecord> line = catalog.ancestry(currentParent, MAX_DEPTH);
    if (line.isEmpty()) {
      return List.of();
    }
    List<Choice> choices = new ArrayList<>();
    Deque<Choice> queue = new ArrayDeque<>();
    queue.add(new Choice(line.get(0).id(), "/"));
    int visited = 0;
    while (!queue.isEmpty() && visited++ < MAX_CHOICES) {
      Choice folder = queue.poll();
      if (!folder.id().equals(currentParent)) {
        choices.add(folder);
      }
      for (ContainerRecord child : catalog.childContainers(folder.id())) {
        if (moving.filter(child.id()::equals).isEmpty()) {
          queue.add(new Choice(child.id(), folder.path() + child.name() + "/"));
        }
      }
    }
    return choices;
  }
}
