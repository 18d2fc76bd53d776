package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.server.config.Settings.AccessLogFormat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations keys: management port, access log, health, audit, webhooks, shutdown. */
class OperationsSettingsTest {

  @TempDir Path dir;

  @Test
  void load_noOperationsKeys_usesTheDefaults() {
    var ops = load(Map.of()).operations();

    assertThat(ops.managementPort()).isEmpty();
    assertThat(ops.accessLogFormat()).isEqualTo(AccessLogFormat.TEXT);
    assertThat(ops.healthTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(ops.auditOpenWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(ops.webhooks().urls()).isEmpty();
    assertThat(ops.webhooks().secret()).isEmpty();
    assertThat(ops.webhooks().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ops.webhooks().maxBackoff()).isEqualTo(Duration.ofHours(1));
    assertThat(ops.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void load_everyOperationsKeySet_takesEachValue() throws Exception {
    Path secretFile = dir.resolve("hook-secret");
    Files.writeString(secretFile, "0123456789abcdef0123\n");

    var ops =
        load(
            Map.of(
                "management-port", "9880",
                "access-log-format", "JSON",
                "health-timeout", "500ms",
                "audit-open-window", "15m",
                "webhook-urls", " https://a.example/hook , http://b.example:8080/in ",
                "webhook-secret-file", secretFile.toString(),
                "webhook-timeout", "3s",
                "webhook-max-backoff", "10m",
                "shutdown-grace-period", "2m"))
            .operations();

    assertThat(ops.managementPort()).isEqualTo(OptionalInt.of(9880));
    assertThat(ops.accessLogFormat()).isEqualTo(AccessLogFormat.JSON);
    assertThat(ops.healthTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(ops.auditOpenWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(ops.webhooks().urls())
        .containsExactly(URI.create("https://a.example/hook"), URI.create("http://b.example:8080/in"));
    assertThat(ops.webhooks().secret().orElseThrow().text()).isEqualTo("0123456789abcdef0123");
    assertThat(ops.webhooks().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(ops.webhooks().maxBackoff()).isEqualTo(Duration.ofMinutes(10));
    assertThat(ops.shutdownGracePeriod()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void load_webhookUrlsWithoutSecret_saysToSetTheSecret() {
    assertThatThrownBy(() -> load(Map.of("webhook-urls", "https://a.example/hook")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("webhook-secret");
  }

  @Test
  void load_shortWebhookSecret_isRefusedWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                load(Map.of("webhook-urls", "https://a.example/hook", "webhook-secret", "short1")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short1");
  }

  @Test
  void load_badValues_sayTheFix() {
    assertThatThrownBy(() -> load(Map.of("webhook-urls", "ftp://a.example/")))
        .hasMessageContaining("http(s) URLs");
    assertThatThrownBy(() -> load(Map.of("access-log-format", "xml")))
        .hasMessageContaining("use text or json");
    assertThatThrownBy(() -> load(Map.of("port", "9000", "management-port", "9000")))
        .hasMessageContaining("another port");
    assertThatThrownBy(() -> load(Map.of("shutdown-grace-period", "0s")))
        .hasMessageContaining("longer than 0");
  }

  private Settings load(Map<String, String> values) {
    Map<String, String> overrides = new HashMap<>(values);
    overrides.put("data-dir", dir.toString());
    return SettingsLoader.load(Optional.empty(), Map.of(), overrides);
  }
}
