package io.wopihost.server.web;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.office.EditorAction;
import io.wopihost.office.OfficeEditors;
import java.util.List;
import java.util.Optional;

/**
 * A file page's View and Edit buttons: one for each of those actions that the configured editors'
 * discovery offers for the file's extension, named after the editor that the host page will use
 * (the same choice: the preferred editor for the extension, else the first that offers it). With
 * no editor, or none for the extension, the page says so and the file can still be downloaded.
 */
final class EditorButtons {

  private final OfficeEditors editors;
  private final HostUrls urls;

  EditorButtons(OfficeEditors editors, HostUrls urls) {
    this.editors = editors;
    this.urls = urls;
  }

  /**
   * @param buttons HTML links, empty when there are none
   * @param hint an HTML paragraph saying why there are none, empty when there are some
   */
  record Rendered(String buttons, String hint) {}

  Rendered render(FileRecord file) {
    if (editors.isEmpty()) {
      return new Rendered("", "<p class=\"hint\">No online office editor is configured, so documents can only be"
          + " downloaded. The operator adds one with <code>office-urls</code>"
          + " (<code>WOPIHOST_OFFICE_URLS</code>, e.g."
          + " <code>onlyoffice=https://docs.example.com</code>): see the operations guide.</p>");
    }
    String ext = FileNames.extension(file.name()).replaceFirst("^\\.", "");
    List<EditorAction> offered = editors.actions(ext);
    // An empty file opens with editnew where offered: the host page picks it for Edit.
    Optional<EditorAction> edit =
        find(offered, "edit")
            .or(() -> file.size() == 0 ? find(offered, "editnew") : Optional.empty());
    Optional<EditorAction> view = find(offered, "view");
    if (view.isEmpty() && edit.isEmpty()) {
      return new Rendered("", "<p class=\"hint\">None of the configured editors opens <code>."
          + Html.escape(ext) + "</code> files, or none has been reached yet; the file can be"
          + " downloaded.</p>");
    }
    return new Rendered(
        view.map(a -> button(file, "view", "View", a)).orElse("")
            + edit.map(a -> button(file, "edit", "Edit", a)).orElse(""),
        "");
  }

  private String button(FileRecord file, String action, String label, EditorAction with) {
    return "<a class=\"button\" href=\"" + Html.escape(urls.hostPage(file.id(), action))
        + "\" title=\"" + label + " in " + Html.escape(with.editor()) + "\">" + label + "</a> ";
  }

  private static Optional<EditorAction> find(List<EditorAction> offered, String name) {
    return offered.stream().filter(a -> a.action().name().equals(name)).findFirst();
  }
}
