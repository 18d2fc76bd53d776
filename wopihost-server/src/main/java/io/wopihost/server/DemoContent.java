package io.wopihost.server;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The demo files the embedded default imports on its first start, owned by user "demo". */
public final class DemoContent {

  public static final String DEMO_USER = "demo";
  /** The demo documents, resources under {@code /demo/}, imported in this order. */
  public static final List<String> FILES =
      List.of("Welcome.docx", "Budget.xlsx", "Slides.pptx", "Notes.odt");

  private DemoContent() {}

  /**
   * Imports the demo files on the first start of a data dir (a marker file remembers it, so a
   * deleted demo file does not come back).
   *
   * @return the imported files; empty when they were imported before or demo files are off
   */
  public static List<FileRecord> importOnFirstStart(Host host) throws IOException {
    Path marker = host.settings().dataDir().resolve(".demo-imported");
    if (!host.settings().importDemoFiles() || Files.exists(marker)) {
      return List.of();
    }
    var importer = new FileImporter(host);
    var imported = new ArrayList<FileRecord>();
    for (String name : FILES) {
      try (InputStream in = DemoContent.class.getResourceAsStream("/demo/" + name)) {
        if (in != null) {
          imported.add(importer.importFile(name, in, DEMO_USER));
        }
      }
    }
    Files.createDirectories(host.settings().dataDir());
    Files.writeString(marker, "demo files imported; delete this file to import them again\n");
    return imported;
  }

  /** The demo document the serve banner offers, if it is still there. */
  public static Optional<FileRecord> welcomeFile(Host host) {
    return host.catalog().findFileByName(rootOf(host), FILES.getFirst());
  }

  private static String rootOf(Host host) {
    return host.catalog().rootContainer(DEMO_USER, Ids.newId()).id();
  }
}
