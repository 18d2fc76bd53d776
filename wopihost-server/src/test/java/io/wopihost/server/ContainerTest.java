package io.wopihost.server;

import static io.wopihost.server.WopiClient.header;
import static io.wopihost.server.WopiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The container operations over HTTP (WOPI.md §8): CheckContainerInfo, CreateChildContainer,
 * DeleteContainer, RenameContainer, EnumerateAncestors, EnumerateChildren and GetEcosystem, with
 * their error paths and the reach of container tokens. Each test works in a folder of its own.
 */
class ContainerTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final String ALICE = TestHost.USER;

  private final UrlClient wopi = new UrlClient(NODE.host());

  private String newFolderUrl() {
    return wopi.containerUrl(wopi.newFolder(ALICE).id(), ALICE);
  }

  private HttpResponse<byte[]> createChildContainer(String url, String mode, String name)
      throws Exception {
    return wopi.post(url, "CREATE_CHILD_CONTAINER", mode, name);
  }

  private String childContainerUrl(String parentUrl, String name) throws Exception {
    HttpResponse<byte[]> created =
        createChildContainer(parentUrl, "X-WOPI-RelativeTarget", name);
    assertThat(created.statusCode()).isEqualTo(200);
    return json(created).at("/ContainerPointer/Url").asText();
  }

  @Test
  void checkContainerInfo_root_listsRightsAndCannotBeDeleted() throws Exception {
    String root = NODE.host().host.catalog().rootContainer(ALICE, Ids.newId()).id();

    JsonNode info = wopi.json(wopi.containerUrl(root, ALICE), "");

    assertThat(info.get("Name").asText()).isEqualTo(ALICE);
    assertThat(info.get("UserCanCreateChildContainer").asBoolean()).isTrue();
    assertThat(info.get("UserCanCreateChildFile").asBoolean()).isTrue();
    assertThat(info.get("UserCanRename").asBoolean()).isTrue();
    assertThat(info.get("UserCanDelete").asBoolean()).isFalse();
    assertThat(info.get("SupportedShareUrlTypes").toString())
        .isEqualTo("[\"ReadOnly\",\"ReadWrite\"]");
    assertThat(info.get("IsEduUser").asBoolean()).isFalse();
    assertThat(info.get("LicenseCheckForEditIsEnabled").asBoolean()).isFalse();
  }

  @Test
  void checkContainerInfo_readOnlyToken_grantsNoChanges() throws Exception {
    String id = wopi.newFolder(ALICE).id();

    JsonNode info = wopi.json(wopi.containerUrl(id, ALICE, EnumSet.of(Permission.READ)), "");

    assertThat(info.get("UserCanCreateChildFile").asBoolean()).isFalse();
    assertThat(info.get("UserCanDelete").asBoolean()).isFalse();
    assertThat(info.get("UserCanRename").asBoolean()).isFalse();
  }

  @Test
  void createChildContainer_specificName_answersPointerAndInfoOfANewContainer() throws Exception {
    String parent = newFolderUrl();

    HttpResponse<byte[]> response =
        createChildContainer(parent, "X-WOPI-RelativeTarget", "Reports");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.at("/ContainerPointer/Name").asText()).isEqualTo("Reports");
    assertThat(body.at("/ContainerInfo/Name").asText()).isEqualTo("Reports");
    assertThat(body.at("/ContainerInfo/UserCanDelete").asBoolean()).isTrue();
    String child = body.at("/ContainerPointer/Url").asText();
    assertThat(wopi.json(child, "").get("Name").asText()).isEqualTo("Reports");
    assertThat(wopi.grantIn(child).expiresAt()).isEqualTo(wopi.grantIn(parent).expiresAt());
  }

  @Test
  void createChildContainer_specificNameTaken_conflictsAndSuggestsAFreeName() throws Exception {
    String parent = newFolderUrl();
    childContainerUrl(parent, "Reports");

    HttpResponse<byte[]> again = createChildContainer(parent, "X-WOPI-RelativeTarget", "REPORTS");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(header(again, "X-WOPI-ValidRelativeTarget")).isEqualTo("REPORTS (2)");
  }

  @Test
  void createChildContainer_suggestedNameTaken_getsTheNextFreeName() throws Exception {
    String parent = newFolderUrl();

    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> created =
          createChildContainer(parent, "X-WOPI-SuggestedTarget", "Draft");
      assertThat(created.statusCode()).isEqualTo(200);
      names.add(json(created).at("/ContainerPointer/Name").asText());
    }

    assertThat(names).containsExactly("Draft", "Draft (2)", "Draft (3)");
  }

  @Test
  void createChildContainer_suggestedIllegalName_isMadeLegal() throws Exception {
    HttpResponse<byte[]> created =
        createChildContainer(newFolderUrl(), "X-WOPI-SuggestedTarget", "a/b:c ");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(json(created).at("/ContainerPointer/Name").asText()).isEqualTo("b_c");
  }

  @Test
  void createChildContainer_utf7Name_isDecoded() throws Exception {
    HttpResponse<byte[]> created =
        createChildContainer(newFolderUrl(), "X-WOPI-RelativeTarget", "Caf+AOk-");

    assertThat(json(created).at("/ContainerPointer/Name").asText()).isEqualTo("Café");
  }

  @Test
  void createChildContainer_illegalSpecificName_isBadRequestWithReason() throws Exception {
    HttpResponse<byte[]> response =
        createChildContainer(newFolderUrl(), "X-WOPI-RelativeTarget", "a:b");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(header(response, "X-WOPI-InvalidContainerNameError")).contains("':'");
  }

  @Test
  void createChildContainer_bothOrNoTargetHeaders_is501Or400() throws Exception {
    String parent = newFolderUrl();

    HttpResponse<byte[]> both =
        wopi.post(parent, "CREATE_CHILD_CONTAINER", "X-WOPI-RelativeTarget", "a",
            "X-WOPI-SuggestedTarget", "a");
    HttpResponse<byte[]> none = wopi.post(parent, "CREATE_CHILD_CONTAINER");

    assertThat(both.statusCode()).isEqualTo(501);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(json(wopi.get(parent, "/children")).get("ChildContainers")).isEmpty();
  }

  @Test
  void createChildContainer_readOnlyToken_isUnauthorized() throws Exception {
    String id = wopi.newFolder(ALICE).id();
    String readOnly = wopi.containerUrl(id, ALICE, EnumSet.of(Permission.READ));

    HttpResponse<byte[]> response = createChildContainer(readOnly, "X-WOPI-RelativeTarget", "x");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(NODE.host().host.catalog().childContainers(id)).isEmpty();
  }

  @Test
  void deleteContainer_empty_deletesItThenIsNotFound() throws Exception {
    String child = childContainerUrl(newFolderUrl(), "Tmp");

    assertThat(wopi.post(child, "DELETE_CONTAINER").statusCode()).isEqualTo(200);

    assertThat(wopi.post(child, "DELETE_CONTAINER").statusCode()).isEqualTo(404);
    assertThat(wopi.get(child).statusCode()).isEqualTo(404);
  }

  @Test
  void deleteContainer_notEmpty_conflictsAndKeepsEverything() throws Exception {
    String parent = newFolderUrl();
    String child = childContainerUrl(parent, "Full");
    childContainerUrl(child, "Inner");

    HttpResponse<byte[]> response = wopi.post(child, "DELETE_CONTAINER");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json(wopi.get(child, "/children")).get("ChildContainers")).hasSize(1);
  }

  @Test
  void deleteContainer_root_conflicts() throws Exception {
    String root = NODE.host().host.catalog().rootContainer("dora", Ids.newId()).id();

    assertThat(wopi.post(wopi.containerUrl(root, "dora"), "DELETE_CONTAINER").statusCode())
        .isEqualTo(409);
    assertThat(NODE.host().host.catalog().findContainer(root)).isPresent();
  }

  @Test
  void renameContainer_freeName_keepsTheIdAndItsUrl() throws Exception {
    String child = childContainerUrl(newFolderUrl(), "Old");

    HttpResponse<byte[]> response =
        wopi.post(child, "RENAME_CONTAINER", "X-WOPI-RequestedName", "N+AOk-w");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("Name").asText()).isEqualTo("Néw");
    assertThat(wopi.json(child, "").get("Name").asText()).isEqualTo("Néw");
  }

  @Test
  void renameContainer_toASiblingsName_conflicts() throws Exception {
    String parent = newFolderUrl();
    String a = childContainerUrl(parent, "A");
    childContainerUrl(parent, "B");

    HttpResponse<byte[]> response = wopi.post(a, "RENAME_CONTAINER", "X-WOPI-RequestedName", "b");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(wopi.json(a, "").get("Name").asText()).isEqualTo("A");
  }

  @Test
  void renameContainer_illegalOrMissingName_isBadRequestWithReason() throws Exception {
    String child = childContainerUrl(newFolderUrl(), "C");

    HttpResponse<byte[]> illegal =
        wopi.post(child, "RENAME_CONTAINER", "X-WOPI-RequestedName", "a|b");
    HttpResponse<byte[]> missing = wopi.post(child, "RENAME_CONTAINER");

    assertThat(illegal.statusCode()).isEqualTo(400);
    assertThat(header(illegal, "X-WOPI-InvalidContainerNameError")).contains("'|'");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(header(missing, "X-WOPI-InvalidContainerNameError")).isNotEmpty();
  }

  @Test
  void enumerateChildren_filterList_filtersFilesOnlyIgnoringCase() throws Exception {
    String url = newFolderUrl();
    childContainerUrl(url, "sub.docx.d");
    for (String name : List.of("b.DOCX", "a.xlsx", "c.txt", "noext")) {
      createdFile(url, name);
    }

    JsonNode all = wopi.json(url, "/children");
    HttpResponse<byte[]> filtered =
        wopi.get(url, "/children", "X-WOPI-FileExtensionFilterList", ".docx,.XLSX");

    assertThat(names(all.get("ChildFiles"))).containsExactly("a.xlsx", "b.DOCX", "c.txt", "noext");
    assertThat(names(json(filtered).get("ChildFiles"))).containsExactly("a.xlsx", "b.DOCX");
    assertThat(names(json(filtered).get("ChildContainers"))).containsExactly("sub.docx.d");
  }

  @Test
  void enumerateChildren_childFile_carriesSizeVersionTimeAndAWorkingUrl() throws Exception {
    ContainerRecord folder = wopi.newFolder(ALICE);
    String url = wopi.containerUrl(folder.id(), ALICE);
    HttpResponse<byte[]> created =
        wopi.post(url, "CREATE_CHILD_FILE", "X-WOPI-RelativeTarget", "Notes.docx");
    assertThat(created.statusCode()).isEqualTo(200);

    JsonNode child = wopi.json(url, "/children").get("ChildFiles").get(0);

    assertThat(child.get("Name").asText()).isEqualTo("Notes.docx");
    assertThat(child.get("Size").asLong()).isZero();
    JsonNode info = wopi.json(child.get("Url").asText(), "");
    assertThat(child.get("Version").asText()).isEqualTo(info.get("Version").asText());
    assertThat(child.get("LastModifiedTime").asText())
        .isEqualTo(info.get("LastModifiedTime").asText());
    assertThat(wopi.grantIn(child.get("Url").asText()).expiresAt())
        .isEqualTo(wopi.grantIn(url).expiresAt());
  }

  @Test
  void enumerateAncestors_nestedContainer_listsRootFirstAndNothingForTheRoot() throws Exception {
    ContainerRecord folder = wopi.newFolder(ALICE);
    String folderUrl = wopi.containerUrl(folder.id(), ALICE);
    String inner = childContainerUrl(folderUrl, "inner");

    JsonNode chain = wopi.json(inner, "/ancestry").get("AncestorsWithRootFirst");
    JsonNode ofRoot =
        wopi.json(wopi.containerUrl(folder.parentId(), ALICE), "/ancestry")
            .get("AncestorsWithRootFirst");

    assertThat(names(chain)).containsExactly(ALICE, folder.name());
    assertThat(wopi.json(chain.get(1).get("Url").asText(), "").get("Name").asText())
        .isEqualTo(folder.name());
    assertThat(ofRoot).isEmpty();
  }

  @Test
  void getEcosystem_container_pointsToAWorkingEcosystem() throws Exception {
    JsonNode pointer = wopi.json(newFolderUrl(), "/ecosystem_pointer");

    JsonNode ecosystem = wopi.json(pointer.get("Url").asText(), "");

    assertThat(ecosystem.get("SupportsContainers").asBoolean()).isTrue();
  }

  @Test
  void containerToken_reachesWhatIsBelowItsContainerOnly() throws Exception {
    ContainerRecord folder = wopi.newFolder(ALICE);
    String folderUrl = wopi.containerUrl(folder.id(), ALICE);
    String inner = childContainerUrl(folderUrl, "inner");
    String innerId = NODE.host().host.urls().containerIdIn(inner).orElseThrow();
    FileRecord below = createdFile(inner, "below.txt");
    FileRecord elsewhere = createdFile(newFolderUrl(), "elsewhere.txt");
    String token = folderUrl.substring(folderUrl.indexOf('?'));
    String sibling = wopi.newFolder(ALICE).id();

    assertThat(wopi.get(NODE.host().host.urls().containerSrc(innerId) + token).statusCode())
        .isEqualTo(200);
    assertThat(wopi.get(NODE.host().wopiSrc(below.id()) + token).statusCode()).isEqualTo(200);
    assertThat(wopi.get(NODE.host().wopiSrc(elsewhere.id()) + token).statusCode()).isEqualTo(401);
    assertThat(wopi.get(NODE.host().host.urls().containerSrc(sibling) + token).statusCode())
        .isEqualTo(401);
    assertThat(wopi.get(NODE.host().host.urls().containerSrc(folder.parentId()) + token)
        .statusCode()).isEqualTo(401);
    assertThat(wopi.get(NODE.host().wopiSrc(Ids.newId()) + token).statusCode()).isEqualTo(401);
  }

  @Test
  void containerEndpoint_fileTokenMissingContainerOrExpiredToken_areRefused() throws Exception {
    WopiClient file = NODE.host().newFile("a.txt", new byte[] {1});
    String rootId =
        NODE.host().host.catalog().findFile(file.fileId()).orElseThrow().containerId();
    String fileToken = NODE.host().host.urls().containerSrc(rootId) + "?access_token="
        + file.token();
    String missing = Ids.newId();

    assertThat(wopi.get(fileToken).statusCode()).isEqualTo(401);
    assertThat(wopi.get(wopi.containerUrl(missing, ALICE)).statusCode()).isEqualTo(404);
    assertThat(wopi.get(NODE.host().host.urls().containerSrc(rootId)).statusCode())
        .isEqualTo(401);
    assertThat(wopi.post(newFolderUrl(), "NO_SUCH_OPERATION").statusCode()).isEqualTo(501);
  }

  @Test
  void containerEndpoint_expiredToken_isUnauthorized() throws Exception {
    String id = wopi.newFolder(ALICE).id();
    String expired =
        wopi.urlWithToken(
            NODE.host().host.urls().containerSrc(id),
            new AccessToken(
                ALICE,
                Scope.container(id),
                EnumSet.allOf(Permission.class),
                NODE.host().clock.instant()));

    assertThat(wopi.get(expired).statusCode()).isEqualTo(401);
    assertThat(wopi.get(wopi.containerUrl(id, ALICE)).statusCode()).isEqualTo(200);
  }

  private FileRecord createdFile(String containerUrl, String name) throws Exception {
    HttpResponse<byte[]> created =
        wopi.post(containerUrl, "CREATE_CHILD_FILE", "X-WOPI-RelativeTarget", name);
    assertThat(created.statusCode()).isEqualTo(200);
    String id = NODE.host().host.urls().fileIdIn(json(created).get("Url").asText()).orElseThrow();
    return NODE.host().host.catalog().findFile(id).orElseThrow();
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.get("Name").asText())
        .toList();
  }
}
