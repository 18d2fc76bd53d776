package io.wopihost.blob.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The upload of one object: a single PutObject when the stream fits in one part, else a multipart
 * upload that is aborted on any failure. Either the object ends up complete, or nothing of it is
 * left: not the object, not a part.
 */
final class S3Upload {

  private final S3Client s3;
  private final String bucket;
  private final String object;

  S3Upload(S3Client s3, String bucket, String object) {
    this.s3 = s3;
    this.bucket = bucket;
    this.object = object;
  }

  /** Streams what the reader gives into the object. */
  void run(PartReader reader) throws IOException {
    reader.next();
    try {
      if (reader.ended()) {
        s3.putObject(
            b -> b.bucket(bucket).key(object).contentLength((long) reader.length()), body(reader));
      } else {
        multipart(reader);
      }
    } catch (SdkException e) {
      // The service may have stored the object before its reply was lost: the caller never
      // learns the key, so remove it rather than leave it to the orphan collection.
      deleteAfterFailure(e);
      throw new IOException("cannot store a blob: " + e.getMessage(), e);
    }
  }

  private void multipart(PartReader reader) throws IOException {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(object)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      do {
        int number = parts.size() + 1;
        String eTag =
            s3.uploadPart(
                    b ->
                        b.bucket(bucket)
                            .key(object)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) reader.length()),
                    body(reader))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
      } while (reader.next());
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket).key(object).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
    } catch (Throwable failure) {
      abort(uploadId, failure);
      throw failure;
    }
  }

  /** The part last read, re-readable for the SDK's retries; valid until the next part is read. */
  private static RequestBody body(PartReader reader) {
    byte[] buffer = reader.buffer();
    int length = reader.length();
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream");
  }

  private void abort(String uploadId, Throwable failure) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(object).uploadId(uploadId));
    } catch (SdkException e) {
      failure.addSuppressed(e);
    }
  }

  private void deleteAfterFailure(Exception failure) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(object));
    } catch (SdkException e) {
      failure.addSuppressed(e);
    }
  }
}
