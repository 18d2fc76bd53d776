package io.wopihost.core.wopi;

import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.SaveRecovery;
import io.wopihost.core.spi.BlobTooLargeException;
import io.wopihost.core.spi.StoredBlob;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Streams request bodies into the blob store under the size limit, and turns stored blobs into
 * versions. The blob is always stored before any catalog row points at it, so a failure at any
 * point leaves no visible version.
 */
final class Uploads {

  /** What happened to an upload: stored, or refused with the outcome to send. */
  sealed interface Result {
    record Stored(StoredBlob blob) implements Result {}

    record Refused(Outcome outcome) implements Result {}
  }

  private final BlobStore blobs;
  private final HostPolicy policy;
  private final Clock clock;
  private final SaveRecovery recovery;

  Uploads(BlobStore blobs, HostPolicy policy, Clock clock, SaveRecovery recovery) {
    this.blobs = blobs;
    this.policy = policy;
    this.clock = clock;
    this.recovery = recovery;
  }

  /**
   * Runs the commit of a stored body; if it fails on the host's side, the body goes to the
   * recovery before the failure goes on to be answered 500.
   */
  <T> T committing(StoredBlob blob, String target, String userId, Supplier<T> commit) {
    try {
      return commit.get();
    } catch (RuntimeException e) {
      recovery.keep(blob, target, userId, e);
      throw e;
    }
  }

  /**
   * Stores the request body. A declared size above the limit is refused before a byte is read;
   * an undeclared one is cut off as soon as it passes the limit. A body of another size than the
   * declared one is refused and discarded: the client did not send what it meant to.
   */
  Result store(WopiRequest request, OptionalLong declaredSize) {
    if (declaredSize.isPresent() && declaredSize.getAsLong() > policy.maxFileSize()) {
      return tooLarge();
    }
    try (InputStream body = new ClientBody(request.body())) {
      StoredBlob blob = blobs.put(body, policy.maxFileSize());
      if (declaredSize.isPresent() && declaredSize.getAsLong() != blob.size()) {
        discard(blob);
        return new Result.Refused(
            new Outcome.BadRequest(
                "the body is " + blob.size() + " bytes, not the declared "
                    + declaredSize.getAsLong()));
      }
      return new Result.Stored(blob);
    } catch (BlobTooLargeException e) {
      return tooLarge();
    } catch (ClientBodyException e) {
      return new Result.Refused(
          new Outcome.BadRequest("the request body could not be read to its end"));
    } catch (IOException e) {
      throw new UncheckedIOException("the blob store could not store an upload", e);
    }
  }

  /** Stores an empty blob: the content of a file CreateChildFile makes. */
  Result storeEmpty() {
    try {
      return new Result.Stored(blobs.put(InputStream.nullInputStream(), policy.maxFileSize()));
    } catch (IOException e) {
      throw new UncheckedIOException("the blob store could not store an empty file", e);
    }
  }

  /** Deletes a stored blob that no version will point at. */
  void discard(StoredBlob blob) {
    try {
      blobs.delete(blob.key());
    } catch (IOException e) {
      // An orphaned blob wastes space but loses nothing; the orphan sweep collects it.
    }
  }

  FileVersion version(long number, StoredBlob blob, String userId, FileCall call) {
    List<String> editors =
        call.header(WopiHeaders.EDITORS)
            .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()))
            .map(s -> s.toList())
            .orElse(List.of());
    return new FileVersion(
        number,
        blob.key(),
        blob.size(),
        blob.sha256(),
        WopiClock.now(clock),
        userId,
        editors,
        saveKind(call),
        modifiedByUser(call));
  }

  FileVersion firstVersion(StoredBlob blob, String userId) {
    return new FileVersion(
        1, blob.key(), blob.size(), blob.sha256(), WopiClock.now(clock), userId, List.of(),
        SaveKind.CREATED);
  }

  /** {@code true} or {@code false} as the editor says; anything else is not saying. */
  private static Optional<Boolean> modifiedByUser(FileCall call) {
    return call.anyHeader(WopiHeaders.IS_MODIFIED_BY_USER)
        .map(v -> v.trim().toLowerCase(Locale.ROOT))
        .filter(v -> v.equals("true") || v.equals("false"))
        .map(Boolean::parseBoolean);
  }

  private static SaveKind saveKind(FileCall call) {
    if (call.anyHeader(WopiHeaders.IS_EXIT_SAVE).filter("true"::equalsIgnoreCase).isPresent()) {
      return SaveKind.EXIT;
    }
    return call.anyHeader(WopiHeaders.IS_AUTOSAVE)
        .map(v -> "true".equalsIgnoreCase(v) ? SaveKind.AUTOSAVE : SaveKind.EXPLICIT)
        .orElse(SaveKind.UNSPECIFIED);
  }

  private Result tooLarge() {
    return new Result.Refused(
        new Outcome.TooLarge("files larger than " + policy.maxFileSize() + " bytes are refused"));
  }

  /** A failure to read the client's body, told apart from a failure to write the store. */
  private static final class ClientBodyException extends IOException {
    ClientBodyException(IOException cause) {
      super(cause);
    }
  }

  private static final class ClientBody extends FilterInputStream {
    ClientBody(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new ClientBodyException(e);
      } catch (RuntimeException e) {
        // HTTP servers report a client that hangs up or sends less than it declared as
        // unchecked exceptions; they are the client's fault all the same.
        throw new ClientBodyException(new IOException(e));
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new ClientBodyException(e);
      } catch (RuntimeException e) {
        // HTTP servers report a client that hangs up or sends less than it declared as
        // unchecked exceptions; they are the client's fault all the same.
        throw new ClientBodyException(new IOException(e));
      }
    }
  }
}
