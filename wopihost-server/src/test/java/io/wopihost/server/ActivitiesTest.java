package io.wopihost.server;

import static io.wopihost.server.WopiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.core.model.Activity;
import io.wopihost.core.token.Permission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AddActivities over HTTP: comments (with the people they mention) are stored per file as the
 * editor sent them; other activity types are answered as not supported; what is not a list of
 * activities is refused.
 */
class ActivitiesTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<byte[]> add(WopiClient file, String body) throws Exception {
    return file.override("ADD_ACTIVITIES", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String comment(String id, String extra) {
    return "{\"Type\":\"comment\",\"Id\":\"" + id + "\","
        + "\"Timestamp\":\"2017-03-15T13:47:13000000Z\","
        + "\"Data\":{\"ContentId\":\"c1\",\"ContentAction\":\"created\",\"CommentText\":\"Hé\"}"
        + extra + "}";
  }

  private List<Activity> stored(WopiClient file) {
    return NODE.host().host.catalog().activities(file.fileId());
  }

  @Test
  void addActivities_commentWithMentions_isStoredAsSentAndAnsweredWithStatus0() throws Exception {
    WopiClient file = NODE.host().newFile("a.docx", new byte[] {1});
    String mention =
        ",\"People\":[{\"Name\":\"John Able\",\"Id\":\"111\",\"Mentioned\":true,\"Bonus\":1}],"
            + "\"BonusTopLevel\":\"kept\"";

    HttpResponse<byte[]> response =
        add(file, "{\"Activities\":[" + comment("A-1", mention) + "]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = json(response).get("ActivityResponses");
    assertThat(answer).hasSize(1);
    assertThat(answer.get(0).get("Id").asText()).isEqualTo("A-1");
    assertThat(answer.get(0).get("Status").asInt()).isZero();
    Activity activity = stored(file).get(0);
    assertThat(activity.id()).isEqualTo("A-1");
    assertThat(activity.type()).isEqualTo("comment");
    assertThat(activity.userId()).isEqualTo(TestHost.USER);
    assertThat(JSON.readTree(activity.json()))
        .isEqualTo(JSON.readTree(comment("A-1", mention)));
  }

  @Test
  void addActivities_unknownTypeAndMalformedComment_areAnsweredButNotStored() throws Exception {
    WopiClient file = NODE.host().newFile("b.docx", new byte[] {1});
    String body =
        "{\"Activities\":["
            + comment("ok", "")
            + ",{\"Type\":\"unsupported\",\"Id\":\"odd\"}"
            + ",{\"Type\":\"comment\",\"Id\":\"bad\",\"Data\":{\"ContentAction\":\"created\"}}"
            + ",{\"Type\":\"comment\",\"Id\":\"verb\",\"Data\":{\"ContentId\":\"c\","
            + "\"ContentAction\":\"shouted\"}}]}";

    JsonNode answer = json(add(file, body)).get("ActivityResponses");

    assertThat(answer.findValuesAsText("Id")).containsExactly("ok", "odd", "bad", "verb");
    assertThat(answer.findValues("Status").stream().map(JsonNode::asInt))
        .containsExactly(0, 3, 2, 2);
    assertThat(stored(file)).extracting(Activity::id).containsExactly("ok");
  }

  @Test
  void addActivities_sameIdAgain_isNotStoredTwice() throws Exception {
    WopiClient file = NODE.host().newFile("c.docx", new byte[] {1});

    add(file, "{\"Activities\":[" + comment("X", "") + "," + comment("Y", "") + "]}");
    add(file, "{\"Activities\":[" + comment("X", "") + "," + comment("Z", "") + "]}");

    assertThat(stored(file)).extracting(Activity::id).containsExactly("X", "Y", "Z");
  }

  @Test
  void addActivities_readOnlyToken_mayComment() throws Exception {
    WopiClient file =
        NODE.host().newFile("d.docx", new byte[] {1}).as("reader", EnumSet.of(Permission.READ));

    HttpResponse<byte[]> response = add(file, "{\"Activities\":[" + comment("R", "") + "]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(stored(file)).extracting(Activity::userId).containsExactly("reader");
  }

  @Test
  void addActivities_notJsonOrNotAListOfActivitiesWithIds_isBadRequest() throws Exception {
    WopiClient file = NODE.host().newFile("e.docx", new byte[] {1});

    for (String body :
        List.of(
            "not json",
            "{\"Activities\":[]} trailing",
            "[]",
            "{\"Activities\":{}}",
            "{\"Activities\":[{\"Type\":\"comment\"}]}",
            "{\"Activities\":[7]}")) {
      assertThat(add(file, body).statusCode()).as(body).isEqualTo(400);
    }
    assertThat(stored(file)).isEmpty();
  }

  @Test
  void addActivities_badTokenOrDeletedFile_isRefused() throws Exception {
    WopiClient file = NODE.host().newFile("f.docx", new byte[] {1});
    WopiClient other = NODE.host().newFile("g.docx", new byte[] {1});
    add(file, "{\"Activities\":[" + comment("gone", "") + "]}");

    WopiClient wrongToken = new WopiClient(NODE.host(), file.fileId(), other.token());
    assertThat(add(wrongToken, "{\"Activities\":[]}").statusCode()).isEqualTo(401);
    assertThat(file.deleteFile().statusCode()).isEqualTo(200);

    assertThat(add(file, "{\"Activities\":[]}").statusCode()).isEqualTo(404);
    assertThat(stored(file)).isEmpty();
  }
}
