package io.wopihost.server;

import static io.wopihost.server.WopiClient.bytes;
import static io.wopihost.server.WopiClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.token.Permission;
import io.wopihost.testkit.Race;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PutFile over HTTP: its row of the lock table (WOPI.md §6, §7.8), what a save answers, the size
 * limit, and the Collabora/ONLYOFFICE timestamp check.
 */
class PutFileTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] ORIGINAL = bytes("the original content");
  private static final byte[] EDITED = bytes("the edited content, a little longer");

  private static WopiClient lockedFile(String lockId) throws Exception {
    // Times with fraction digits down to the nanosecond, which the echoed LastModifiedTime of the
    // timestamp check must survive.
    NODE.host().clock.advance(Duration.ofNanos(123_456_789));
    WopiClient client = NODE.newFile("Budget.xlsx", ORIGINAL);
    assertThat(client.lock(lockId).statusCode()).isEqualTo(200);
    // Saves happen later than the upload; LastModifiedTime must then move.
    NODE.host().clock.advance(Duration.ofSeconds(7));
    return client;
  }

  private static void assertUnchanged(WopiClient client, String version) throws Exception {
    assertThat(client.content()).isEqualTo(ORIGINAL);
    assertThat(client.fileInfo().get("Version").asText()).isEqualTo(version);
  }

  @Test
  void putFile_lockedWithPresentedId_storesExactBytesAndNewVersion() throws Exception {
    WopiClient client = lockedFile("L1");
    JsonNode before = client.fileInfo();

    HttpResponse<byte[]> response = client.putFile(EDITED, "X-WOPI-Lock", "L1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode after = client.fileInfo();
    assertThat(client.content()).isEqualTo(EDITED);
    assertThat(after.get("Version").asText()).isNotEqualTo(before.get("Version").asText());
    assertThat(after.get("Size").asLong()).isEqualTo(EDITED.length);
    assertThat(header(response, "X-WOPI-ItemVersion")).isEqualTo(after.get("Version").asText());
    assertThat(header(response, "X-WOPI-Lock")).isNull();
    assertThat(WopiClient.json(response).get("LastModifiedTime").asText())
        .isEqualTo(after.get("LastModifiedTime").asText())
        .isNotEqualTo(before.get("LastModifiedTime").asText());
  }

  @Test
  void putFile_lockedWithAnotherId_conflictsWithCurrentLockAndWritesNothing() throws Exception {
    WopiClient client = lockedFile("L1");
    String version = client.fileInfo().get("Version").asText();

    HttpResponse<byte[]> response = client.putFile(EDITED, "X-WOPI-Lock", "L2");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    assertUnchanged(client, version);
  }

  @Test
  void putFile_lockedAndHeaderAbsent_conflictsWithCurrentLock() throws Exception {
    WopiClient client = lockedFile("L1");
    String version = client.fileInfo().get("Version").asText();

    HttpResponse<byte[]> response = client.putFile(EDITED);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    assertUnchanged(client, version);
  }

  @Test
  void putFile_unlockedNonEmptyFile_conflictsWithEmptyLock() throws Exception {
    WopiClient client = NODE.newFile("Budget.xlsx", ORIGINAL);
    String version = client.fileInfo().get("Version").asText();

    HttpResponse<byte[]> withLock = client.putFile(EDITED, "X-WOPI-Lock", "L1");
    HttpResponse<byte[]> without = client.putFile(EDITED);

    for (HttpResponse<byte[]> response : List.of(withLock, without)) {
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.headers().firstValue("X-WOPI-Lock")).hasValue("");
    }
    assertUnchanged(client, version);
  }

  @Test
  void putFile_unlockedEmptyFile_acceptsTheFirstWrite() throws Exception {
    WopiClient client = NODE.newFile("New.docx", new byte[0]);

    HttpResponse<byte[]> response = client.putFile(EDITED);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.content()).isEqualTo(EDITED);
    assertThat(client.fileInfo().get("Size").asLong()).isEqualTo(EDITED.length);
  }

  @Test
  void putFile_racingSavesWithTheSameLock_allSucceedInSomeOrder() throws Exception {
    WopiClient client = lockedFile("co-editing");
    long before = client.fileInfo().get("Version").asLong();
    int savers = 8;

    List<HttpResponse<byte[]>> responses =
        Race.run(
            savers, i -> () -> client.putFile(bytes("save " + i), "X-WOPI-Lock", "co-editing"));

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(responses.stream().map(r -> header(r, "X-WOPI-ItemVersion")).distinct())
        .hasSize(savers);
    JsonNode after = client.fileInfo();
    String newest = String.valueOf(before + savers);
    assertThat(after.get("Version").asText()).isEqualTo(newest);
    int last =
        responses.stream().map(r -> header(r, "X-WOPI-ItemVersion")).toList().indexOf(newest);
    assertThat(client.content()).isEqualTo(bytes("save " + last));
  }

  @Test
  void putFile_racingSavesFromTheSameLoadedTimestamp_onlyOneOverwritesIt() throws Exception {
    WopiClient client = lockedFile("co-editing");
    String loaded = client.fileInfo().get("LastModifiedTime").asText();
    int savers = 8;

    List<HttpResponse<byte[]>> responses =
        Race.run(
            savers,
            i ->
                () ->
                    client.putFile(
                        bytes("save " + i),
                        "X-WOPI-Lock",
                        "co-editing",
                        "X-COOL-WOPI-Timestamp",
                        loaded));

    List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.statusCode() == 409))
        .allSatisfy(
            r -> assertThat(WopiClient.json(r).get("COOLStatusCode").asInt()).isEqualTo(1010));
    assertThat(client.content()).isEqualTo(bytes("save " + statuses.indexOf(200)));
  }

  @Test
  void putFile_emptyFileLockedByAnother_conflictsWithCurrentLock() throws Exception {
    WopiClient client = NODE.newFile("New.docx", new byte[0]);
    client.lock("L1");

    HttpResponse<byte[]> response = client.putFile(EDITED);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(header(response, "X-WOPI-Lock")).isEqualTo("L1");
    assertThat(client.content()).isEmpty();
  }

  @Test
  void putFile_afterTheLockExpired_conflictsWithEmptyLock() throws Exception {
    WopiClient client = lockedFile("L1");
    String version = client.fileInfo().get("Version").asText();
    NODE.host().clock.advance(Duration.ofMinutes(30));

    HttpResponse<byte[]> response = client.putFile(EDITED, "X-WOPI-Lock", "L1");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("X-WOPI-Lock")).hasValue("");
    assertUnchanged(client, version);
  }

  @Test
  void putFile_withEditors_isAccepted() throws Exception {
    WopiClient client = lockedFile("L1");

    HttpResponse<byte[]> response =
        client.putFile(EDITED, "X-WOPI-Lock", "L1", "X-WOPI-Editors", "alice,bob");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.content()).isEqualTo(EDITED);
  }

  @Test
  void putFile_readOnlyToken_isUnauthorizedAndWritesNothing() throws Exception {
    WopiClient client = lockedFile("L1");
    String version = client.fileInfo().get("Version").asText();
    WopiClient reader = client.as(TestHost.USER, EnumSet.of(Permission.READ));

    HttpResponse<byte[]> response = reader.putFile(EDITED, "X-WOPI-Lock", "L1");

    assertThat(response.statusCode()).isEqualTo(401);
    assertUnchanged(client, version);
  }

  @Test
  void putFile_emptyBody_storesAnEmptyFile() throws Exception {
    WopiClient client = lockedFile("L1");

    assertThat(client.putFile(new byte[0], "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);

    assertThat(client.content()).isEmpty();
    assertThat(client.fileInfo().get("Size").asLong()).isZero();
  }

  // Collabora and ONLYOFFICE: the timestamp the editor loaded must still be the file's.

  @Test
  void putFile_coolTimestampEqualToLastModifiedTime_saves() throws Exception {
    WopiClient client = lockedFile("L1");
    String loaded = client.fileInfo().get("LastModifiedTime").asText();

    HttpResponse<byte[]> response =
        client.putFile(EDITED, "X-WOPI-Lock", "L1", "X-COOL-WOPI-Timestamp", loaded);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.content()).isEqualTo(EDITED);
  }

  @Test
  void putFile_coolTimestampDifferent_conflictsWithStatusCode1010AndWritesNothing()
      throws Exception {
    assertStaleTimestampRefused("X-COOL-WOPI-Timestamp");
  }

  @Test
  void putFile_loolTimestampEqualToLastModifiedTime_saves() throws Exception {
    WopiClient client = lockedFile("L1");
    String loaded = client.fileInfo().get("LastModifiedTime").asText();

    HttpResponse<byte[]> response =
        client.putFile(EDITED, "X-WOPI-Lock", "L1", "X-LOOL-WOPI-Timestamp", loaded);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.content()).isEqualTo(EDITED);
  }

  @Test
  void putFile_loolTimestampDifferent_conflictsWithStatusCode1010AndWritesNothing()
      throws Exception {
    assertStaleTimestampRefused("X-LOOL-WOPI-Timestamp");
  }

  private static void assertStaleTimestampRefused(String header) throws Exception {
    WopiClient client = lockedFile("L1");
    JsonNode info = client.fileInfo();
    Instant loaded = Instant.parse(info.get("LastModifiedTime").asText());
    String stale = loaded.minusSeconds(60).toString();

    HttpResponse<byte[]> response = client.putFile(EDITED, "X-WOPI-Lock", "L1", header, stale);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(WopiClient.json(response).get("COOLStatusCode").asInt()).isEqualTo(1010);
    assertUnchanged(client, info.get("Version").asText());
  }

  @Test
  void putFile_timestampAfterAnotherSave_conflicts() throws Exception {
    WopiClient client = lockedFile("L1");
    String loaded = client.fileInfo().get("LastModifiedTime").asText();
    assertThat(client.putFile(EDITED, "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    NODE.host().clock.advance(Duration.ofSeconds(3));

    HttpResponse<byte[]> response =
        client.putFile(ORIGINAL, "X-WOPI-Lock", "L1", "X-COOL-WOPI-Timestamp", loaded);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(client.content()).isEqualTo(EDITED);
  }

  @Test
  void putFile_timestampAbsent_saves() throws Exception {
    WopiClient client = lockedFile("L1");

    assertThat(client.putFile(EDITED, "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    assertThat(client.content()).isEqualTo(EDITED);
  }

  // Size limit

  @Test
  void putFile_contentLengthOverTheLimit_isTooLargeAndStoresNothing(@TempDir Path dir)
      throws Exception {
    try (TestHost small = TestHost.start(dir, Map.of("max-file-size", "1KiB"))) {
      WopiClient client = small.newFile("Small.docx", ORIGINAL);
      client.lock("L1");
      String version = client.fileInfo().get("Version").asText();
      long blobs = small.blobFileCount();

      HttpResponse<byte[]> response = client.putFile(new byte[1025], "X-WOPI-Lock", "L1");

      assertThat(response.statusCode()).isEqualTo(413);
      assertUnchanged(client, version);
      assertThat(small.blobFileCount()).isEqualTo(blobs);
      assertThat(client.putFile(new byte[1024], "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void putFile_largeContentLengthOverTheLimit_isTooLargeWithoutReadingTheBody(@TempDir Path dir)
      throws Exception {
    try (TestHost small = TestHost.start(dir, Map.of("max-file-size", "1KiB"))) {
      WopiClient client = small.newFile("Small.docx", ORIGINAL);
      client.lock("L1");
      String version = client.fileInfo().get("Version").asText();

      HttpResponse<byte[]> response =
          client.putFile(new byte[16 * 1024 * 1024], "X-WOPI-Lock", "L1");

      assertThat(response.statusCode()).isEqualTo(413);
      assertUnchanged(client, version);
    }
  }

  @Test
  void putFile_chunkedBodyOverTheLimit_isTooLargeAndStoresNothing(@TempDir Path dir)
      throws Exception {
    try (TestHost small = TestHost.start(dir, Map.of("max-file-size", "1KiB"))) {
      WopiClient client = small.newFile("Small.docx", ORIGINAL);
      client.lock("L1");
      String version = client.fileInfo().get("Version").asText();
      long blobs = small.blobFileCount();

      HttpResponse<byte[]> response =
          small.sendBody(
              "POST",
              client.uri("/contents"),
              HttpRequest.BodyPublishers.ofInputStream(
                  () -> new ByteArrayInputStream(new byte[64 * 1024])),
              "X-WOPI-Override",
              "PUT",
              "X-WOPI-Lock",
              "L1");

      assertThat(response.statusCode()).isEqualTo(413);
      assertUnchanged(client, version);
      assertThat(small.blobFileCount()).isEqualTo(blobs);
    }
  }

  @Test
  void putFile_bodyShorterThanItsContentLength_isBadRequestAndStoresNothing() throws Exception {
    WopiClient client = lockedFile("L1");
    String version = client.fileInfo().get("Version").asText();
    long blobs = NODE.host().blobFileCount();

    int status =
        client.postRaw(
            "/contents",
            ("X-WOPI-Override: PUT\r\nX-WOPI-Lock: L1\r\nContent-Length: 1000\r\n\r\n"
                    + "only a part of the body")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(status).isEqualTo(400);
    assertUnchanged(client, version);
    assertThat(NODE.host().blobFileCount()).isEqualTo(blobs);
  }

  @Test
  void putFile_chunkedBodyWithinTheLimit_isStored() throws Exception {
    WopiClient client = lockedFile("L1");

    HttpResponse<byte[]> response =
        NODE.host()
            .sendBody(
                "POST",
                client.uri("/contents"),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(EDITED)),
                "X-WOPI-Override",
                "PUT",
                "X-WOPI-Lock",
                "L1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.content()).isEqualTo(EDITED);
  }
}
