package io.wopihost.server.cli;

import io.wopihost.server.config.Settings;
import io.wopihost.server.config.SettingsLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: where the configuration is, and the most used overrides. */
final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE",
      description = "A properties file (see wopihost.example.properties). Default: $WOPIHOST_CONFIG.")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Overrides data-dir.")
  String dataDir;

  @Option(names = "--port", paramLabel = "PORT", description = "Overrides port.")
  String port;

  @Option(names = "--public-url", paramLabel = "URL", description = "Overrides public-url.")
  String publicUrl;

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Overrides db-url.")
  String dbUrl;

  Settings load() {
    Map<String, String> overrides = new HashMap<>();
    put(overrides, "data-dir", dataDir);
    put(overrides, "port", port);
    put(overrides, "public-url", publicUrl);
    put(overrides, "db-url", dbUrl);
    return SettingsLoader.load(Optional.ofNullable(config), System.getenv(), overrides);
  }

  private static void put(Map<String, String> overrides, String key, String value) {
    if (value != null) {
      overrides.put(key, value);
    }
  }
}
