package io.wopihost.testkit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.Constants;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 endpoint for tests: S3Proxy in this JVM on a free loopback port, keeping objects as files
 * under a directory, speaking the real S3 protocol with signature checks. Tests reach it through
 * {@link #endpoint()} with {@link #ACCESS_KEY} and {@link #SECRET_KEY}, and look at what it really
 * stores through {@link #objectKeys} and {@link #unfinishedUploads}, which bypass the protocol. A
 * module using it needs {@code org.gaul:s3proxy} on its test class path. Thread safe.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "wopihost-test";
  public static final String SECRET_KEY = "wopihost-test-secret";
  public static final String REGION = "us-east-1";

  private final BlobStore storage;
  private final S3Proxy proxy;
  private final AtomicInteger buckets = new AtomicInteger();

  private S3ProxyServer(BlobStore storage, S3Proxy proxy) {
    this.storage = storage;
    this.proxy = proxy;
  }

  /** Starts a server keeping its buckets under {@code dir}, which it creates if missing. */
  public static S3ProxyServer start(Path dir) throws Exception {
    Files.createDirectories(dir);
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
    properties.setProperty(Constants.PROPERTY_IDENTITY, ACCESS_KEY);
    properties.setProperty(Constants.PROPERTY_CREDENTIAL, SECRET_KEY);
    BlobStore storage = BlobStores.create("filesystem", properties);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(storage)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .stopTimeout(0)
            .build();
    proxy.start();
    return new S3ProxyServer(storage, proxy);
  }

  /** The base URL of the endpoint; buckets are addressed path-style below it. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Creates an empty bucket with a name no other call returns; returns the name. */
  public String createBucket() {
    String name = "bucket-" + buckets.incrementAndGet();
    storage.createContainer(name);
    return name;
  }

  /** The keys of every object in the bucket, read from the storage directly. */
  public Set<String> objectKeys(String bucket) {
    Set<String> keys = new HashSet<>();
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).build();
    while (true) {
      ListObjectsV2Response page = storage.list(request);
      page.contents().stream().map(S3Object::key).forEach(keys::add);
      if (page.nextContinuationToken() == null || page.contents().isEmpty()) {
        return keys;
      }
      request = request.toBuilder().continuationToken(page.nextContinuationToken()).build();
    }
  }

  /**
   * The object keys of the multipart uploads begun in the bucket and neither completed nor aborted.
   */
  public List<String> unfinishedUploads(String bucket) {
    return storage.listMultipartUploads(bucket).stream().map(MultipartUpload::key).toList();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("S3Proxy did not stop", e);
    } finally {
      storage.close();
    }
  }
}
