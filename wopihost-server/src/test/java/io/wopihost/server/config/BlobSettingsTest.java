package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.blob.s3.S3Config;
import io.wopihost.blob.s3.S3Credentials;
import io.wopihost.server.config.Settings.BlobSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob-store, s3-* and blob-gc-* keys. */
class BlobSettingsTest {

  @TempDir Path dir;

  @Test
  void load_noBlobKeys_usesFilesUnderTheDataDirAndADayOfGrace() {
    Settings settings = load(Map.of());

    assertThat(settings.blobs()).isEqualTo(new BlobSettings.FileSystem(dir.resolve("blobs")));
    assertThat(settings.blobGcGrace()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.blobGcOnStart()).isTrue();
  }

  @Test
  void load_s3WithEndpointAndKeys_buildsTheConfigWithPathStyle() {
    Settings settings =
        load(
            Map.of(
                "blob-store", "S3",
                "s3-endpoint", "http://minio:9000",
                "s3-bucket", "docs",
                "s3-access-key", "AKIA",
                "s3-secret-key", "s3cr3t",
                "s3-part-size", "16MiB",
                "blob-gc-grace", "2h"));

    assertThat(settings.blobs())
        .isEqualTo(
            new BlobSettings.S3(
                new S3Config(
                    Optional.of(URI.create("http://minio:9000")),
                    "us-east-1",
                    "docs",
                    "blobs/",
                    true,
                    Optional.of(new S3Credentials("AKIA", "s3cr3t")),
                    16 * 1024 * 1024)));
    assertThat(settings.blobGcGrace()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void load_s3OnAwsWithoutKeys_usesVirtualHostsAndTheDefaultCredentials() {
    S3Config config = s3(Map.of("blob-store", "s3", "s3-bucket", "docs", "s3-region", "eu-west-1"));

    assertThat(config.endpoint()).isEmpty();
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.pathStyle()).isFalse();
    assertThat(config.credentials()).isEmpty();
    assertThat(config.partSize()).isEqualTo(8 * 1024 * 1024);
  }

  @Test
  void load_secretKeyFile_readsTheSecretFromIt() throws Exception {
    Path file = Files.writeString(dir.resolve("s3-secret"), "from-a-file\n");

    S3Config config =
        s3(
            Map.of(
                "blob-store", "s3",
                "s3-bucket", "docs",
                "s3-path-style", "false",
                "s3-endpoint", "https://ceph.example.com",
                "s3-access-key", "AKIA",
                "s3-secret-key-file", file.toString()));

    assertThat(config.credentials().orElseThrow().secretAccessKey()).isEqualTo("from-a-file");
    assertThat(config.pathStyle()).isFalse();
  }

  @Test
  void load_s3WithoutBucket_saysToNameIt() {
    assertThatThrownBy(() -> load(Map.of("blob-store", "s3")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("s3-bucket")
        .hasMessageContaining("name the existing bucket");
  }

  @Test
  void load_bucketWithoutBlobStoreS3_refusesToStoreOnLocalDisk() {
    assertThatThrownBy(() -> load(Map.of("s3-bucket", "docs")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("use blob-store=s3");
  }

  @Test
  void load_accessKeyWithoutSecret_asksForBoth() {
    assertThatThrownBy(
            () -> load(Map.of("blob-store", "s3", "s3-bucket", "b", "s3-access-key", "AKIA")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("s3-secret-key = '****'")
        .hasMessageContaining("set both");
  }

  @Test
  void load_unknownBlobStoreOrBadEndpoint_isRejected() {
    assertThatThrownBy(() -> load(Map.of("blob-store", "ftp")))
        .hasMessageContaining("use fs (files under blob-dir) or s3");
    assertThatThrownBy(
            () -> load(Map.of("blob-store", "s3", "s3-bucket", "b", "s3-endpoint", "minio:9000")))
        .hasMessageContaining("http://minio:9000");
  }

  @Test
  void load_partSizeBelowS3sMinimum_isRejected() {
    assertThatThrownBy(
            () -> load(Map.of("blob-store", "s3", "s3-bucket", "b", "s3-part-size", "1MiB")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("from 5MiB");
  }

  @Test
  void load_partSizeTooSmallForTheLargestFile_namesTheSmallestThatFits() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "blob-store", "s3",
                        "s3-bucket", "b",
                        "max-file-size", "100GiB",
                        "s3-part-size", "8MiB")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("10000 parts")
        .hasMessageContaining("10737419");
  }

  private S3Config s3(Map<String, String> overrides) {
    return ((BlobSettings.S3) load(overrides).blobs()).config();
  }

  private Settings load(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.put("data-dir", dir.toString());
    return SettingsLoader.load(Optional.empty(), Map.of(), all);
  }
}
