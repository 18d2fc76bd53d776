package io.wopihost.server.web;

import static io.wopihost.server.web.WebClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.User;
import io.wopihost.server.TestHost;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving files and folders in the web UI: the forms, their answers, and who may move what. */
class MoveTest {

  @TempDir Path dir;
  private TestHost host;
  private WebClient alice;
  private String root;

  @BeforeEach
  void start() throws Exception {
    host = TestHost.start(dir, Map.of("password-hash-cost", "4"));
    host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
    host.host.users().tryAdd(new User("bob", "Bob"), "bob-password".toCharArray());
    alice = new WebClient(host);
    alice.signIn("alice", "alice-password");
    root = host.host.catalog().rootContainer("alice", Ids.newId()).id();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private ContainerRecord folder(String parentId, String name) {
    return host.host.catalog().tryCreateContainer(Ids.newId(), parentId, name).orElseThrow();
  }

  private String file(String name) throws Exception {
    return host.importFile(name, name.getBytes(StandardCharsets.UTF_8), "alice");
  }

  @Test
  void moveFile_toAFolderOfferedOnItsPage_landsThereAndIsAudited() throws Exception {
    ContainerRecord archive = folder(root, "Archive");
    String id = file("Plan.docx");
    String page = text(alice.get("/file/" + id));
    assertThat(page).contains("action=\"/file/" + id + "/move\"")
        .contains("<option value=\"" + archive.id() + "\">/Archive/</option>");

    HttpResponse<byte[]> moved =
        alice.post("/file/" + id + "/move", "target", archive.id(), "csrf", alice.csrf());

    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(moved.headers().firstValue("Location")).hasValue("/files/" + archive.id());
    assertThat(host.host.catalog().findFile(id).orElseThrow().containerId())
        .isEqualTo(archive.id());
    assertThat(text(alice.get("/files/" + archive.id()))).contains("Plan.docx");
    assertThat(host.host.events().auditOfFile(id, 10))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("moved"));
  }

  @Test
  void moveFile_nameTakenInTheTarget_is409WithTheReason_andNothingMoves() throws Exception {
    ContainerRecord archive = folder(root, "Archive");
    String archived = file("Plan.docx");
    assertThat(host.host.catalog().tryMoveFile(archived, archive.id()).name()).isEqualTo("MOVED");
    String id = file("PLAN.docx");

    HttpResponse<byte[]> clash = alice.post("/file/" + id + "/move", "target", archive.id(),
        "csrf", alice.csrf());

    assertThat(clash.statusCode()).isEqualTo(409);
    assertThat(text(clash)).contains("already holds a file named &quot;PLAN.docx&quot;");
    assertThat(host.host.catalog().findFile(id).orElseThrow().containerId()).isEqualTo(root);
  }

  @Test
  void moveFolder_intoAFolderBelowIt_is409_intoASibling_movesItsContents() throws Exception {
    ContainerRecord a = folder(root, "A");
    ContainerRecord inner = folder(a.id(), "Inner");
    ContainerRecord b = folder(root, "B");
    String page = text(alice.get("/files/" + a.id()));
    assertThat(page).contains("action=\"/files/" + a.id() + "/move\"")
        .contains("<option value=\"" + b.id() + "\">/B/</option>")
        .doesNotContain("<option value=\"" + inner.id() + "\"");

    HttpResponse<byte[]> cycle =
        alice.post("/files/" + a.id() + "/move", "target", inner.id(), "csrf", alice.csrf());
    HttpResponse<byte[]> moved =
        alice.post("/files/" + a.id() + "/move", "target", b.id(), "csrf", alice.csrf());

    assertThat(cycle.statusCode()).isEqualTo(409);
    assertThat(text(cycle)).contains("cannot move into itself");
    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(host.host.catalog().ancestry(inner.id(), 10).stream().map(ContainerRecord::id))
        .containsExactly(root, b.id(), a.id(), inner.id());
  }

  @Test
  void move_withoutTheCsrfToken_orOfAnotherUsersFile_isRefused() throws Exception {
    ContainerRecord archive = folder(root, "Archive");
    String id = file("Plan.docx");
    var bob = new WebClient(host);
    bob.signIn("bob", "bob-password");
    String bobsRoot = host.host.catalog().rootContainer("bob", Ids.newId()).id();

    HttpResponse<byte[]> noCsrf = alice.post("/file/" + id + "/move", "target", archive.id());
    HttpResponse<byte[]> byBob =
        bob.post("/file/" + id + "/move", "target", bobsRoot, "csrf", bob.csrf());
    HttpResponse<byte[]> intoBobs =
        alice.post("/file/" + id + "/move", "target", bobsRoot, "csrf", alice.csrf());

    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(byBob.statusCode()).isEqualTo(404);
    assertThat(intoBobs.statusCode()).isEqualTo(404);
    assertThat(host.host.catalog().findFile(id).orElseThrow().containerId()).isEqualTo(root);
  }
}
