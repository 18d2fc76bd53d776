package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.User;
import io.wopihost.core.token.Permission;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CheckFileInfo over HTTP (WOPI.md §5, §7.1): the required properties with their JSON types, the
 * permission properties per token, no property the host cannot honour, and the URLs it hands out.
 */
class CheckFileInfoTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] CONTENT = bytes("Quarterly numbers");

  /** Properties of Microsoft's CSPP Plus programme, which promise co-authoring this host lacks. */
  private static final List<String> CSPP_PLUS =
      List.of(
          "SupportsCoauth",
          "SequenceNumber",
          "SupportsCobalt",
          "SupportsFolders",
          "SupportsScenarioLinks",
          "SupportsSecureStore",
          "SupportsFileCreation",
          "CobaltCapabilities");

  @Test
  void userFriendlyName_isTheDirectorysDisplayName_orTheIdOfAUserItDoesNotKnow() throws Exception {
    WopiClient owner = NODE.newFile("Names.docx", CONTENT);
    NODE.host().host.users().tryAdd(new User("carol", "Carol Jones"), "carol-pw".toCharArray());

    JsonNode carol = WopiClient.json(owner.as("carol", EnumSet.of(Permission.READ)).checkFileInfo());
    JsonNode unknown = WopiClient.json(owner.checkFileInfo());

    assertThat(carol.get("UserFriendlyName").asText()).isEqualTo("Carol Jones");
    assertThat(unknown.get("UserFriendlyName").asText()).isEqualTo(unknown.get("UserId").asText());
  }

  @Test
  void checkFileInfo_requiredProperties_haveTheSpecsTypesAndValues() throws Exception {
    WopiClient client = NODE.newFile("Numbers.xlsx", CONTENT);

    HttpResponse<byte[]> response = client.checkFileInfo();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode info = WopiClient.json(response);
    assertThat(info.get("BaseFileName").isTextual()).isTrue();
    assertThat(info.get("BaseFileName").asText()).isEqualTo("Numbers.xlsx");
    assertThat(info.get("OwnerId").asText()).startsWith("owner-");
    assertThat(info.get("UserId").asText()).isEqualTo(info.get("OwnerId").asText());
    assertThat(info.get("Size").isIntegralNumber()).isTrue();
    assertThat(info.get("Size").asLong()).isEqualTo(CONTENT.length);
    assertThat(info.get("Version").isTextual()).isTrue();
    assertThat(info.get("Version").asText()).isNotEmpty();
    assertThat(info.get("FileExtension").asText()).isEqualTo(".xlsx");
  }

  @Test
  void checkFileInfo_noPropertyIsNull() throws Exception {
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    info.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey()).isFalse());
  }

  @Test
  void checkFileInfo_booleansAreJsonBooleans() throws Exception {
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    for (String name :
        List.of(
            "UserCanWrite",
            "ReadOnly",
            "UserCanRename",
            "UserCanNotWriteRelative",
            "SupportsLocks",
            "SupportsGetLock",
            "SupportsExtendedLockLength",
            "SupportsUpdate",
            "SupportsRename",
            "SupportsDeleteFile",
            "SupportsUserInfo",
            "IsAnonymousUser")) {
      assertThat(info.get(name)).as(name).isNotNull();
      assertThat(info.get(name).isBoolean()).as(name).isTrue();
    }
    assertThat(info.get("SupportedShareUrlTypes").isArray()).isTrue();
  }

  @Test
  void checkFileInfo_sha256_isBase64OfTheContentsDigest() throws Exception {
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    String expected =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(CONTENT));
    assertThat(info.get("SHA256").asText()).isEqualTo(expected);
  }

  @Test
  void checkFileInfo_lastModifiedTime_hasSevenFractionDigitsInUtc() throws Exception {
    NODE.host().clock.advance(Duration.ofNanos(123_456_789));
    Instant importedAt = NODE.host().clock.instant();
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    String time = info.get("LastModifiedTime").asText();

    assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
    assertThat(Duration.between(Instant.parse(time), importedAt).abs())
        .isLessThan(Duration.ofMillis(1));
  }

  @Test
  void checkFileInfo_writeToken_mayWriteAndSaveAs() throws Exception {
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    assertThat(info.get("UserCanWrite").asBoolean()).isTrue();
    assertThat(info.get("ReadOnly").asBoolean()).isFalse();
    assertThat(info.get("UserCanNotWriteRelative").asBoolean()).isFalse();
    assertThat(info.get("UserCanRename").asBoolean()).isTrue();
    assertThat(info.get("HostEditUrl").asText()).startsWith("http");
  }

  @Test
  void checkFileInfo_readOnlyToken_mayNeitherWriteNorSaveAs() throws Exception {
    WopiClient reader =
        NODE.newFile("Numbers.xlsx", CONTENT).as("bob", EnumSet.of(Permission.READ));

    JsonNode info = reader.fileInfo();

    assertThat(info.get("UserId").asText()).isEqualTo("bob");
    assertThat(info.get("OwnerId").asText()).startsWith("owner-");
    assertThat(info.get("UserCanWrite").asBoolean()).isFalse();
    assertThat(info.get("ReadOnly").asBoolean()).isTrue();
    assertThat(info.get("UserCanNotWriteRelative").asBoolean()).isTrue();
    assertThat(info.get("UserCanRename").asBoolean()).isFalse();
    assertThat(info.has("HostEditUrl")).isFalse();
  }

  @Test
  void checkFileInfo_advertisesNoCsppPlusProperty() throws Exception {
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    assertThat(CSPP_PLUS).noneMatch(info::has);
  }

  @Test
  void checkFileInfo_fileUrl_downloadsTheContent() throws Exception {
    JsonNode info = NODE.newFile("Numbers.xlsx", CONTENT).fileInfo();

    HttpResponse<byte[]> download =
        NODE.host().send("GET", URI.create(info.get("FileUrl").asText()), null);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(CONTENT);
  }

  @Test
  void checkFileInfo_hostUrls_pointAtPagesOfThisHost() throws Exception {
    WopiClient client = NODE.newFile("Numbers.xlsx", CONTENT);
    JsonNode info = client.fileInfo();

    String base = NODE.host().host.publicUrl().toString();
    for (String name : List.of("FileUrl", "HostViewUrl", "HostEditUrl", "BreadcrumbBrandUrl")) {
      String url = info.get(name).asText();
      assertThat(url).as(name).startsWith(base);
      // The host pages may ask a browser to sign in first; they must exist all the same.
      assertThat(NODE.host().send("GET", URI.create(url), null).statusCode())
          .as(name)
          .isNotEqualTo(404)
          .isLessThan(500);
    }
    assertThat(info.get("HostViewUrl").asText()).contains(client.fileId());
    assertThat(info.get("HostEditUrl").asText()).contains(client.fileId());
  }
}
