package io.wopihost.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole configuration of a wopihost node, loaded once by {@link SettingsLoader} and
 * validated there. Secrets are held as file paths or in {@link Secret}, which never prints its
 * value.
 *
 * @param port the TCP port to listen on; 0 picks a free one
 * @param bindAddress the interface to listen on
 * @param publicUrl the base URL editors and browsers reach; empty means {@code
 *     http://localhost:<port>}
 * @param dataDir where the embedded default keeps its database, blobs and signing secret
 * @param database the catalog and lock database
 * @param blobDir where the filesystem blob store keeps contents
 * @param maxFileSize the largest file accepted, in bytes
 * @param tokenTtl the lifetime of access tokens minted after a sign-in or by the CLI
 * @param shareLinkTtl the lifetime of share links from GetShareUrl
 * @param tokenSecret the token signing secret, when given directly (env or file); empty means the
 *     file {@code signing-secret} in the data dir, generated on first start
 * @param importDemoFiles whether the first start imports demo files
 */
public record Settings(
    int port,
    String bindAddress,
    Optional<URI> publicUrl,
    Path dataDir,
    DatabaseSettings database,
    Path blobDir,
    long maxFileSize,
    Duration tokenTtl,
    Duration shareLinkTtl,
    Optional<Secret> tokenSecret,
    boolean importDemoFiles) {

  /** The base URL for WOPISrc and every other URL the host hands out. */
  public URI publicBaseUrl(int actualPort) {
    return publicUrl.orElseGet(() -> URI.create("http://localhost:" + actualPort));
  }

  public Path signingSecretFile() {
    return dataDir.resolve("signing-secret");
  }

  /**
   * @param url a JDBC URL
   * @param user empty for SQLite
   * @param password empty for SQLite
   * @param migrateOnStart whether start-up runs the schema migrations
   */
  public record DatabaseSettings(
      String url, Optional<String> user, Optional<Secret> password, boolean migrateOnStart) {}
}
