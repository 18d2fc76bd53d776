package io.wopihost.server.config;

import io.wopihost.blob.s3.S3Config;
import io.wopihost.office.EditorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
 * @param blobs where file contents are stored
 * @param blobGcGrace how old a blob that no version points at must be before it is deleted; longer
 *     than any upload takes
 * @param blobGcOnStart whether start-up collects such blobs (in the background)
 * @param maxFileSize the largest file accepted, in bytes
 * @param tokenTtl the lifetime of access tokens minted after a sign-in or by the CLI
 * @param shareLinkTtl the lifetime of share links from GetShareUrl
 * @param tokenSecret the token signing secret, when given directly (env or file); empty means the
 *     file {@code signing-secret} in the data dir, generated on first start
 * @param previousTokenSecret the signing secret before the last rotation, still accepted for a
 *     while
 * @param importDemoFiles whether the first start imports demo files
 * @param operations metrics, health, logs, audit, webhooks and shutdown
 * @param oauth the OAuth 2.0 authorization server the bootstrapper points Office mobile to
 * @param passwordHashCost the bcrypt cost of new password hashes (each step doubles the time)
 * @param office the editors (WOPI clients), the host page, and who may call {@code /wopi}
 * @param tls the keystore to serve HTTPS with, when the node terminates TLS itself; empty serves
 *     plain HTTP (alone, or behind a proxy that terminates TLS)
 */
public record Settings(
    int port,
    String bindAddress,
    Optional<URI> publicUrl,
    Path dataDir,
    DatabaseSettings database,
    BlobSettings blobs,
    Duration blobGcGrace,
    boolean blobGcOnStart,
    long maxFileSize,
    Duration tokenTtl,
    Duration shareLinkTtl,
    Optional<Secret> tokenSecret,
    Optional<PreviousSecret> previousTokenSecret,
    boolean importDemoFiles,
    OperationsSettings operations,
    OAuthSettings oauth,
    int passwordHashCost,
    OfficeSettings office,
    Optional<TlsSettings> tls) {

  /** The base URL for WOPISrc and every other URL the host hands out. */
  public URI publicBaseUrl(int actualPort) {
    return publicUrl.orElseGet(
        () -> URI.create((tls.isPresent() ? "https" : "http") + "://localhost:" + actualPort));
  }

  /**
   * A signing secret replaced by the current one: tokens it signed are accepted until {@code
   * until}; it signs no new ones.
   */
  public record PreviousSecret(Secret secret, Instant until) {}

  /**
   * @param keystore a PKCS#12 file with the server's private key and certificate chain
   * @param password the keystore's password, which also protects the key
   */
  public record TlsSettings(Path keystore, Secret password) {

    /** Opens the keystore; an {@link IOException} says why it cannot be used. */
    public KeyStore open() throws IOException {
      try (InputStream in = Files.newInputStream(keystore)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password.text().toCharArray());
        if (Collections.list(store.aliases()).stream().noneMatch(a -> isKey(store, a))) {
          throw new IOException("it holds no private key");
        }
        return store;
      } catch (GeneralSecurityException e) {
        throw new IOException("it is not a PKCS#12 keystore (" + e.getMessage() + ")", e);
      }
    }

    private static boolean isKey(KeyStore store, String alias) {
      try {
        return store.isKeyEntry(alias);
      } catch (KeyStoreException e) {
        return false;
      }
    }
  }

  public Path signingSecretFile() {
    return dataDir.resolve("signing-secret");
  }

  /** Where file contents are stored: a directory, or an S3 bucket. */
  public sealed interface BlobSettings {

    /**
     * @param dir the root of the filesystem blob store; nodes may share it (a network file system)
     */
    record FileSystem(Path dir) implements BlobSettings {}

    /**
     * @param config the bucket and how to reach it; its credentials never print
     */
    record S3(S3Config config) implements BlobSettings {}
  }

  /**
   * @param url a JDBC URL
   * @param user empty for SQLite
   * @param password empty for SQLite
   * @param migrateOnStart whether start-up runs the schema migrations
   */
  public record DatabaseSettings(
      String url, Optional<String> user, Optional<Secret> password, boolean migrateOnStart) {}

  /**
   * @param managementPort a second port for {@code /metrics} and the health endpoints; empty
   *     serves them on {@link #port()}
   * @param accessLogFormat the form of the access log's lines
   * @param healthTimeout how long a readiness check may take before it counts as down
   * @param auditOpenWindow how long an "opened" is not recorded again for the same user and file
   * @param webhooks where events are posted
   * @param shutdownGracePeriod how long a stopping node lets requests in progress finish
   * @param clientReadTimeout how long a connection may stay idle between requests, a request's
   *     headers may take after its request line, or a WOPI body may send nothing, before the
   *     connection is closed
   */
  public record OperationsSettings(
      OptionalInt managementPort,
      AccessLogFormat accessLogFormat,
      Duration healthTimeout,
      Duration auditOpenWindow,
      WebhookSettings webhooks,
      Duration shutdownGracePeriod,
      Duration clientReadTimeout) {}

  /**
   * The one OAuth client the host knows: Office for iOS and Android, registered with the id,
   * secret and redirect URIs agreed with Microsoft.
   *
   * @param clientId the client's {@code client_id}
   * @param clientSecret the client's secret; empty for a public client, which must then use PKCE
   * @param redirectUris where the authorization endpoint may send the user back (exact match);
   *     none means no client can complete the flow
   * @param providerId the {@code providerId} of the bootstrapper's challenge, if registered
   * @param codeTtl how long an authorization code may wait to be redeemed
   */
  public record OAuthSettings(
      String clientId,
      Optional<Secret> clientSecret,
      List<URI> redirectUris,
      Optional<String> providerId,
      Duration codeTtl) {}

  /**
   * @param editors the editors, in the order of preference for extensions {@code preferences}
   *     does not name; none means files are not opened in a browser
   * @param preferences the editor to open files with, by extension (lower case, without dot)
   * @param discoveryRefresh how long an editor's discovery is used before it is fetched again
   * @param launchLinkTtl how long a launch link ({@code wopihost open-url}) can be opened
   * @param hostPageSession how long a host page opened from a launch link keeps getting fresh
   *     access tokens for its editor
   * @param wopiAllowedIps the networks that may call {@code /wopi}; empty allows every address
   * @param clientIpHeader the header in which a trusted reverse proxy passes the client's address
   *     (its last value is used); empty uses the connection's peer address
   * @param hostPageFrameSources origins (CSP source expressions) the host page may frame and post
   *     its form to besides the chosen editor's own, for an editor that moves its frame elsewhere
   */
  public record OfficeSettings(
      List<EditorConfig> editors,
      Map<String, String> preferences,
      Duration discoveryRefresh,
      Duration launchLinkTtl,
      Duration hostPageSession,
      List<IpRange> wopiAllowedIps,
      Optional<String> clientIpHeader,
      List<String> hostPageFrameSources) {}

  /** The access log's line format. */
  public enum AccessLogFormat {
    /** The NCSA combined format, then WOPI fields as {@code key=value}. */
    TEXT,
    /** One JSON object per line. */
    JSON
  }

  /**
   * @param urls the receivers; none turns webhooks off
   * @param secret the HMAC key that signs each delivery; present whenever {@code urls} is not
   *     empty
   * @param timeout how long a receiver may take to answer
   * @param maxBackoff the longest wait between two attempts of one event
   */
  public record WebhookSettings(
      List<URI> urls, Optional<Secret> secret, Duration timeout, Duration maxBackoff) {}
}
