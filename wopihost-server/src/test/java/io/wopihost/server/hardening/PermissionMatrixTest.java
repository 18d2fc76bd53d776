package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what with a token (issue 8, access control): each right missing from a token refuses
 * its operations with 401 and changes nothing; a token reaches only its own file; share links and
 * expired tokens open nothing on the WOPI endpoints.
 */
final class PermissionMatrixTest {

  private static final byte[] CONTENT = bytes("the plans");

  @TempDir static Path dir;
  private static TestHost host;
  private static int owners;

  @BeforeAll
  static void start() throws Exception {
    host = TestHost.start(dir);
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  private interface Operation {
    int send(WopiClient client) throws Exception;
  }

  /** The writing operations, each with the right it needs; the file holds no lock. */
  private static Map<String, Operation> writes() {
    Map<String, Operation> writes = new LinkedHashMap<>();
    writes.put("PutFile", c -> c.putFile(bytes("evil")).statusCode());
    writes.put("Lock", c -> c.lock("L1").statusCode());
    writes.put("RefreshLock", c -> c.refreshLock("L1").statusCode());
    writes.put("Unlock", c -> c.unlock("L1").statusCode());
    writes.put("RenameFile", c -> c.renameFile("Evil").statusCode());
    writes.put("DeleteFile", c -> c.deleteFile().statusCode());
    return writes;
  }

  private static Set<Permission> rightsNeeded(String operation) {
    return switch (operation) {
      case "RenameFile" -> EnumSet.of(Permission.RENAME);
      case "DeleteFile" -> EnumSet.of(Permission.DELETE);
      default -> EnumSet.of(Permission.WRITE);
    };
  }

  private static WopiClient newFile() throws Exception {
    return host.newFile("Plans.docx", CONTENT, "owner-" + ++owners);
  }

  private static String owner(WopiClient client) {
    return host.host.catalog().findFile(client.fileId()).orElseThrow().ownerId();
  }

  @Test
  void writingOperation_tokenWithoutItsRight_isUnauthorizedAndChangesNothing() throws Exception {
    int cells = 0;
    for (var write : writes().entrySet()) {
      for (Set<Permission> rights :
          List.of(
              EnumSet.of(Permission.READ),
              EnumSet.complementOf(EnumSet.copyOf(rightsNeeded(write.getKey()))))) {
        WopiClient owner = newFile();
        FileState before = FileState.of(host, owner);

        int status = write.getValue().send(owner.as(owner(owner), rights));

        assertThat(status).as(write.getKey() + " with " + rights).isEqualTo(401);
        assertThat(FileState.of(host, owner)).as(write.getKey() + " with " + rights)
            .isEqualTo(before);
        cells++;
      }
    }
    assertThat(cells).isEqualTo(12);
  }

  @Test
  void readOnlyToken_readingOperations_succeed() throws Exception {
    WopiClient owner = newFile();
    WopiClient reader = owner.as(owner(owner), EnumSet.of(Permission.READ));

    assertThat(reader.content()).isEqualTo(CONTENT);
    assertThat(reader.fileInfo().get("UserCanWrite").asBoolean()).isFalse();
  }

  @Test
  void anyOperation_tokenOfAnotherFile_isUnauthorizedAndChangesNothing() throws Exception {
    WopiClient victim = newFile();
    WopiClient other = newFile();
    WopiClient attacker = new WopiClient(host, victim.fileId(), other.token());
    FileState before = FileState.of(host, victim);

    assertThat(attacker.checkFileInfo().statusCode()).isEqualTo(401);
    assertThat(attacker.getFile().statusCode()).isEqualTo(401);
    for (var write : writes().entrySet()) {
      assertThat(write.getValue().send(attacker)).as(write.getKey()).isEqualTo(401);
    }
    assertThat(FileState.of(host, victim)).isEqualTo(before);
  }

  @Test
  void containerEndpoint_tokenOfAnotherUsersContainer_isUnauthorized() throws Exception {
    WopiClient mine = newFile();
    WopiClient theirs = newFile();
    String theirContainer =
        host.host.catalog().findFile(theirs.fileId()).orElseThrow().containerId();
    String myContainer = host.host.catalog().findFile(mine.fileId()).orElseThrow().containerId();
    String myContainerToken =
        host.host
            .tokens()
            .issue(
                new AccessToken(
                    owner(mine),
                    Scope.container(myContainer),
                    EnumSet.allOf(Permission.class),
                    host.clock.instant().plus(Duration.ofHours(1))));

    assertThat(getContainer(myContainer, myContainerToken)).isEqualTo(200);
    assertThat(getContainer(theirContainer, myContainerToken)).isEqualTo(401);
    assertThat(getContainer(theirContainer, mine.token())).isEqualTo(401);
  }

  @Test
  void wopiEndpoints_shareLinkInsteadOfToken_areUnauthorized() throws Exception {
    WopiClient owner = newFile();
    String shareUrl =
        WopiClient.json(owner.override("GET_SHARE_URL", null, "X-WOPI-UrlType", "ReadWrite"))
            .get("ShareUrl")
            .asText();
    WopiClient withShare =
        new WopiClient(host, owner.fileId(), shareUrl.substring(shareUrl.lastIndexOf('/') + 1));
    FileState before = FileState.of(host, owner);

    assertThat(withShare.checkFileInfo().statusCode()).isEqualTo(401);
    assertThat(withShare.getFile().statusCode()).isEqualTo(401);
    assertThat(withShare.putFile(bytes("evil")).statusCode()).isEqualTo(401);
    assertThat(FileState.of(host, owner)).isEqualTo(before);
  }

  @Test
  void anyOperation_expiredToken_isUnauthorizedAndChangesNothing() throws Exception {
    WopiClient owner = newFile();
    String shortLived =
        host.host
            .tokens()
            .issue(
                new AccessToken(
                    owner(owner),
                    Scope.file(owner.fileId()),
                    EnumSet.allOf(Permission.class),
                    host.clock.instant().plus(Duration.ofMinutes(1))));
    WopiClient expired = new WopiClient(host, owner.fileId(), shortLived);
    assertThat(expired.checkFileInfo().statusCode()).isEqualTo(200);
    FileState before = FileState.of(host, owner);

    host.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

    assertThat(expired.checkFileInfo().statusCode()).isEqualTo(401);
    for (var write : writes().entrySet()) {
      assertThat(write.getValue().send(expired)).as(write.getKey()).isEqualTo(401);
    }
    assertThat(FileState.of(host, owner)).isEqualTo(before);
  }

  private static int getContainer(String containerId, String token) throws Exception {
    return host.send(
            "GET",
            URI.create(
                host.host.urls().containerSrc(containerId)
                    + "?access_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)),
            null)
        .statusCode();
  }
}
