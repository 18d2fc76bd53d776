package io.wopihost.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.BlobTooLargeException;
import io.wopihost.core.spi.StoredBlob;
import io.wopihost.testkit.BlobStoreContract;
import io.wopihost.testkit.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob store contract on S3, through the real protocol to S3Proxy in this JVM; each test gets a
 * bucket of its own. The part size is S3's minimum, so the contract's 5 MiB blob is multipart.
 */
final class S3BlobStoreTest extends BlobStoreContract {

  private static final String PREFIX = "blobs/";
  private static final int PART = S3BlobStore.MIN_PART_SIZE;

  @TempDir static Path storage;
  private static S3ProxyServer server;

  private final Random random = new Random(5);
  private String bucket;
  private S3BlobStore store;
  private S3Client direct;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(storage);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected BlobStore newStore() throws IOException {
    bucket = server.createBucket();
    store = S3BlobStore.open(config(bucket, S3ProxyServer.SECRET_KEY));
    direct = S3Clients.create(config(bucket, S3ProxyServer.SECRET_KEY));
    return store;
  }

  /** The blobs under the prefix, and any multipart upload left unfinished, which must not be. */
  @Override
  protected Set<String> storedKeys() {
    Set<String> keys = new HashSet<>();
    for (String object : server.objectKeys(bucket)) {
      keys.add(object.startsWith(PREFIX) ? object.substring(PREFIX.length()) : object);
    }
    server.unfinishedUploads(bucket).forEach(key -> keys.add("unfinished upload of " + key));
    return keys;
  }

  @AfterEach
  void closeClients() {
    store.close();
    direct.close();
  }

  @Test
  void put_severalPartsLong_isOneMultipartObjectThatReadsBack() throws Exception {
    byte[] data = randomBytes(2 * PART + 12_345);

    StoredBlob blob = store.put(new ByteArrayInputStream(data), Long.MAX_VALUE);

    assertThat(blob.size()).isEqualTo(data.length);
    assertThat(blob.sha256()).isEqualTo(sha256(data));
    // A multipart object's ETag ends in the number of its parts.
    assertThat(direct.headObject(b -> b.bucket(bucket).key(PREFIX + blob.key())).eTag())
        .endsWith("-3\"");
    try (InputStream in = store.open(blob.key())) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(storedKeys()).containsExactly(blob.key());
  }

  @Test
  void put_exactlyOnePartLong_readsBack() throws Exception {
    byte[] data = randomBytes(PART);

    StoredBlob blob = store.put(new ByteArrayInputStream(data), PART);

    try (InputStream in = store.open(blob.key())) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void put_streamFailingInTheSecondPart_abortsTheUploadAndLeavesNothing() {
    IOException failure = new IOException("client went away");
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(randomBytes(PART + 1_000)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw failure;
              }
            });

    assertThatThrownBy(() -> store.put(failing, Long.MAX_VALUE)).isSameAs(failure);

    assertThat(storedKeys()).isEmpty();
  }

  @Test
  void put_overTheLimitInTheThirdPart_abortsTheUploadAndLeavesNothing() {
    long limit = 2L * PART + 10;
    InputStream oversized = new ByteArrayInputStream(randomBytes(3 * PART));

    assertThatThrownBy(() -> store.put(oversized, limit)).isInstanceOf(BlobTooLargeException.class);

    assertThat(storedKeys()).isEmpty();
  }

  @Test
  void keysStoredBefore_moreBlobsThanOneListingPage_listsEveryOne() throws Exception {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      keys.add(store.put(new ByteArrayInputStream(randomBytes(i)), Long.MAX_VALUE).key());
    }
    S3BlobStore smallPages = new S3BlobStore(direct, bucket, PREFIX, PART, 7);

    try (Stream<String> listed = smallPages.keysStoredBefore(Instant.now().plusSeconds(86_400))) {
      assertThat(listed.collect(Collectors.toSet())).isEqualTo(keys);
    }
  }

  @Test
  void keysStoredBefore_objectsThatAreNotBlobs_areNotListed() throws Exception {
    StoredBlob blob = store.put(new ByteArrayInputStream(randomBytes(10)), Long.MAX_VALUE);
    for (String object :
        new String[] {
          "elsewhere/" + blob.key(), PREFIX + "notes.txt", PREFIX + "sub/" + blob.key(), blob.key()
        }) {
      direct.putObject(b -> b.bucket(bucket).key(object), RequestBody.fromString("x"));
    }

    try (Stream<String> listed = store.keysStoredBefore(Instant.now().plus(Duration.ofDays(1)))) {
      assertThat(listed).containsExactly(blob.key());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../x", "blobs/abc", "0123456789ABCDEF0123456789abcdef", "a b"})
  void openDeleteExists_notAKey_treatedAsMissingWithoutAsking(String key) throws Exception {
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
    assertThat(store.exists(key)).isFalse();
    store.delete(key);
  }

  @Test
  void open_missingBucket_failsSayingSo() {
    assertThatThrownBy(() -> S3BlobStore.open(config("no-such-bucket", S3ProxyServer.SECRET_KEY)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'no-such-bucket' does not exist");
  }

  @Test
  void open_wrongSecret_failsNamingWhatToCheck() {
    assertThatThrownBy(() -> S3BlobStore.open(config(bucket, "wrong-secret")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("credentials");
  }

  @Test
  void config_partSizeBelowS3sMinimum_isRejected() {
    assertThatThrownBy(
            () ->
                new S3Config(
                    Optional.empty(), "us-east-1", "b", "", true, Optional.empty(), PART - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("part size");
  }

  @Test
  void credentials_toString_hidesTheSecret() {
    assertThat(new S3Credentials("AKIA123", "s3cr3t").toString())
        .contains("AKIA123")
        .doesNotContain("s3cr3t");
  }

  private static S3Config config(String bucket, String secret) {
    return new S3Config(
        Optional.of(server.endpoint()),
        S3ProxyServer.REGION,
        bucket,
        PREFIX,
        true,
        Optional.of(new S3Credentials(S3ProxyServer.ACCESS_KEY, secret)),
        PART);
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] data) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
