package io.wopihost.core.wopi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Reading the ids and share tokens back out of the URLs the host hands out. */
class HostUrlsTest {

  private final HostUrls urls = new HostUrls(URI.create("https://files.example.com/base/"));

  @Test
  void fileIdIn_wopiSrcOrHostPage_isTheFileId() {
    assertThat(urls.fileIdIn(urls.wopiSrc("F1"))).contains("F1");
    assertThat(urls.fileIdIn(HostUrls.withToken(urls.wopiSrc("F1"), "t"))).contains("F1");
    assertThat(urls.fileIdIn(urls.wopiSrc("F1") + "/contents?access_token=t")).contains("F1");
    assertThat(urls.fileIdIn(urls.hostPage("F2", "edit"))).contains("F2");
    assertThat(urls.fileIdIn(urls.hostPage("F3", "view"))).contains("F3");
  }

  @Test
  void fileIdIn_otherHostOrShapeOrEmptyId_isEmpty() {
    assertThat(urls.fileIdIn("https://other.example.com/base/wopi/files/F1")).isEmpty();
    assertThat(urls.fileIdIn("https://files.example.com/wopi/files/F1")).isEmpty();
    assertThat(urls.fileIdIn(urls.containerSrc("C1"))).isEmpty();
    assertThat(urls.fileIdIn(urls.base() + "/wopi/files/?access_token=t")).isEmpty();
    assertThat(urls.fileIdIn("F1")).isEmpty();
  }

  @Test
  void containerIdInAndShareTokenIn_readTheirOwnShapesOnly() {
    assertThat(urls.containerIdIn(HostUrls.withToken(urls.containerSrc("C1"), "t")))
        .contains("C1");
    assertThat(urls.containerIdIn(urls.wopiSrc("F1"))).isEmpty();
    assertThat(urls.shareLinkIn(urls.shareLink("S1"))).contains("S1");
    assertThat(urls.shareLinkIn(urls.shareLink("S1") + "/content")).contains("S1");
    assertThat(urls.shareLinkIn(urls.sharedContainer("S2"))).isEmpty();
  }
}
