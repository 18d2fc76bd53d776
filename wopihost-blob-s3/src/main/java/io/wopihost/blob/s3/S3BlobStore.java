package io.wopihost.blob.s3;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link BlobStore} keeping each blob as one object in an S3 bucket (AWS S3, MinIO, Ceph RGW and
 * other S3-compatible services), named {@code prefix + key}.
 *
 * <p>{@link #put} streams: a blob smaller than the part size goes up in one PutObject, a larger one
 * as a multipart upload of part-size pieces, so memory holds at most one part per upload in
 * progress. The SHA-256 and size are computed while the bytes stream through. Any failure, and a
 * stream longer than its limit, aborts the multipart upload, so the object never becomes visible
 * and no parts are left behind; only a process killed mid-upload leaves parts, which the bucket's
 * lifecycle rule for incomplete multipart uploads (or MinIO's own expiry) removes. Keys are 128
 * random bits in lower-case hex; any other string is treated as a key that does not exist.
 *
 * <p>{@link #keysStoredBefore} goes by the objects' {@code LastModified}, which for a multipart
 * upload is when the upload began. Thread safe, and safe for many nodes sharing the bucket. Close
 * it to release its HTTP connections.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

  /** S3's smallest part (but the last) of a multipart upload. */
  public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  /** The largest part this store buffers. */
  public static final int MAX_PART_SIZE = 1024 * 1024 * 1024;

  private static final int KEY_BYTES = 16;
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final int LIST_PAGE_SIZE = 1000;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final int partSize;
  private final int listPageSize;
  private final SecureRandom random = new SecureRandom();

  S3BlobStore(S3Client s3, String bucket, String prefix, int partSize, int listPageSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.partSize = partSize;
    this.listPageSize = listPageSize;
  }

  /**
   * Connects to the bucket and checks that it exists.
   *
   * @throws IOException when the bucket does not exist or the service cannot be reached
   */
  public static S3BlobStore open(S3Config config) throws IOException {
    S3Client s3 = S3Clients.create(config);
    try {
      s3.headBucket(b -> b.bucket(config.bucket()));
    } catch (NoSuchBucketException e) {
      s3.close();
      throw new IOException(
          "the bucket '" + config.bucket() + "' does not exist: create it, or fix s3-bucket", e);
    } catch (SdkException e) {
      s3.close();
      throw new IOException(
          "cannot reach the bucket '"
              + config.bucket()
              + "' ("
              + e.getMessage()
              + "): check"
              + " s3-endpoint, s3-region, s3-path-style and the credentials",
          e);
    }
    return new S3BlobStore(s3, config.bucket(), config.prefix(), config.partSize(), LIST_PAGE_SIZE);
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    String key = HexFormat.of().formatHex(randomBytes());
    PartReader reader = new PartReader(content, maxBytes, partSize);
    new S3Upload(s3, bucket, prefix + key).run(reader);
    return new StoredBlob(key, reader.total(), reader.sha256());
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (!isKey(key)) {
      throw new NoSuchFileException("not a blob key");
    }
    try {
      return new ObjectStream(s3.getObject(b -> b.bucket(bucket).key(prefix + key)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key);
    } catch (SdkException e) {
      throw new IOException("cannot read blob " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    if (!isKey(key)) {
      return;
    }
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
    } catch (SdkException e) {
      throw new IOException("cannot delete blob " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    if (!isKey(key)) {
      return false;
    }
    try {
      s3.headObject(b -> b.bucket(bucket).key(prefix + key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IOException("cannot look up blob " + key + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("cannot look up blob " + key + ": " + e.getMessage(), e);
    }
  }

  /** {@inheritDoc} Pages through the bucket listing as the stream is read. */
  @Override
  public Stream<String> keysStoredBefore(Instant cutoff) {
    return Listing.stream(
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(listPageSize))
                .contents())
        .filter(object -> object.lastModified().isBefore(cutoff))
        .map(object -> object.key().substring(prefix.length()))
        .filter(S3BlobStore::isKey);
  }

  @Override
  public void close() {
    s3.close();
  }

  private static boolean isKey(String key) {
    return KEY.matcher(key).matches();
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return bytes;
  }
}
