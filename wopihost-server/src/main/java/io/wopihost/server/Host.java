package io.wopihost.server;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.wopihost.blob.fs.FileSystemBlobStore;
import io.wopihost.blob.s3.S3BlobStore;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.core.token.HmacTokenService;
import io.wopihost.core.token.TokenService;
import io.wopihost.core.names.FileNames;
import io.wopihost.core.wopi.HostPolicy;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.core.wopi.WopiBootstrapper;
import io.wopihost.core.wopi.WopiContainers;
import io.wopihost.core.wopi.WopiEcosystem;
import io.wopihost.core.wopi.WopiFiles;
import io.wopihost.jdbc.Database;
import io.wopihost.jdbc.JdbcCatalog;
import io.wopihost.jdbc.JdbcCodeStore;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.jdbc.JdbcLockStore;
import io.wopihost.jdbc.JdbcShareLinkStore;
import io.wopihost.jdbc.JdbcUserDirectory;
import io.wopihost.jdbc.JdbcWebSessions;
import io.wopihost.office.EditorConfig;
import io.wopihost.office.EditorStatus;
import io.wopihost.office.OfficeEditors;
import io.wopihost.office.OfficeListener;
import io.wopihost.server.config.Settings;
import io.wopihost.server.config.Settings.BlobSettings;
import io.wopihost.server.events.WebhookDispatcher;
import io.wopihost.server.health.Health;
import io.wopihost.server.http.LaunchLinks;
import io.wopihost.server.http.StalledRequests;
import io.wopihost.server.http.WebApp;
import io.wopihost.server.metrics.HostMetrics;
import io.wopihost.server.oauth.AuthorizationServer;
import io.wopihost.server.web.WebUi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
  private final BlobStore blobs;
  private final TokenService tokens;
  private final UserDirectory users;
  private final ShareLinkStore shareLinks;
  private final HostOperations ops;
  // Read by request threads through urls() once the server has started on a port of its choice.
  private volatile WebServer server;
  // Every URL in a CheckFileInfo answer starts from it: parsed once, not per request.
  private volatile URI boundUrl;
  private OfficeEditors editors;
  private CompletableFuture<BlobCollector.Report> startupCollection =
      CompletableFuture.completedFuture(new BlobCollector.Report(0, 0));

  private Host(Settings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.clock = clock;
    this.tokens = new HmacTokenService(SigningSecret.load(settings), retiredSecrets(), clock);
    var db = settings.database();
    this.database =
        Database.open(db.url(), db.user(), db.password().map(p -> p.text()));
    try {
      if (db.migrateOnStart()) {
        database.migrate();
      }
      this.blobs = openBlobs(settings.blobs());
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    this.catalog = new JdbcCatalog(database.dataSource(), clock);
    this.locks = new JdbcLockStore(database.dataSource());
    this.users = new JdbcUserDirectory(database.dataSource(), clock, settings.passwordHashCost());
    this.shareLinks = new JdbcShareLinkStore(database.dataSource());
    this.ops = new HostOperations(settings, clock, database, locks, blobs);
    if (db.url().startsWith("jdbc:postgresql:") && settings.tokenSecret().isEmpty()) {
      LOG.warn(
          "token-secret is not set: this node signs tokens with a secret of its own, which other"
              + " nodes sharing the database cannot verify; give every node the same token-secret");
    }
  }

  /** The secret before a rotation, while its grace period lasts (it is logged once). */
  private List<HmacTokenService.Retired> retiredSecrets() {
    return settings.previousTokenSecret().filter(p -> clock.instant().isBefore(p.until()))
        .map(p -> {
          LOG.info("tokens signed with token-secret-previous are accepted until {}", p.until());
          return List.of(new HmacTokenService.Retired(p.secret().bytes(), p.until()));
        })
        .orElse(List.of());
  }

  private static BlobStore openBlobs(BlobSettings settings) throws IOException {
    return switch (settings) {
      case BlobSettings.FileSystem fs -> new FileSystemBlobStore(fs.dir());
      case BlobSettings.S3 s3 -> S3BlobStore.open(s3.config());
    };
  }

  public static Host open(Settings settings, Clock clock) throws IOException {
    return new Host(settings, clock);
  }

  /** Starts the web server; {@link #publicUrl()} is valid afterwards. */
  public Host serve() throws IOException {
    if (blobs instanceof FileSystemBlobStore fs) {
      int removed = fs.sweepTemporaryFiles(STALE_UPLOAD);
      if (removed > 0) {
        LOG.info("removed {} unfinished uploads left by an earlier run", removed);
      }
    }
    if (settings.blobGcOnStart()) {
      startupCollection = collectInBackground();
    }
    editors = startEditors();
    WebUi web = webUi();
    var builder = WebServer.builder();
    if (settings.tls().isPresent()) {
      SSLContext tls = sslContext(settings.tls().get());
      builder.tls(config -> config.sslContext(tls));
    }
    server =
        builder
            .host(settings.bindAddress())
            .port(settings.port())
            // Without TCP_NODELAY the tail of a streamed body waits for the client's delayed ACK:
            // a 1 MiB GetFile took 10-40 ms instead of 1 ms (docs/BENCHMARKS.md).
            .connectionOptions(options -> options.tcpNoDelay(true))
            // A client that keeps a connection open and sends nothing more loses it after
            // client-read-timeout; connections are checked a few times per timeout. Headers and
            // WOPI bodies that stop arriving: StalledRequests.
            .addProtocol(
                Http1Config.builder().addReceiveListener(ops.stalledRequests()).build())
            .idleConnectionTimeout(settings.operations().clientReadTimeout())
            .idleConnectionPeriod(
                StalledRequests.checkPeriod(settings.operations().clientReadTimeout()))
            .shutdownGracePeriod(settings.operations().shutdownGracePeriod())
            .routing(
                WebApp.routing(
                    wopi(),
                    tokens,
                    catalog,
                    blobs,
                    Version.current(),
                    machineName(),
                    ops.web(),
                    web,
                    new WebApp.Office(
                        editors,
                        settings.office().wopiAllowedIps(),
                        settings.office().clientIpHeader(),
                        Stream.concat(Stream.of(launchLinks()), web.hostPageAccess().stream())
                            .toList(),
                        settings.tokenTtl(),
                        clock,
                        settings.office().hostPageFrameSources())))
            .build()
            .start();
    boundUrl = settings.publicBaseUrl(server.port());
    ops.start(Version.current(), machineName());
    return this;
  }

  /** HTTPS with the keystore's key and certificate chain; clients are not asked for one. */
  private static SSLContext sslContext(Settings.TlsSettings tls) throws IOException {
    try {
      var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(tls.open(), tls.password().text().toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("the TLS keystore " + tls.keystore() + " cannot be used: "
          + e.getMessage(), e);
    }
  }

  private WebUi webUi() {
    return new WebUi(new WebUi.Stores(
        catalog,
        locks,
        ops.metrics().timed(blobs),
        users,
        new JdbcWebSessions(database.dataSource()),
        shareLinks,
        urls(),
        policy(),
        clock,
        publicUrl().getScheme().equals("https"),
        ops.recorder(),
        ops.events(),
        editors,
        ops.stalledRequests()));
  }

  /**
   * The configured editors, with their discovery fetched (an editor that is down is retried in
   * the background), a readiness check each ({@code editor-NAME}) and their meters.
   */
  private OfficeEditors startEditors() {
    var office = settings.office();
    var meters = ops.metrics().wopi();
    var started =
        new OfficeEditors(
            office.editors(),
            office.preferences(),
            office.discoveryRefresh(),
            publicUrl().getScheme(),
            clock,
            new OfficeListener() {
              @Override
              public void discoveryFetched(String editor, boolean succeeded) {
                meters.discoveryFetch(editor, succeeded);
              }

              @Override
              public void proofRefused(String editor) {
                meters.proofFailure(editor);
              }
            });
    for (EditorConfig editor : office.editors()) {
      ops.health().register("editor-" + editor.name(), () -> started.check(editor.name()));
      meters.discoveryAge(
          editor.name(),
          () ->
              started.status().stream()
                  .filter(s -> s.name().equals(editor.name()))
                  .findFirst()
                  .flatMap(EditorStatus::fetchedAt));
    }
    started.start();
    return started;
  }

  /** The editors, once {@link #serve()} started them. */
  public OfficeEditors editors() {
    return editors;
  }

  /** Launch links, which open a file's host page for a user ({@code wopihost open-url}). */
  public LaunchLinks launchLinks() {
    var office = settings.office();
    return new LaunchLinks(
        tokens, urls(), clock, office.launchLinkTtl(), office.hostPageSession());
  }

  /** Deletes the blobs no version points at that are older than {@code grace}. */
  public BlobCollector.Report collectOrphanBlobs(Duration grace) throws IOException {
    return new BlobCollector(catalog, blobs, clock).collect(grace);
  }

  /**
   * The collection of orphaned blobs that {@link #serve()} starts when {@code blob-gc-on-start} is
   * set; an empty report when it is not.
   */
  public CompletableFuture<BlobCollector.Report> startupCollection() {
    return startupCollection;
  }

  private CompletableFuture<BlobCollector.Report> collectInBackground() {
    var done = new CompletableFuture<BlobCollector.Report>();
    Thread.ofVirtual()
        .name("wopihost-blob-gc")
        .start(
            () -> {
              try {
                var report = collectOrphanBlobs(settings.blobGcGrace());
                LOG.info(
                    "orphaned blobs: {} deleted of {} older than {}",
                    report.deleted(),
                    report.examined(),
                    settings.blobGcGrace());
                done.complete(report);
              } catch (IOException | RuntimeException e) {
                LOG.warn("the collection of orphaned blobs failed; it runs again at the next start"
                    + " or with `wopihost blobs gc`", e);
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  private WebApp.Wopi wopi() {
    BlobStore timed = ops.metrics().timed(blobs);
    var recovery = new RecoveryFolder(settings.dataDir().resolve("recovery"), blobs, clock);
    HostUrls urls = urls();
    var oauth = settings.oauth();
    return new WebApp.Wopi(
        new WopiFiles(
            catalog,
            locks,
            timed,
            recovery,
            tokens,
            users,
            shareLinks,
            urls,
            policy(),
            clock,
            ops.recorder(),
            new JacksonJsonCodec()),
        new WopiContainers(
            catalog, locks, timed, recovery, tokens, shareLinks, urls, policy(), clock),
        new WopiEcosystem(catalog, tokens, urls, shareLinks, clock),
        new WopiBootstrapper(catalog, tokens, urls, users, shareLinks, clock),
        new AuthorizationServer(
            oauth,
            users,
            new JdbcCodeStore(database.dataSource()),
            tokens,
            clock,
            settings.tokenTtl()),
        urls,
        oauth.providerId());
  }

  /** The host's URLs, under {@link #publicUrl()} as it is when each one is made. */
  public HostUrls urls() {
    return new HostUrls(this::publicUrl);
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
    URI bound = boundUrl;
    return bound != null ? bound : settings.publicBaseUrl(settings.port());
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

  /** The people who sign in (the web UI and the OAuth login page of the bootstrapper). */
  public UserDirectory users() {
    return users;
  }

  /** The revocable share links of files. */
  public ShareLinkStore shareLinks() {
    return shareLinks;
  }

  public Clock clock() {
    return clock;
  }

  /** The node's meters; editors record proof failures and discovery fetches here. */
  public HostMetrics metrics() {
    return ops.metrics();
  }

  /** The node's readiness checks; editors register their discovery check here. */
  public Health health() {
    return ops.health();
  }

  /** The audit trail and the webhook outbox. */
  public JdbcEventStore events() {
    return ops.events();
  }

  /** The webhook dispatcher, when {@code webhook-urls} is set. */
  public Optional<WebhookDispatcher> webhooks() {
    return ops.webhooks();
  }

  /** The port of {@code /metrics} and the health endpoints, when it is a port of its own. */
  public Optional<Integer> managementPort() {
    return ops.managementPort();
  }

  /**
   * Stops the node gracefully: it turns not-ready, stops accepting connections, lets requests in
   * progress finish for up to {@code shutdown-grace-period} (a save still uploading completes and
   * is committed), then stops the dispatcher and closes the stores.
   */
  @Override
  public void close() {
    ops.health().startDraining();
    if (server != null) {
      server.stop();
    }
    ops.close();
    if (editors != null) {
      editors.close();
    }
    if (blobs instanceof S3BlobStore s3) {
      s3.close();
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
