package io.wopihost.server;

import static io.wopihost.server.WopiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ecosystem over HTTP (WOPI.md §9): CheckEcosystem, GetRootContainer and GetFileWopiSrc,
 * reached as clients reach them, from GetEcosystem; and what CheckFileInfo advertises.
 */
class EcosystemTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private final UrlClient wopi = new UrlClient(NODE.host());

  private String ecosystemOf(WopiClient file) throws Exception {
    return WopiClient.json(NODE.host().send("GET", file.uri("/ecosystem_pointer"), null))
        .get("Url").asText();
  }

  private String ecosystemOf(String user) throws Exception {
    return ecosystemOf(NODE.host().newFile("seed.txt", new byte[] {1}, user));
  }

  @Test
  void checkFileInfo_advertisesContainersEcosystemWopiSrcAndActivities() throws Exception {
    JsonNode info = NODE.host().newFile("a.docx", new byte[] {1}).fileInfo();

    assertThat(info.get("SupportsContainers").asBoolean()).isTrue();
    assertThat(info.get("SupportsEcosystem").asBoolean()).isTrue();
    assertThat(info.get("SupportsGetFileWopiSrc").asBoolean()).isTrue();
    assertThat(info.get("SupportsAddActivities").asBoolean()).isTrue();
    assertThat(info.get("SupportsDeleteFile").asBoolean()).isTrue();
  }

  @Test
  void checkEcosystem_ecosystemToken_supportsContainers() throws Exception {
    JsonNode ecosystem = wopi.json(ecosystemOf("erin"), "");

    assertThat(ecosystem.get("SupportsContainers").asBoolean()).isTrue();
  }

  @Test
  void ecosystemEndpoint_fileTokenOrNoToken_isUnauthorized() throws Exception {
    WopiClient file = NODE.host().newFile("a.txt", new byte[] {1});
    String withFileToken = NODE.host().host.urls().ecosystem() + "?access_token=" + file.token();

    assertThat(wopi.get(withFileToken).statusCode()).isEqualTo(401);
    assertThat(wopi.get(withFileToken, "/root_container_pointer").statusCode()).isEqualTo(401);
    assertThat(wopi.get(NODE.host().host.urls().ecosystem()).statusCode()).isEqualTo(401);
  }

  @Test
  void getRootContainer_pointsToTheUsersRootWithItsInfo() throws Exception {
    String ecosystem = ecosystemOf("frank");

    JsonNode root = wopi.json(ecosystem, "/root_container_pointer");

    String url = root.at("/ContainerPointer/Url").asText();
    assertThat(root.at("/ContainerPointer/Name").asText()).isEqualTo("frank");
    assertThat(root.at("/ContainerInfo/UserCanDelete").asBoolean()).isFalse();
    ContainerRecord expected = NODE.host().host.catalog().rootContainer("frank", Ids.newId());
    assertThat(NODE.host().host.urls().containerIdIn(url)).contains(expected.id());
    JsonNode children = wopi.json(url, "/children");
    assertThat(StreamSupport.stream(children.get("ChildFiles").spliterator(), false)
        .map(f -> f.get("Name").asText())).contains("seed.txt");
    assertThat(wopi.grantIn(url).expiresAt()).isEqualTo(wopi.grantIn(ecosystem).expiresAt());
  }

  @Test
  void getFileWopiSrc_hostPagesWopiSrcAndId_giveATokenForTheUsersFile() throws Exception {
    WopiClient file = NODE.host().newFile("report.docx", new byte[] {1, 2}, "gina");
    String ecosystem = ecosystemOf(file);
    var urls = NODE.host().host.urls();

    for (String name :
        new String[] {
          urls.hostPage(file.fileId(), "edit"),
          urls.hostPage(file.fileId(), "view"),
          urls.wopiSrc(file.fileId()),
          file.fileId()
        }) {
      HttpResponse<byte[]> response = getFileWopiSrc(ecosystem, name);
      assertThat(response.statusCode()).as(name).isEqualTo(200);
      String url = json(response).get("Url").asText();
      assertThat(urls.fileIdIn(url)).contains(file.fileId());
      AccessToken grant = wopi.grantIn(url);
      assertThat(grant.userId()).isEqualTo("gina");
      assertThat(url).endsWith("&access_token_ttl=" + grant.expiresAt().toEpochMilli());
      assertThat(wopi.json(url, "").get("BaseFileName").asText()).isEqualTo("report.docx");
    }
  }

  @Test
  void getFileWopiSrc_shareUrlOfAnotherUsersFile_givesTheSharedRightsForTheShareLifetime()
      throws Exception {
    WopiClient owner = NODE.host().newFile("shared.docx", new byte[] {1}, "hank");
    String shareUrl =
        json(owner.override("GET_SHARE_URL", null, "X-WOPI-UrlType", "ReadOnly"))
            .get("ShareUrl").asText();
    String ecosystem = ecosystemOf("ida");

    HttpResponse<byte[]> response = getFileWopiSrc(ecosystem, shareUrl);

    assertThat(response.statusCode()).isEqualTo(200);
    AccessToken grant = wopi.grantIn(json(response).get("Url").asText());
    assertThat(grant.userId()).isEqualTo("ida");
    assertThat(grant.scope()).isEqualTo(Scope.file(owner.fileId()));
    assertThat(grant.permissions()).containsExactly(Permission.READ);
    assertThat(grant.expiresAt()).isEqualTo(wopi.grantIn(ecosystem).expiresAt());
  }

  @Test
  void getFileWopiSrc_revokedShareUrl_isNotFound() throws Exception {
    WopiClient owner = NODE.host().newFile("revoked.docx", new byte[] {1}, "hank");
    String shareUrl =
        json(owner.override("GET_SHARE_URL", null, "X-WOPI-UrlType", "ReadWrite"))
            .get("ShareUrl").asText();
    String ecosystem = ecosystemOf("ida");
    assertThat(getFileWopiSrc(ecosystem, shareUrl).statusCode()).isEqualTo(200);

    NODE.host().host.shareLinks()
        .tryRevoke(NODE.host().host.urls().shareLinkIn(shareUrl).orElseThrow());

    assertThat(getFileWopiSrc(ecosystem, shareUrl).statusCode()).isEqualTo(404);
  }

  @Test
  void getFileWopiSrc_anotherUsersFileUnknownNameOrOtherOverride_isRefused() throws Exception {
    WopiClient someoneElses = NODE.host().newFile("private.docx", new byte[] {1}, "jack");
    String ecosystem = ecosystemOf("kate");

    assertThat(getFileWopiSrc(ecosystem, someoneElses.fileId()).statusCode()).isEqualTo(404);
    assertThat(getFileWopiSrc(ecosystem, "https://elsewhere.example/x").statusCode())
        .isEqualTo(404);
    assertThat(wopi.post(ecosystem, "GET_WOPI_SRC_WITH_ACCESS_TOKEN").statusCode())
        .isEqualTo(404);
    assertThat(wopi.post(ecosystem, "SOMETHING_ELSE").statusCode()).isEqualTo(501);
  }

  @Test
  void shareLink_isNotAWopiToken() throws Exception {
    WopiClient owner = NODE.host().newFile("doc.docx", new byte[] {1});
    String shareUrl =
        json(owner.override("GET_SHARE_URL", null, "X-WOPI-UrlType", "ReadWrite"))
            .get("ShareUrl").asText();
    String shareToken = NODE.host().host.urls().shareLinkIn(shareUrl).orElseThrow();

    HttpResponse<byte[]> asWopi =
        wopi.get(owner.fileUri().toString().replaceFirst("access_token=.*", "access_token=")
            + shareToken, "/ancestry");

    assertThat(asWopi.statusCode()).isEqualTo(401);
    assertThat(wopi.get(shareUrl).statusCode()).isEqualTo(200);
  }

  @Test
  void enumerateAncestors_fileInNestedFolders_listsTheRealChainRootFirst() throws Exception {
    ContainerRecord folder = wopi.newFolder("lena");
    String folderUrl = wopi.containerUrl(folder.id(), "lena");
    String inner =
        json(wopi.post(folderUrl, "CREATE_CHILD_CONTAINER", "X-WOPI-RelativeTarget", "inner"))
            .at("/ContainerPointer/Url").asText();
    String fileUrl =
        json(wopi.post(inner, "CREATE_CHILD_FILE", "X-WOPI-RelativeTarget", "deep.txt"))
            .get("Url").asText();

    JsonNode chain = wopi.json(fileUrl, "/ancestry").get("AncestorsWithRootFirst");

    assertThat(StreamSupport.stream(chain.spliterator(), false).map(c -> c.get("Name").asText()))
        .containsExactly("lena", folder.name(), "inner");
  }

  @Test
  void tokensFromAnotherToken_neverOutliveIt() throws Exception {
    WopiClient file = NODE.host().newFile("short.txt", new byte[] {1}, "mia");
    String shortLived =
        NODE.host().host.tokens().issue(new AccessToken("mia", Scope.file(file.fileId()),
            EnumSet.allOf(Permission.class),
            NODE.host().clock.instant().plus(Duration.ofMinutes(5))));
    WopiClient client = new WopiClient(NODE.host(), file.fileId(), shortLived);

    String ecosystem = ecosystemOf(client);
    String root = wopi.json(ecosystem, "/root_container_pointer").at("/ContainerPointer/Url")
        .asText();
    String child = wopi.json(root, "/children").get("ChildFiles").get(0).get("Url").asText();

    assertThat(wopi.grantIn(child).expiresAt())
        .isEqualTo(NODE.host().clock.instant().plus(Duration.ofMinutes(5)));
  }

  private HttpResponse<byte[]> getFileWopiSrc(String ecosystem, String nativeName)
      throws Exception {
    return wopi.post(ecosystem, "GET_WOPI_SRC_WITH_ACCESS_TOKEN",
        "X-WOPI-HostNativeFileName", nativeName);
  }
}
