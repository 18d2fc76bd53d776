package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.spi.Catalog;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Creates files in a container, choosing a free name when asked to. Thread safe; the catalog's
 * name uniqueness settles races.
 */
public final class FileCreator {

  // "Report (2).docx" … "Report (999).docx": a container with that many copies of one name is
  // not a case worth a smarter search.
  private static final int MAX_SUFFIX = 999;

  private final Catalog catalog;

  public FileCreator(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Creates the file under exactly {@code name}; empty when the name is taken. */
  Optional<FileRecord> createExact(
      String containerId, String name, String ownerId, FileVersion first) {
    return catalog.tryCreateFile(Ids.newId(), containerId, name, ownerId, first);
  }

  /** Creates the file under {@code name}, or the first free "name (n)" when it is taken. */
  public Optional<FileRecord> createUnique(
      String containerId, String name, String ownerId, FileVersion first) {
    return candidates(name)
        .map(candidate -> createExact(containerId, candidate, ownerId, first))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** A name that is free in the container now: {@code name} or the first free "name (n)". */
  Optional<String> freeName(String containerId, String name) {
    return candidates(name)
        .filter(candidate -> catalog.findFileByName(containerId, candidate).isEmpty())
        .findFirst();
  }

  /** {@code name}, then "name (2)", "name (3)" and so on: the names tried for a free one. */
  static Stream<String> candidates(String name) {
    return Stream.concat(
        Stream.of(name),
        IntStream.rangeClosed(2, MAX_SUFFIX).mapToObj(n -> FileNames.withSuffix(name, n)));
  }
}
