package io.wopihost.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Sends stored content as a download, streamed from the blob store. */
final class Downloads {

  private Downloads() {}

  static void send(ServerResponse res, BlobStore blobs, String blobKey, long size, String name) {
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + Html.url(name));
    res.contentLength(size);
    try (InputStream in = blobs.open(blobKey);
        OutputStream out = res.outputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
