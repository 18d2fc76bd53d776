package io.wopihost.server.web;

import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.SaveKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The version list as people read it: autosaves in a row (between two explicit, exit or other
 * saves) fold into one entry, shown as its newest autosave; every version is kept and listed
 * inside its entry.
 */
final class History {

  /**
   * One line of the history.
   *
   * @param versions newest first; more than one only for folded autosaves
   */
  record Entry(List<FileVersion> versions) {

    FileVersion newest() {
      return versions.getFirst();
    }

    boolean folded() {
      return versions.size() > 1;
    }
  }

  private History() {}

  /** @param versions newest first, as {@code Catalog.versions} gives them */
  static List<Entry> fold(List<FileVersion> versions) {
    var entries = new ArrayList<Entry>();
    var run = new ArrayList<FileVersion>();
    for (FileVersion v : versions) {
      if (v.kind() == SaveKind.AUTOSAVE) {
        run.add(v);
        continue;
      }
      if (!run.isEmpty()) {
        entries.add(new Entry(List.copyOf(run)));
        run.clear();
      }
      entries.add(new Entry(List.of(v)));
    }
    if (!run.isEmpty()) {
      entries.add(new Entry(List.copyOf(run)));
    }
    return entries;
  }

  static String describe(SaveKind kind) {
    return switch (kind) {
      case CREATED -> "created";
      case AUTOSAVE -> "autosave";
      case EXPLICIT -> "saved";
      case EXIT -> "saved on close";
      case UNSPECIFIED -> "saved";
    };
  }
}
