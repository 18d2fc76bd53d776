package io.wopihost.server.web;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.Catalog;
import io.wopihost.server.web.WebException.NotFound;

/**
 * What a visitor may reach: their own files and folders, or everyone's for an administrator.
 * Something they may not reach is "not found", so that ids of others' files reveal nothing.
 */
final class Files {

  private final Catalog catalog;

  Files(Catalog catalog) {
    this.catalog = catalog;
  }

  FileRecord file(Visitor visitor, String fileId) {
    return catalog.findFile(fileId).filter(f -> visitor.mayAccess(f.ownerId()))
        .orElseThrow(() -> new NotFound("There is no such file, or it was deleted."));
  }

  ContainerRecord folder(Visitor visitor, String containerId) {
    return catalog.findContainer(containerId).filter(c -> visitor.mayAccess(c.ownerId()))
        .orElseThrow(() -> new NotFound("There is no such folder, or it was deleted."));
  }
}
