package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oauth-* keys of the bootstrapper's authorization server, and password-hash-cost. */
class OAuthSettingsTest {

  @TempDir Path dir;

  @Test
  void load_noOAuthKeys_isAPublicClientNoRedirectAllowedAndCost12() {
    Settings settings = load(Map.of());

    assertThat(settings.oauth())
        .isEqualTo(
            new Settings.OAuthSettings(
                "office", Optional.empty(), List.of(), Optional.empty(), Duration.ofMinutes(1)));
    assertThat(settings.passwordHashCost()).isEqualTo(12);
  }

  @Test
  void load_everyOAuthKey_isReadWithTheSecretFromItsFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "the-client-secret\n");

    Settings.OAuthSettings oauth =
        load(Map.of(
                "oauth-client-id", "msoffice",
                "oauth-client-secret-file", secret.toString(),
                "oauth-redirect-uris", "https://localhost, ms-word://callback",
                "oauth-provider-id", "tpContoso1",
                "oauth-code-ttl", "30s"))
            .oauth();

    assertThat(oauth.clientId()).isEqualTo("msoffice");
    assertThat(oauth.clientSecret()).contains(new Secret("the-client-secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(oauth.redirectUris())
        .containsExactly(URI.create("https://localhost"), URI.create("ms-word://callback"));
    assertThat(oauth.providerId()).contains("tpContoso1");
    assertThat(oauth.codeTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void load_badOAuthValues_sayWhichKeyAndTheFix() {
    assertThatThrownBy(() -> load(Map.of("oauth-provider-id", "tp_contoso")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("oauth-provider-id")
        .hasMessageContaining("letters and digits");
    assertThatThrownBy(() -> load(Map.of("oauth-redirect-uris", "/relative")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("oauth-redirect-uris");
    assertThatThrownBy(() -> load(Map.of("oauth-client-id", "")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("oauth-client-id");
    assertThatThrownBy(() -> load(Map.of("password-hash-cost", "3")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("password-hash-cost");
  }

  private Settings load(Map<String, String> values) {
    Map<String, String> overrides = new HashMap<>(values);
    overrides.put("data-dir", dir.toString());
    return SettingsLoader.load(Optional.empty(), Map.of(), overrides);
  }
}
