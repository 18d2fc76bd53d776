package io.wopihost.server.web;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.office.EditorAction;
import io.wopihost.office.OfficeEditors;
import io.wopihost.office.WopiAction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The buttons that open a file in the host page: one per action that the configured editors'
 * discovery offers for the file's extension and people open files with ({@link
 * WopiAction#OPENED_BY_PEOPLE}: view, edit, embedview, present), those that change the file only
 * for someone who may write it. Each is named after the editor the host page will use (the same
 * choice: the preferred editor for the extension, else the first that offers it). Discovery is
 * asked on every page, so the buttons follow an editor that comes up or goes down. With no
 * editor, or none for the extension, a hint says so; the file can still be downloaded.
 */
final class EditorButtons {

  /** Says how to configure an editor, for a host that has none. */
  static final String NO_EDITOR =
      "<p class=\"hint\">No online office editor is configured, so documents can only be"
          + " downloaded. The operator adds one with <code>office-urls</code>"
          + " (<code>WOPIHOST_OFFICE_URLS</code>, e.g. <code>onlyoffice=https://docs.example.com"
          + "</code>): see the <code>office-*</code> settings in docs/operations.md.</p>";

  private final OfficeEditors editors;
  private final HostUrls urls;

  EditorButtons(OfficeEditors editors, HostUrls urls) {
    this.editors = editors;
    this.urls = urls;
  }

  /**
   * @param buttons HTML links, {@code class="button"} each, empty when there are none
   * @param hint an HTML paragraph saying why there are none, empty when there are some
   */
  record Rendered(String buttons, String hint) {}

  boolean noEditor() {
    return editors.isEmpty();
  }

  /** The buttons of someone who may change the file, each to the file's host page. */
  Rendered render(FileRecord file) {
    return render(file, true, action -> urls.hostPage(file.id(), action));
  }

  /**
   * @param canWrite whether the visitor may change the file: else no edit
   * @param href where the button of an action leads
   */
  Rendered render(FileRecord file, boolean canWrite, Function<String, String> href) {
    if (editors.isEmpty()) {
      return new Rendered("", NO_EDITOR);
    }
    String ext = FileNames.extension(file.name()).replaceFirst("^\\.", "");
    List<EditorAction> offered = editors.actions(ext);
    var html = new StringBuilder();
    for (String name : WopiAction.OPENED_BY_PEOPLE) {
      if (!canWrite && WopiAction.writes(name)) {
        continue;
      }
      Optional<EditorAction> action = find(offered, name);
      if (name.equals("edit") && file.size() == 0) {
        // An empty file opens with editnew where offered: the host page picks it for edit.
        action = action.or(() -> find(offered, "editnew"));
      }
      action.ifPresent(a -> html.append(button(name, a, href.apply(name))));
    }
    if (html.isEmpty()) {
      return new Rendered("", "<p class=\"hint\">None of the configured editors opens <code>."
          + Html.escape(ext) + "</code> files, or none has been reached yet; the file can be"
          + " downloaded.</p>");
    }
    return new Rendered(html.toString(), "");
  }

  private static String button(String name, EditorAction with, String href) {
    String label = label(name);
    return "<a class=\"button\" data-action=\"" + name + "\" href=\"" + Html.escape(href)
        + "\" title=\"" + label + " in " + Html.escape(with.editor()) + "\">" + label + "</a> ";
  }

  private static String label(String action) {
    return switch (action) {
      case "embedview" -> "Embedded view";
      default -> action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    };
  }

  private static Optional<EditorAction> find(List<EditorAction> offered, String name) {
    return offered.stream().filter(a -> a.action().name().equals(name)).findFirst();
  }
}
