package io.wopihost.blob.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client an {@link S3BlobStore} uses. */
final class S3Clients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

  private S3Clients() {}

  static S3Client create(S3Config config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT))
            .region(Region.of(config.region()))
            .forcePathStyle(config.pathStyle())
            // Checksums only where S3 requires them: the SDK's default trailing checksums are
            // not understood by every S3-compatible service (older MinIO and Ceph releases).
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(credentials(config));
    config.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Config config) {
    return config
        .credentials()
        .<AwsCredentialsProvider>map(
            keys ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
