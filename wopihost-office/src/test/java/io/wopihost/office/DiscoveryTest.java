package io.wopihost.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.testkit.FakeEditor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing discovery documents as the three editors write them, and refusing hostile ones. */
class DiscoveryTest {

  @TempDir Path dir;

  @Test
  void parse_onlyoffice_indexesActionsByNameAndExtension() throws IOException {
    try (FakeEditor editor = FakeEditor.start(FakeEditor.Flavor.ONLYOFFICE)) {
      Discovery d = parse(editor.discoveryXml());

      assertThat(d.product()).isEqualTo(Product.ONLYOFFICE);
      WopiAction edit = d.action("edit", "DOCX").orElseThrow();
      assertThat(edit.app()).isEqualTo("Word");
      assertThat(edit.requires()).containsExactlyInAnyOrder("locks", "update");
      assertThat(edit.urlsrc()).contains("<wopisrc=WOPI_SOURCE&>").doesNotContain("&amp;");
      assertThat(edit.favIconUrl()).hasValueSatisfying(u -> assertThat(u).endsWith("favicon.ico"));
      assertThat(d.actionsFor("xlsx")).extracting(WopiAction::name).containsExactly("view", "edit");
      assertThat(d.action("edit", "pdf")).isEmpty();
      assertThat(d.proofKeys()).isPresent();
    }
  }

  @Test
  void parse_collabora_isRecognisedAndHasMimeTypeApps() throws IOException {
    try (FakeEditor editor = FakeEditor.start(FakeEditor.Flavor.COLLABORA)) {
      Discovery d = parse(editor.discoveryXml());

      assertThat(d.product()).isEqualTo(Product.COLLABORA);
      assertThat(d.action("edit", "odt").orElseThrow().app())
          .isEqualTo("application/vnd.oasis.opendocument.text");
    }
  }

  @Test
  void parse_noProofKeyElement_hasNoKeys() throws IOException {
    try (FakeEditor editor = FakeEditor.start(FakeEditor.Flavor.COLLABORA)) {
      editor.setPublishKeys(false);

      assertThat(parse(editor.discoveryXml()).proofKeys()).isEmpty();
    }
  }

  @Test
  void parse_severalZones_prefersTheHostsScheme() throws IOException {
    String xml =
        """
        <wopi-discovery>
          <net-zone name="internal-https"><app name="Word">
            <action name="view" ext="docx" urlsrc="https://internal/view?" /></app></net-zone>
          <net-zone name="external-https"><app name="Word">
            <action name="view" ext="docx" urlsrc="https://external/view?" /></app></net-zone>
          <net-zone name="external-http"><app name="Word">
            <action name="view" ext="docx" urlsrc="http://plain/view?" /></app></net-zone>
        </wopi-discovery>
        """;

    assertThat(Discovery.parse(stream(xml), "https").action("view", "docx").orElseThrow().urlsrc())
        .isEqualTo("https://external/view?");
    assertThat(Discovery.parse(stream(xml), "http").action("view", "docx").orElseThrow().urlsrc())
        .isEqualTo("http://plain/view?");
  }

  @Test
  void parse_externalEntity_isRefusedWithoutReadingTheFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
            + "<wopi-discovery><net-zone name=\"external-http\"><app name=\"&x;\">"
            + "<action name=\"view\" ext=\"docx\" urlsrc=\"http://e/&x;\"/></app></net-zone>"
            + "</wopi-discovery>";

    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(InvalidDiscoveryException.class)
        .message()
        .doesNotContain("TOP-SECRET-CONTENT");
  }

  @Test
  void parse_entityExpansionBomb_isRefused() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<wopi-discovery><net-zone><app name=\"&c;\"/></net-zone></wopi-discovery>";

    assertThatThrownBy(() -> parse(xml)).isInstanceOf(InvalidDiscoveryException.class);
  }

  @Test
  void parse_notDiscovery_isRefusedWithAReason() {
    assertThatThrownBy(() -> parse("<html><body>login</body></html>"))
        .isInstanceOf(InvalidDiscoveryException.class)
        .hasMessageContaining("<html>");
    assertThatThrownBy(() -> parse("{\"not\": \"xml\"}"))
        .isInstanceOf(InvalidDiscoveryException.class);
  }

  @Test
  void parse_proofKeyWithoutKey_isRefused() {
    assertThatThrownBy(() -> parse("<wopi-discovery><proof-key oldvalue=\"\"/></wopi-discovery>"))
        .isInstanceOf(InvalidDiscoveryException.class)
        .hasMessageContaining("proof-key");
  }

  private static Discovery parse(String xml) throws IOException {
    return Discovery.parse(stream(xml), "http");
  }

  private static ByteArrayInputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
