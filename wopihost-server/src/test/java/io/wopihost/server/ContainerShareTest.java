package io.wopihost.server;

import static io.wopihost.server.WopiClient.json;
import static io.wopihost.server.WopiClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.Permission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GetShareUrl for containers over HTTP (WOPI.md §8.7), and the page its URL opens: the shared
 * container's files with download links and its folders, nothing above it.
 */
class ContainerShareTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private final UrlClient wopi = new UrlClient(NODE.host());

  private String folderWithAFile() throws Exception {
    String folder = wopi.containerUrl(wopi.newFolder(TestHost.USER).id(), TestHost.USER);
    String fileUrl =
        json(wopi.post(folder, "CREATE_CHILD_FILE", "X-WOPI-RelativeTarget", "notes & co.txt"))
            .get("Url").asText();
    String token = fileUrl.substring(fileUrl.indexOf("access_token=") + "access_token=".length());
    WopiClient file =
        new WopiClient(NODE.host(), NODE.host().host.urls().fileIdIn(fileUrl).orElseThrow(), token);
    assertThat(file.putFile("hello".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    json(wopi.post(folder, "CREATE_CHILD_CONTAINER", "X-WOPI-RelativeTarget", "sub"));
    return folder;
  }

  private String shareUrl(String container, String type) throws Exception {
    HttpResponse<byte[]> response = wopi.post(container, "GET_SHARE_URL", "X-WOPI-UrlType", type);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).get("ShareUrl").asText();
  }

  @Test
  void getShareUrl_readOnlyAndReadWrite_openAPageListingTheContainer() throws Exception {
    String folder = folderWithAFile();

    for (String type : new String[] {"ReadOnly", "ReadWrite"}) {
      HttpResponse<byte[]> page = wopi.get(shareUrl(folder, type));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(text(page)).contains("notes &amp; co.txt").contains("(5 bytes)").contains("sub/");
    }
  }

  @Test
  void sharedPage_downloadLinkAndFolderLink_work() throws Exception {
    String share = shareUrl(folderWithAFile(), "ReadOnly");
    String page = text(wopi.get(share));
    String base = NODE.host().host.publicUrl().toString();

    String download = base + page.replaceFirst("(?s).*href=\"([^\"]+/files/[^\"]+)\".*", "$1");
    String subfolder = base + page.replaceFirst("(?s).*href=\"([^\"]+/folders/[^\"]+)\".*", "$1");

    HttpResponse<byte[]> file = wopi.get(download);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("notes%20%26%20co.txt");
    assertThat(wopi.get(subfolder).statusCode()).isEqualTo(200);
  }

  @Test
  void sharedPage_somethingOutsideTheContainerOrATamperedLink_isNotFound() throws Exception {
    String share = shareUrl(folderWithAFile(), "ReadOnly");
    WopiClient outside = NODE.host().newFile("outside.txt", new byte[] {1});
    String rootId =
        NODE.host().host.catalog().findFile(outside.fileId()).orElseThrow().containerId();

    assertThat(wopi.get(share + "/files/" + outside.fileId()).statusCode()).isEqualTo(404);
    assertThat(wopi.get(share + "/folders/" + rootId).statusCode()).isEqualTo(404);
    assertThat(wopi.get(share.substring(0, share.length() - 2) + "xx").statusCode())
        .isEqualTo(404);
  }

  @Test
  void getShareUrl_unknownTypeOrReadWriteWithoutWrite_isNotImplemented() throws Exception {
    String id = wopi.newFolder(TestHost.USER).id();
    String readOnly = wopi.containerUrl(id, TestHost.USER, EnumSet.of(Permission.READ));

    assertThat(wopi.post(wopi.containerUrl(id, TestHost.USER), "GET_SHARE_URL",
        "X-WOPI-UrlType", "UnknownType").statusCode()).isEqualTo(501);
    assertThat(wopi.post(readOnly, "GET_SHARE_URL", "X-WOPI-UrlType", "ReadWrite").statusCode())
        .isEqualTo(501);
    assertThat(wopi.post(readOnly, "GET_SHARE_URL").statusCode()).isEqualTo(501);
  }
}
