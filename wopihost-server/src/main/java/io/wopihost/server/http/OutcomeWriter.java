package io.wopihost.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.wopi.Body;
import io.wopihost.core.wopi.Outcome;
import io.wopihost.core.wopi.WopiHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The one place that turns an {@link Outcome} into an HTTP response. */
final class OutcomeWriter {

  // Large enough that streaming a big file costs few system calls.
  private static final int COPY_BUFFER = 256 * 1024;

  private final ObjectMapper json;

  OutcomeWriter(ObjectMapper json) {
    this.json = json;
  }

  void write(Outcome outcome, ServerResponse res) {
    switch (outcome) {
      case Outcome.Ok ok -> {
        headers(res, ok.headers());
        body(res, Status.OK_200, ok.body());
      }
      case Outcome.BadRequest bad -> {
        headers(res, bad.headers());
        text(res, Status.BAD_REQUEST_400, bad.reason());
      }
      case Outcome.Unauthorized u -> text(res, Status.UNAUTHORIZED_401, u.reason());
      case Outcome.NotFound n -> text(res, Status.NOT_FOUND_404, n.reason());
      case Outcome.LockConflict c -> {
        res.header(WopiHeaders.LOCK, c.currentLock());
        res.header(WopiHeaders.LOCK_FAILURE_REASON, asciiHeaderValue(c.reason()));
        text(res, Status.CONFLICT_409, c.reason());
      }
      case Outcome.Conflict c -> {
        headers(res, c.headers());
        if (c.body() instanceof Body.None) {
          text(res, Status.CONFLICT_409, c.reason());
        } else {
          body(res, Status.CONFLICT_409, c.body());
        }
      }
      case Outcome.PreconditionFailed p -> text(res, Status.PRECONDITION_FAILED_412, p.reason());
      case Outcome.TooLarge t -> text(res, Status.REQUEST_ENTITY_TOO_LARGE_413, t.reason());
      case Outcome.NotImplemented n -> text(res, Status.NOT_IMPLEMENTED_501, n.reason());
    }
  }

  private static void headers(ServerResponse res, Map<String, String> headers) {
    headers.forEach((name, value) -> res.header(name, asciiHeaderValue(value)));
  }

  /** Header values are ASCII on the wire; a reason quoting a user's name may not be. */
  static String asciiHeaderValue(String value) {
    var out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  private void body(ServerResponse res, Status status, Body body) {
    res.status(status);
    switch (body) {
      case Body.None none -> res.send();
      case Body.Json j -> {
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.send(jsonBytes(j.properties()));
      }
      case Body.Content content -> stream(res, content);
    }
  }

  private static void stream(ServerResponse res, Body.Content content) {
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.contentLength(content.size());
    try (InputStream in = content.source().open();
        OutputStream out = res.outputStream()) {
      byte[] buffer = new byte[COPY_BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("streaming file content failed", e);
    }
  }

  static void text(ServerResponse res, Status status, String message) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    if (status.code() >= 500) {
      res.header(WopiHeaders.SERVER_ERROR, asciiHeaderValue(message));
    }
    res.send((message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private byte[] jsonBytes(Map<String, Object> properties) {
    try {
      return json.writeValueAsBytes(properties);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("WOPI bodies are maps of plain values", e);
    }
  }
}
