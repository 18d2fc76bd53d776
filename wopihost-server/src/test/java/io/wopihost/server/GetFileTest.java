package io.wopihost.server;

import static io.wopihost.server.WopiClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GetFile over HTTP (WOPI.md §7.2): the exact bytes, the version, X-WOPI-MaxExpectedSize. */
class GetFileTest {

  @RegisterExtension static final SharedTestHost NODE = new SharedTestHost();

  private static final byte[] CONTENT = new byte[300_000];

  static {
    // Every byte value, and more than one copy buffer's worth.
    new Random(42).nextBytes(CONTENT);
  }

  @Test
  void getFile_returnsTheExactBytesAndTheVersion() throws Exception {
    WopiClient client = NODE.newFile("Binary.pptx", CONTENT);

    HttpResponse<byte[]> response = client.getFile();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(CONTENT);
    assertThat(header(response, "X-WOPI-ItemVersion"))
        .isNotBlank()
        .isEqualTo(client.fileInfo().get("Version").asText());
  }

  @Test
  void getFile_emptyFile_returnsNoBytes() throws Exception {
    WopiClient client = NODE.newFile("Blank.docx", new byte[0]);

    HttpResponse<byte[]> response = client.getFile();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void getFile_maxExpectedSizeSmallerThanTheFile_isPreconditionFailed() throws Exception {
    WopiClient client = NODE.newFile("Binary.pptx", CONTENT);

    HttpResponse<byte[]> response =
        client.getFile("X-WOPI-MaxExpectedSize", String.valueOf(CONTENT.length - 1));

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.body()).hasSizeLessThan(CONTENT.length);
  }

  @Test
  void getFile_maxExpectedSizeEqualToTheFile_returnsIt() throws Exception {
    WopiClient client = NODE.newFile("Binary.pptx", CONTENT);

    HttpResponse<byte[]> response =
        client.getFile("X-WOPI-MaxExpectedSize", String.valueOf(CONTENT.length));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(CONTENT);
  }

  @Test
  void getFile_maxExpectedSizeNotANumber_isBadRequest() throws Exception {
    WopiClient client = NODE.newFile("Binary.pptx", CONTENT);

    for (String value : new String[] {"lots", "1.5", "99999999999999999999999", ""}) {
      HttpResponse<byte[]> response = client.getFile("X-WOPI-MaxExpectedSize", value);
      assertThat(response.statusCode()).as("'%s'", value).isEqualTo(400);
    }
  }

  @Test
  void getFile_afterPutFile_returnsTheNewBytesAndVersion() throws Exception {
    WopiClient client = NODE.newFile("Binary.pptx", CONTENT);
    byte[] edited = new byte[] {1, 2, 3};
    client.lock("L1");
    HttpResponse<byte[]> put = client.putFile(edited, "X-WOPI-Lock", "L1");

    HttpResponse<byte[]> response = client.getFile();

    assertThat(response.body()).isEqualTo(edited);
    assertThat(header(response, "X-WOPI-ItemVersion")).isEqualTo(header(put, "X-WOPI-ItemVersion"));
  }
}
