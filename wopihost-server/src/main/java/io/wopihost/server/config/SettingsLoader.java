package io.wopihost.server.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

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
          Map.entry("blob-dir", ""),
          Map.entry("max-file-size", "4GiB"),
          Map.entry("token-ttl", "10h"),
          Map.entry("share-link-ttl", "30d"),
          Map.entry("token-secret", ""),
          Map.entry("token-secret-file", ""),
          Map.entry("demo-files", "true"));

  private static final String ENV_PREFIX = "WOPIHOST_";

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
          "cannot read the configuration file " + file + " (" + e.getMessage()
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
            secret("db-password", "db-password-file"),
            get("db-migrate", v -> bool("db-migrate", v)));
    String blobDir = values.get("blob-dir");
    return new Settings(
        port,
        get("bind-address", v -> v.isEmpty() ? "0.0.0.0" : v),
        optional("public-url").map(this::publicUrl),
        dataDir,
        database,
        blobDir.isEmpty() ? dataDir.resolve("blobs") : Path.of(blobDir),
        get("max-file-size", this::positiveSize),
        get("token-ttl", this::positiveDuration),
        get("share-link-ttl", this::positiveDuration),
        secret("token-secret", "token-secret-file").map(this::strongSecret),
        get("demo-files", v -> bool("demo-files", v)));
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

  private Optional<Secret> secret(String valueKey, String fileKey) {
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
        throw invalid(fileKey, "the file cannot be read (" + e.getClass().getSimpleName()
            + "): check that it exists and is readable by this user");
      }
    }
    return direct.map(v -> new Secret(v.getBytes(StandardCharsets.UTF_8)));
  }

  private Secret strongSecret(Secret secret) {
    if (secret.bytes().length < 32) {
      throw invalid("token-secret", "the token signing secret must be at least 32 characters;"
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
    try {
      URI uri = new URI(v);
      if (List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid("public-url", "use an absolute http(s) URL without query, such as"
        + " https://files.example.com or http://localhost:8880");
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

  private SettingsException invalid(String key, String fix) {
    String from = origin.getOrDefault(key, "the default");
    String shown = key.contains("secret") || key.contains("password") ? "****" : values.get(key);
    return new SettingsException(
        key + " = '" + shown + "' (from " + from + ") is not valid: " + fix);
  }
}
