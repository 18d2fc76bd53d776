package io.wopihost.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Sends stored content as a download under its name, streamed from the blob store. */
public final class Downloads {

  private Downloads() {}

  public static void send(ServerResponse res, BlobStore blobs, String blobKey, long size, String name) {
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    res.contentLength(size);
    try (InputStream in = blobs.open(blobKey);
        OutputStream out = res.outputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
