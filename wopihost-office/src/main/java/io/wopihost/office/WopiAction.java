package io.wopihost.office;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code action} of an editor's discovery: what it can do ({@code view}, {@code edit}, {@code
 * editnew}, {@code embedview}, {@code convert}, ...) with files of one extension, and the URL
 * template that opens it.
 *
 * @param app the {@code app} it belongs to ({@code Word}, or a MIME type for Collabora)
 * @param name the action's name, as discovery spells it
 * @param ext the extension without its dot, lower case
 * @param urlsrc the URL template, XML entities already decoded
 * @param isDefault whether it is the extension's default action
 * @param requires the capability groups it needs of the host ({@code update}, {@code locks})
 * @param favIconUrl the app's {@code favIconUrl}, for the host page
 */
public record WopiAction(
    String app,
    String name,
    String ext,
    String urlsrc,
    boolean isDefault,
    Set<String> requires,
    Optional<String> favIconUrl) {

  /**
   * The actions a person opens a file with, in the order a user interface offers them. The
   * others are calls between programs ({@code convert}, {@code getinfo}, {@code preloadview},
   * ...), or {@code editnew}, which a host picks itself for an empty file.
   */
  public static final List<String> OPENED_BY_PEOPLE = List.of("view", "edit", "embedview", "present");

  public WopiAction {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ext, "ext");
    Objects.requireNonNull(urlsrc, "urlsrc");
    requires = Set.copyOf(requires);
    Objects.requireNonNull(favIconUrl, "favIconUrl");
  }

  /** Whether the action changes the file ({@code edit}, {@code editnew}, {@code embededit}). */
  public boolean writes() {
    return writes(name);
  }

  /** Whether an action of that name changes the file. */
  public static boolean writes(String name) {
    return name.contains("edit");
  }
}
