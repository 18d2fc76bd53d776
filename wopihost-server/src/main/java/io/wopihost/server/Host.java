package io.wopihost.server;

import io.helidon.webserver.WebServer;
import io.wopihost.blob.fs.FileSystemBlobStore;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.TokenService;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.wopi.HostPolicy;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.jdbc.Database;
import io.wopihost.jdbc.JdbcCatalog;
import io.wopihost.jdbc.JdbcLockStore;
import io.wopihost.server.config.Settings;
import io.wopihost.server.http.WebApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wopihost node's storage and services, opened from {@link Settings}: the database (migrated
 * unless disabled), the blob store and the token service. The CLI uses it without HTTP; {@link
 * #serve()} adds the web server.
 */
public final class Host implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Host.class);
  private static final Duration STALE_UPLOAD = Duration.ofHours(1);

  private final Settings settings;
  private final Clock clock;
  private final Database database;
  private final Catalog catalog;
  private final LockStore locks;
  private final FileSystemBlobStore blobs;
  private final TokenService tokens;
  private WebServer server;

  private Host(Settings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.clock = clock;
    this.tokens = new HmacTokenService(SigningSecret.load(settings), clock);
    var db = settings.database();
    this.database =
        Database.open(db.url(), db.user(), db.password().map(p -> p.text()));
    try {
      if (db.migrateOnStart()) {
        database.migrate();
      }
      this.blobs = new FileSystemBlobStore(settings.blobDir());
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    this.catalog = new JdbcCatalog(database.dataSource(), clock);
    this.locks = new JdbcLockStore(database.dataSource());
  }

  public static Host open(Settings settings, Clock clock) throws IOException {
    return new Host(settings, clock);
  }

  /** Starts the web server; {@link #publicUrl()} is valid afterwards. */
  public Host serve() throws IOException {
    int removed = blobs.sweepTemporaryFiles(STALE_UPLOAD);
    if (removed > 0) {
      LOG.info("removed {} unfinished uploads left by an earlier run", removed);
    }
    server =
        WebServer.builder()
            .host(settings.bindAddress())
            .port(settings.port())
            .routing(
                WebApp.routing(
                    wopiFiles(), tokens, catalog, blobs, Version.current(), machineName()))
            .build()
            .start();
    return this;
  }

  private WopiFiles wopiFiles() {
    return new WopiFiles(catalog, locks, blobs, tokens, urls(), policy(), clock);
  }

  public HostUrls urls() {
    return new HostUrls(publicUrl());
  }

  public HostPolicy policy() {
    return new HostPolicy(
        settings.maxFileSize(),
        FileNames.DEFAULT_MAX_BASE_LENGTH,
        settings.shareLinkTtl(),
        "wopihost");
  }

  /** The base URL clients reach; uses the bound port when no public URL is configured. */
  public URI publicUrl() {
    return settings.publicBaseUrl(server != null ? server.port() : settings.port());
  }

  public int port() {
    return server.port();
  }

  public Settings settings() {
    return settings;
  }

  public Catalog catalog() {
    return catalog;
  }

  public LockStore locks() {
    return locks;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public TokenService tokens() {
    return tokens;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    database.close();
  }

  private static String machineName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
