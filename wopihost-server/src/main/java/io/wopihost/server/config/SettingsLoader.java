package io.wopihost.server.config;

import io.wopihost.blob.s3.S3BlobStore;
import io.wopihost.blob.s3.S3Config;
import io.wopihost.blob.s3.S3Credentials;
import io.wopihost.office.EditorConfig;
import io.wopihost.office.ProofPolicy;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Loads {@link Settings} from, in increasing precedence: a properties file, the environment
 * ({@code WOPIHOST_} + the key in upper case with {@code _} for {@code -}), and explicit
 * overrides (command-line flags). Every value is validated here, once, with a message that says
 * the fix.
 */
public final class SettingsLoader {

  /** Every key, with its default ({@code ""} = derived from another key). */
  public static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("port", "8880"),
          Map.entry("bind-address", "0.0.0.0"),
          Map.entry("public-url", ""),
          Map.entry("data-dir", "./data"),
          Map.entry("db-url", ""),
          Map.entry("db-user", ""),
          Map.entry("db-password", ""),
          Map.entry("db-password-file", ""),
          Map.entry("db-migrate", "true"),
          Map.entry("blob-store", "fs"),
          Map.entry("blob-dir", ""),
          Map.entry("s3-endpoint", ""),
          Map.entry("s3-region", "us-east-1"),
          Map.entry("s3-bucket", ""),
          Map.entry("s3-prefix", "blobs/"),
          Map.entry("s3-path-style", ""),
          Map.entry("s3-access-key", ""),
          Map.entry("s3-secret-key", ""),
          Map.entry("s3-secret-key-file", ""),
          Map.entry("s3-part-size", "8MiB"),
          Map.entry("blob-gc-grace", "1d"),
          Map.entry("blob-gc-on-start", "true"),
          Map.entry("max-file-size", "4GiB"),
          Map.entry("token-ttl", "10h"),
          Map.entry("share-link-ttl", "30d"),
          Map.entry("token-secret", ""),
          Map.entry("token-secret-file", ""),
          Map.entry("token-secret-previous", ""),
          Map.entry("token-secret-previous-file", ""),
          Map.entry("token-secret-previous-until", ""),
          Map.entry("tls-keystore", ""),
          Map.entry("tls-keystore-password", ""),
          Map.entry("tls-keystore-password-file", ""),
          Map.entry("demo-files", "true"),
          Map.entry("management-port", ""),
          Map.entry("access-log-format", "text"),
          Map.entry("health-timeout", "2s"),
          Map.entry("audit-open-window", "1h"),
          Map.entry("webhook-urls", ""),
          Map.entry("webhook-secret", ""),
          Map.entry("webhook-secret-file", ""),
          Map.entry("webhook-timeout", "10s"),
          Map.entry("webhook-max-backoff", "1h"),
          Map.entry("shutdown-grace-period", "30s"),
          Map.entry("client-read-timeout", "30s"),
          Map.entry("oauth-client-id", "office"),
          Map.entry("oauth-client-secret", ""),
          Map.entry("oauth-client-secret-file", ""),
          Map.entry("oauth-redirect-uris", ""),
          Map.entry("oauth-provider-id", ""),
          Map.entry("oauth-code-ttl", "1m"),
          Map.entry("password-hash-cost", "12"),
          Map.entry("office-urls", ""),
          Map.entry("office-preference", ""),
          Map.entry("office-proof-keys", ""),
          Map.entry("office-discovery-refresh", "12h"),
          Map.entry("launch-link-ttl", "5m"),
          Map.entry("host-page-session", "24h"),
          Map.entry("wopi-allowed-ips", ""),
          Map.entry("client-ip-header", ""),
          Map.entry("host-page-frame-src", ""));

  private static final String ENV_PREFIX = "WOPIHOST_";
  private static final long MAX_PARTS = 10_000;
  /** A scheme, a host (its first label may be {@code *}) and a port: nothing that ends a CSP. */
  private static final Pattern FRAME_SOURCE =
      Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?");

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> origin = new HashMap<>();

  private SettingsLoader() {}

  /**
   * @param configFile a properties file; empty to use {@code WOPIHOST_CONFIG}, or no file
   * @param env the environment
   * @param overrides values from flags, by key
   */
  public static Settings load(
      Optional<Path> configFile, Map<String, String> env, Map<String, String> overrides) {
    var loader = new SettingsLoader();
    DEFAULTS.forEach((k, v) -> loader.put(k, v, "the default"));
    Optional<Path> file =
        configFile.or(() -> Optional.ofNullable(env.get(ENV_PREFIX + "CONFIG")).map(Path::of));
    file.ifPresent(loader::readFile);
    DEFAULTS.keySet().forEach(k -> {
      String name = envName(k);
      if (env.containsKey(name)) {
        loader.put(k, env.get(name), name);
      }
    });
    overrides.forEach((k, v) -> loader.put(k, v, "--" + k));
    return loader.build();
  }

  /** The environment variable for a key: {@code data-dir} → {@code WOPIHOST_DATA_DIR}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private void put(String key, String value, String from) {
    values.put(key, value.trim());
    origin.put(key, from);
  }

  private void readFile(Path file) {
    var properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new SettingsException(
          "cannot read the configuration file " + file + " (" + reason(e)
              + "): check the path given with --config or WOPIHOST_CONFIG");
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "the configuration file " + file + " is not a valid properties file: " + e.getMessage());
    }
    for (String key : properties.stringPropertyNames()) {
      if (!DEFAULTS.containsKey(key)) {
        throw new SettingsException(
            "unknown key '" + key + "' in " + file + ": the keys are "
                + DEFAULTS.keySet().stream().sorted().toList()
                + " (see wopihost.example.properties)");
      }
      put(key, properties.getProperty(key), file.toString());
    }
  }

  private Settings build() {
    int port = get("port", this::port);
    Path dataDir = get("data-dir", Path::of);
    String dbUrl = values.get("db-url");
    if (dbUrl.isEmpty()) {
      dbUrl = "jdbc:sqlite:" + dataDir.resolve("wopihost.db");
    } else if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
      throw invalid("db-url", "use a jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB URL");
    }
    var database =
        new Settings.DatabaseSettings(
            dbUrl,
            optional("db-user"),
            secret("db-password"),
            get("db-migrate", v -> bool("db-migrate", v)));
    long maxFileSize = get("max-file-size", this::positiveSize);
    return new Settings(
        port,
        get("bind-address", v -> v.isEmpty() ? "0.0.0.0" : v),
        optional("public-url").map(this::publicUrl),
        dataDir,
        database,
        blobs(dataDir, maxFileSize),
        get("blob-gc-grace", this::positiveDuration),
        get("blob-gc-on-start", v -> bool("blob-gc-on-start", v)),
        maxFileSize,
        get("token-ttl", this::positiveDuration),
        get("share-link-ttl", this::positiveDuration),
        secret("token-secret")
            .map(v -> strongSecret(v, "token-secret")),
        previousTokenSecret(),
        get("demo-files", v -> bool("demo-files", v)),
        operations(port),
        oauth(),
        get("password-hash-cost", this::hashCost),
        office(),
        tls());
  }

  private Optional<Settings.PreviousSecret> previousTokenSecret() {
    Optional<Secret> previous =
        secret("token-secret-previous")
            .map(v -> strongSecret(v, "token-secret-previous"));
    Optional<Instant> until = optional("token-secret-previous-until")
        .map(v -> get("token-secret-previous-until", this::instant));
    if (previous.isPresent() != until.isPresent()) {
      throw invalid(
          previous.isPresent() ? "token-secret-previous-until" : "token-secret-previous",
          "set the previous secret (token-secret-previous or -file) and"
              + " token-secret-previous-until together: until that moment, tokens it signed are"
              + " still accepted, e.g. token-secret-previous-until=2026-07-01T12:00:00Z");
    }
    return previous.map(secret -> new Settings.PreviousSecret(secret, until.orElseThrow()));
  }

  private Instant instant(String v) {
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("use a UTC time such as 2026-07-01T12:00:00Z");
    }
  }

  private Optional<Settings.TlsSettings> tls() {
    Optional<Path> keystore = optional("tls-keystore").map(Path::of);
    Optional<Secret> password = secret("tls-keystore-password");
    if (keystore.isEmpty()) {
      if (password.isPresent()) {
        throw invalid(secretKey("tls-keystore-password"),
            "set tls-keystore too, or leave the password empty to serve plain HTTP");
      }
      return Optional.empty();
    }
    var tls = new Settings.TlsSettings(keystore.get(),
        password.orElseThrow(() -> invalid("tls-keystore-password-file",
            "tls-keystore is set, so set tls-keystore-password-file (or tls-keystore-password)"
                + " to the keystore's password")));
    try {
      tls.open();
    } catch (IOException e) {
      throw invalid("tls-keystore", "the keystore cannot be used (" + reason(e)
          + "): give a PKCS#12 file with the server's key and certificate, and its password");
    }
    return Optional.of(tls);
  }

  private Settings.OfficeSettings office() {
    Map<String, URI> urls = new LinkedHashMap<>();
    for (String entry : list("office-urls")) {
      int eq = entry.indexOf('=');
      boolean named = eq > 0 && !entry.substring(0, eq).contains(":");
      URI url = editorUrl(named ? entry.substring(eq + 1).trim() : entry);
      String name = named ? entry.substring(0, eq).trim() : editorName(url);
      if (urls.putIfAbsent(name, url) != null) {
        throw invalid("office-urls", "two editors are named " + name + ": name them, as in"
            + " onlyoffice=https://docs.example.com,collabora=https://cool.example.com:9980");
      }
    }
    Map<String, ProofPolicy> policies = new HashMap<>();
    for (String entry : list("office-proof-keys")) {
      int colon = entry.indexOf(':');
      String name = colon < 0 ? "" : entry.substring(0, colon).trim();
      if (!name.isEmpty() && !urls.containsKey(name)) {
        throw invalid("office-proof-keys", name + " is not an editor of office-urls " + urls.keySet());
      }
      policies.put(name, proofPolicy(entry.substring(colon + 1).trim()));
    }
    Map<String, String> preferences = new LinkedHashMap<>();
    for (String entry : list("office-preference")) {
      String[] parts = entry.split(":", 2);
      String ext = parts[0].trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
      if (parts.length != 2 || !ext.matches("[a-z0-9]+") || !urls.containsKey(parts[1].trim())) {
        throw invalid("office-preference", "use EXTENSION:EDITOR pairs separated by commas, with"
            + " the editors named in office-urls " + urls.keySet() + ", e.g. docx:onlyoffice");
      }
      preferences.put(ext, parts[1].trim());
    }
    List<EditorConfig> editors = new ArrayList<>();
    urls.forEach((name, url) -> {
      try {
        editors.add(new EditorConfig(name, url,
            policies.getOrDefault(name, policies.getOrDefault("", ProofPolicy.AUTO))));
      } catch (IllegalArgumentException e) {
        throw invalid("office-urls", e.getMessage());
      }
    });
    List<IpRange> allowed = new ArrayList<>();
    for (String cidr : list("wopi-allowed-ips")) {
      try {
        allowed.add(IpRange.parse(cidr));
      } catch (IllegalArgumentException e) {
        throw invalid("wopi-allowed-ips", e.getMessage() + "; use IP addresses or CIDR networks"
            + " separated by commas, such as 10.0.0.0/8,2001:db8::/32");
      }
    }
    Optional<String> clientIpHeader = optional("client-ip-header");
    if (clientIpHeader.isPresent() && !clientIpHeader.get().matches("[A-Za-z0-9-]+")) {
      throw invalid("client-ip-header", "name one HTTP header, such as X-Forwarded-For");
    }
    return new Settings.OfficeSettings(
        List.copyOf(editors),
        Map.copyOf(preferences),
        get("office-discovery-refresh", this::positiveDuration),
        get("launch-link-ttl", this::positiveDuration),
        get("host-page-session", this::positiveDuration),
        List.copyOf(allowed),
        clientIpHeader,
        list("host-page-frame-src").stream().map(this::frameSource).toList());
  }

  private String frameSource(String v) {
    if (FRAME_SOURCE.matcher(v).matches()) {
      return v;
    }
    throw invalid("host-page-frame-src", "'" + v + "' is not an origin: use origins separated by"
        + " commas, such as https://login.example.com or https://*.example.com");
  }

  private List<String> list(String key) {
    return Arrays.stream(values.get(key).split(","))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private URI editorUrl(String v) {
    Optional<URI> http = httpUrl(v).filter(uri -> uri.getQuery() == null);
    if (http.isPresent()) {
      return http.get();
    }
    try {
      URI uri = new URI(v);
      if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid("office-urls", "'" + v + "' is not an editor's base URL: use NAME=URL entries"
        + " separated by commas, such as onlyoffice=https://docs.example.com (its discovery is"
        + " URL/hosting/discovery), or a file: URL of a discovery document");
  }

  /** An unnamed editor is called by its host, or by its discovery file's name. */
  private static String editorName(URI url) {
    if (url.getHost() != null) {
      return url.getHost();
    }
    String file = Path.of(url.getPath()).getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private ProofPolicy proofPolicy(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "auto" -> ProofPolicy.AUTO;
      case "required" -> ProofPolicy.REQUIRED;
      case "off" -> ProofPolicy.OFF;
      default -> throw invalid("office-proof-keys", "use auto, required or off, for every editor"
          + " or per editor as NAME:POLICY pairs separated by commas, e.g. collabora:off");
    };
  }

  private int hashCost(String v) {
    try {
      int cost = Integer.parseInt(v);
      if (cost >= 4 && cost <= 31) {
        return cost;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "use a bcrypt cost from 4 to 31; 12 takes about a quarter of a second per sign-in");
  }

  private Settings.OAuthSettings oauth() {
    String clientId = values.get("oauth-client-id");
    if (clientId.isEmpty()) {
      throw invalid("oauth-client-id", "name the client_id that Office mobile sends, e.g. office");
    }
    List<URI> redirects =
        Arrays.stream(values.get("oauth-redirect-uris").split(","))
            .map(String::trim)
            .filter(u -> !u.isEmpty())
            .map(this::redirectUri)
            .toList();
    Optional<String> providerId = optional("oauth-provider-id");
    if (providerId.isPresent() && !providerId.get().matches("[A-Za-z0-9]+")) {
      throw invalid("oauth-provider-id", "use only letters and digits, as registered with Microsoft");
    }
    return new Settings.OAuthSettings(
        clientId,
        secret("oauth-client-secret"),
        redirects,
        providerId,
        get("oauth-code-ttl", this::positiveDuration));
  }

  private URI redirectUri(String v) {
    try {
      URI uri = new URI(v);
      if (uri.isAbsolute() && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid("oauth-redirect-uris", "use absolute URIs without a fragment, separated by"
        + " commas, exactly as the client sends them as redirect_uri");
  }

  private Settings.OperationsSettings operations(int port) {
    OptionalInt management =
        optional("management-port").map(v -> OptionalInt.of(get("management-port", this::port)))
            .orElse(OptionalInt.empty());
    if (management.isPresent() && management.getAsInt() != 0 && management.getAsInt() == port) {
      throw invalid("management-port", "use another port than port, or leave it empty to serve"
          + " /metrics and the health endpoints on port");
    }
    return new Settings.OperationsSettings(
        management,
        get("access-log-format", v -> switch (v.toLowerCase(Locale.ROOT)) {
          case "text" -> Settings.AccessLogFormat.TEXT;
          case "json" -> Settings.AccessLogFormat.JSON;
          default -> throw new IllegalArgumentException("use text or json");
        }),
        get("health-timeout", this::positiveDuration),
        get("audit-open-window", this::positiveDuration),
        webhooks(),
        get("shutdown-grace-period", this::positiveDuration),
        get("client-read-timeout", this::positiveDuration));
  }

  private Settings.WebhookSettings webhooks() {
    List<URI> urls =
        Arrays.stream(values.get("webhook-urls").split(","))
            .map(String::trim)
            .filter(u -> !u.isEmpty())
            .map(this::webhookUrl)
            .toList();
    Optional<Secret> secret = secret("webhook-secret");
    if (!urls.isEmpty() && secret.isEmpty()) {
      throw invalid("webhook-secret", "webhook-urls is set, so set webhook-secret or"
          + " webhook-secret-file too: every delivery is signed with it");
    }
    if (secret.isPresent() && secret.get().bytes().length < 16) {
      throw invalid(
          secretKey("webhook-secret"),
          "the webhook secret must be at least 16 characters;"
              + " generate one with: head -c 32 /dev/urandom | base64");
    }
    return new Settings.WebhookSettings(
        urls,
        secret,
        get("webhook-timeout", this::positiveDuration),
        get("webhook-max-backoff", this::positiveDuration));
  }

  private URI webhookUrl(String v) {
    return httpUrl(v).orElseThrow(() -> invalid("webhook-urls", "use absolute http(s) URLs"
        + " separated by commas, such as https://hooks.example.com/wopihost"));
  }

  /** {@code v} as an absolute http or https URL with a host; empty for anything else. */
  private static Optional<URI> httpUrl(String v) {
    try {
      URI uri = new URI(v);
      String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private Settings.BlobSettings blobs(Path dataDir, long maxFileSize) {
    String store = values.get("blob-store").toLowerCase(Locale.ROOT);
    if (store.equals("fs")) {
      // A forgotten blob-store=s3 would keep a cluster's contents on one node's disk.
      if (optional("s3-bucket").isPresent()) {
        throw invalid("blob-store", "s3-bucket is set, so use blob-store=s3 (or unset s3-bucket)");
      }
      String dir = values.get("blob-dir");
      return new Settings.BlobSettings.FileSystem(
          dir.isEmpty() ? dataDir.resolve("blobs") : Path.of(dir));
    }
    if (!store.equals("s3")) {
      throw invalid("blob-store", "use fs (files under blob-dir) or s3 (a bucket)");
    }
    String bucket =
        optional("s3-bucket")
            .orElseThrow(() -> invalid("s3-bucket", "name the existing bucket to store contents in"));
    Optional<URI> endpoint = optional("s3-endpoint").map(this::s3Endpoint);
    String pathStyle = values.get("s3-path-style");
    Optional<String> accessKey = optional("s3-access-key");
    Optional<Secret> secretKey = secret("s3-secret-key");
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw invalid(
          accessKey.isPresent() ? "s3-secret-key" : "s3-access-key",
          "set both s3-access-key and s3-secret-key (or -file), or neither to use the AWS default"
              + " credentials (AWS_ACCESS_KEY_ID, profile, instance role)");
    }
    var config =
        new S3Config(
            endpoint,
            get("s3-region", v -> v.isEmpty() ? "us-east-1" : v),
            bucket,
            values.get("s3-prefix"),
            pathStyle.isEmpty() ? endpoint.isPresent() : bool("s3-path-style", pathStyle),
            accessKey.map(key -> new S3Credentials(key, secretKey.orElseThrow().text())),
            get("s3-part-size", v -> partSize(v, maxFileSize)));
    return new Settings.BlobSettings.S3(config);
  }

  private URI s3Endpoint(String v) {
    return httpUrl(v).orElseThrow(() ->
        invalid("s3-endpoint", "use the service's base URL, such as http://minio:9000"));
  }

  /** S3 allows 10,000 parts, so the part size bounds the largest upload. */
  private int partSize(String v, long maxFileSize) {
    long size = Quantities.parseSize(v);
    if (size < S3BlobStore.MIN_PART_SIZE || size > S3BlobStore.MAX_PART_SIZE) {
      throw new IllegalArgumentException("use a size from 5MiB (S3's smallest part) to 1GiB");
    }
    long smallest = (maxFileSize + MAX_PARTS - 1) / MAX_PARTS;
    if (size < smallest) {
      throw new IllegalArgumentException(
          "an upload of max-file-size would need more than 10000 parts (S3's limit): use at least "
              + smallest
              + " bytes");
    }
    return (int) size;
  }

  private <T> T get(String key, Function<String, T> parse) {
    try {
      return parse.apply(values.get(key));
    } catch (IllegalArgumentException e) {
      throw invalid(key, e.getMessage());
    }
  }

  private Optional<String> optional(String key) {
    return Optional.of(values.get(key)).filter(v -> !v.isEmpty());
  }

  /**
   * A secret given as {@code key}, or read from the file {@code key-file} (without the line break
   * that ends it), so that it need not be in the environment or the configuration file.
   */
  private Optional<Secret> secret(String valueKey) {
    String fileKey = valueKey + "-file";
    Optional<String> direct = optional(valueKey);
    Optional<String> file = optional(fileKey);
    if (direct.isPresent() && file.isPresent()) {
      throw invalid(fileKey, "set either " + valueKey + " or " + fileKey + ", not both");
    }
    if (file.isPresent()) {
      try {
        return Optional.of(new Secret(Files.readString(Path.of(file.get())).strip().getBytes(
            StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw invalid(fileKey, "the file cannot be read (" + reason(e)
            + "): check that it exists and is readable by this user");
      }
    }
    return direct.map(v -> new Secret(v.getBytes(StandardCharsets.UTF_8)));
  }

  /** Why a file cannot be read; the JDK's messages for the common cases are only the path. */
  private static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "permission denied";
      case CharacterCodingException coding -> "it is not UTF-8 text";
      default -> e.getMessage();
    };
  }

  /** The key a secret was set with, so that a message about it points at the file if it is one. */
  private String secretKey(String valueKey) {
    return optional(valueKey + "-file").isPresent() ? valueKey + "-file" : valueKey;
  }

  private Secret strongSecret(Secret secret, String valueKey) {
    if (secret.bytes().length < 32) {
      throw invalid(
          secretKey(valueKey),
          "the token signing secret must be at least 32 characters;"
              + " generate one with: head -c 48 /dev/urandom | base64");
    }
    return secret;
  }

  private int port(String v) {
    try {
      int port = Integer.parseInt(v);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("use a port number from 1 to 65535 (0 picks a free port)");
  }

  private URI publicUrl(String v) {
    return httpUrl(v)
        .filter(uri -> uri.getQuery() == null && uri.getFragment() == null)
        .orElseThrow(() -> invalid("public-url", "use an absolute http(s) URL without query,"
            + " such as https://files.example.com or http://localhost:8880"));
  }

  private long positiveSize(String v) {
    long size = Quantities.parseSize(v);
    if (size <= 0) {
      throw new IllegalArgumentException("the size must be larger than 0");
    }
    return size;
  }

  private Duration positiveDuration(String v) {
    Duration d = Quantities.parseDuration(v);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the duration must be longer than 0");
    }
    return d;
  }

  private static boolean bool(String key, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("use true or false");
    };
  }

  /** A secret can be given in a file instead: {@code KEY-file} names the file. */
  public static boolean isSecret(String key) {
    return DEFAULTS.containsKey(key + "-file");
  }

  private SettingsException invalid(String key, String fix) {
    String from = origin.getOrDefault(key, "the default");
    // A *-file key holds a path, which the reader needs to see to fix it; never the secret itself.
    String shown = isSecret(key) ? "****" : values.get(key);
    return new SettingsException(
        key + " = '" + shown + "' (from " + from + ") is not valid: " + fix);
  }
}
