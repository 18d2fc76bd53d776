package io.wopihost.blob.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how an {@link S3BlobStore} reaches its bucket.
 *
 * @param endpoint the base URL of an S3-compatible service (MinIO, Ceph, ...); empty for AWS
 * @param region the region requests are signed for; S3-compatible services mostly accept any, such
 *     as {@code us-east-1}
 * @param bucket an existing bucket, which nothing but wopihost writes to under {@code prefix}
 * @param prefix put before every key to name its object, such as {@code blobs/}; may be empty
 * @param pathStyle whether to address the bucket as {@code endpoint/bucket} (MinIO, Ceph) rather
 *     than as {@code bucket.endpoint}
 * @param credentials static keys; empty to use the AWS SDK's default chain (environment, profile,
 *     container or instance role)
 * @param partSize the bytes of each part of a multipart upload, and the size from which an upload
 *     is multipart; from {@link S3BlobStore#MIN_PART_SIZE} to {@link S3BlobStore#MAX_PART_SIZE}.
 *     Each upload in progress holds one part in memory.
 */
public record S3Config(
    Optional<URI> endpoint,
    String region,
    String bucket,
    String prefix,
    boolean pathStyle,
    Optional<S3Credentials> credentials,
    int partSize) {

  public S3Config {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(credentials, "credentials");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("a bucket name is required");
    }
    if (partSize < S3BlobStore.MIN_PART_SIZE || partSize > S3BlobStore.MAX_PART_SIZE) {
      throw new IllegalArgumentException(
          "the part size must be from "
              + S3BlobStore.MIN_PART_SIZE
              + " (S3's smallest part) to "
              + S3BlobStore.MAX_PART_SIZE
              + " bytes, not "
              + partSize);
    }
  }
}
