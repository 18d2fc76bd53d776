package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.office.EditorConfig;
import io.wopihost.office.ProofPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editors' keys: office-urls, preferences, proof-key policies, launch links, allowlist. */
class OfficeSettingsTest {

  @TempDir Path dir;

  @Test
  void load_noOfficeKeys_noEditorAndTheDefaults() {
    var office = load(Map.of()).office();

    assertThat(office.editors()).isEmpty();
    assertThat(office.preferences()).isEmpty();
    assertThat(office.discoveryRefresh()).isEqualTo(Duration.ofHours(12));
    assertThat(office.launchLinkTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(office.hostPageSession()).isEqualTo(Duration.ofHours(24));
    assertThat(office.wopiAllowedIps()).isEmpty();
    assertThat(office.clientIpHeader()).isEmpty();
  }

  @Test
  void load_namedAndUnnamedEditorsWithPoliciesAndPreferences_takesThemInOrder() {
    var office =
        load(
            Map.of(
                "office-urls",
                " onlyoffice=https://docs.example.com , https://cool.example.com:9980/,"
                    + "pinned=file:///etc/wopihost/discovery.xml",
                "office-proof-keys", "off, onlyoffice:required",
                "office-preference", "DOCX:onlyoffice, .odt:cool.example.com",
                "office-discovery-refresh", "1d"))
            .office();

    assertThat(office.editors())
        .containsExactly(
            new EditorConfig(
                "onlyoffice", URI.create("https://docs.example.com"), ProofPolicy.REQUIRED),
            new EditorConfig(
                "cool.example.com", URI.create("https://cool.example.com:9980/"), ProofPolicy.OFF),
            new EditorConfig(
                "pinned", URI.create("file:///etc/wopihost/discovery.xml"), ProofPolicy.OFF));
    assertThat(office.preferences())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("docx", "onlyoffice", "odt", "cool.example.com"));
    assertThat(office.discoveryRefresh()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void load_fromTheEnvironment_isTheSameKey() {
    var office =
        SettingsLoader.load(
                Optional.empty(),
                Map.of("WOPIHOST_OFFICE_URLS", "a=http://a.example,b=http://b.example"),
                Map.of("data-dir", dir.toString()))
            .office();

    assertThat(office.editors()).extracting(EditorConfig::name).containsExactly("a", "b");
  }

  @Test
  void load_badOfficeValues_sayTheFix() {
    assertThatThrownBy(() -> load(Map.of("office-urls", "oo=docs.example.com")))
        .hasMessageContaining("office-urls").hasMessageContaining("NAME=URL");
    assertThatThrownBy(() -> load(Map.of("office-urls", "http://a.example,http://a.example:81")))
        .hasMessageContaining("two editors are named a.example");
    assertThatThrownBy(() -> load(Map.of("office-urls", "bad name=http://a.example")))
        .hasMessageContaining("editor name");
    assertThatThrownBy(
            () -> load(Map.of("office-urls", "a=http://a.example", "office-preference", "docx:b")))
        .hasMessageContaining("office-preference").hasMessageContaining("[a]");
    assertThatThrownBy(
            () -> load(Map.of("office-urls", "a=http://a.example", "office-proof-keys", "a:maybe")))
        .hasMessageContaining("auto, required or off");
    assertThatThrownBy(
            () -> load(Map.of("office-urls", "a=http://a.example", "office-proof-keys", "b:off")))
        .hasMessageContaining("b is not an editor");
    assertThatThrownBy(() -> load(Map.of("wopi-allowed-ips", "10.0.0.0/33")))
        .hasMessageContaining("wopi-allowed-ips").hasMessageContaining("prefix length");
    assertThatThrownBy(() -> load(Map.of("wopi-allowed-ips", "intranet.example.com")))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> load(Map.of("client-ip-header", "X-Forwarded-For: 1")))
        .hasMessageContaining("client-ip-header");
  }

  @Test
  void ipRange_ipv4AndIpv6Networks_containTheirAddressesOnly() throws Exception {
    IpRange ten = IpRange.parse("10.0.0.0/8");
    IpRange one = IpRange.parse("192.168.1.7");
    IpRange v6 = IpRange.parse("2001:db8::/32");
    IpRange all = IpRange.parse("0.0.0.0/0");

    assertThat(ten.contains(InetAddress.getByName("10.255.1.2"))).isTrue();
    assertThat(ten.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(ten.contains(InetAddress.getByAddress(
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 1, 2, 3})))
        .as("IPv4-mapped").isTrue();
    assertThat(one.contains(InetAddress.getByName("192.168.1.7"))).isTrue();
    assertThat(one.contains(InetAddress.getByName("192.168.1.8"))).isFalse();
    assertThat(v6.contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
    assertThat(v6.contains(InetAddress.getByName("2001:db9::5"))).isFalse();
    assertThat(v6.contains(InetAddress.getByName("10.1.2.3"))).isFalse();
    assertThat(all.contains(InetAddress.getByName("203.0.113.9"))).isTrue();
  }

  private Settings load(Map<String, String> values) {
    Map<String, String> overrides = new HashMap<>(values);
    overrides.put("data-dir", dir.toString());
    return SettingsLoader.load(Optional.empty(), Map.of(), overrides);
  }
}
