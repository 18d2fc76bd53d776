package io.wopihost.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling urlsrc templates: placeholders by their name, WOPISrc always, the token never. */
class ActionUrlTest {

  private static final String WOPI_SRC = "https://files.example.com/wopi/files/abc";
  private static final String ENCODED_SRC = "https%3A%2F%2Ffiles.example.com%2Fwopi%2Ffiles%2Fabc";

  @Test
  void build_onlyofficeTemplate_fillsKnownPlaceholdersAndDropsTheRest() {
    String template =
        "https://oo/hosting/wopi/word/edit?<rs=DC_LLCC&><dchat=DISABLE_CHAT&><hid=HOST_SESSION_ID&>"
            + "<sc=SESSION_CONTEXT&><ui=UI_LLCC&><wopisrc=WOPI_SOURCE&>&";

    String url =
        ActionUrl.build(
            template, WOPI_SRC, Map.of(ActionUrl.UI_LLCC, "de-DE", ActionUrl.DC_LLCC, "de-DE"),
            Map.of());

    assertThat(url)
        .isEqualTo("https://oo/hosting/wopi/word/edit?rs=de-DE&ui=de-DE&wopisrc=" + ENCODED_SRC);
  }

  @Test
  void build_microsoftTemplate_matchesOnThePlaceholderNotTheParameterName() {
    String template =
        "https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?<ui=UI_LLCC&><rs=DC_LLCC&>"
            + "<wopisrc=WOPI_SOURCE&><IsLicensedUser=BUSINESS_USER&>";

    String url =
        ActionUrl.build(template, WOPI_SRC, Map.of(ActionUrl.UI_LLCC, "fr-FR"), Map.of());

    assertThat(url)
        .isEqualTo(
            "https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?ui=fr-FR&wopisrc="
                + ENCODED_SRC);
  }

  @Test
  void build_collaboraTemplateWithoutPlaceholders_appendsWopiSrcAndExtras() {
    String url =
        ActionUrl.build(
            "https://cool:9980/browser/abc/cool.html?", WOPI_SRC, Map.of(),
            Map.of("lang", "en-US"));

    assertThat(url)
        .isEqualTo("https://cool:9980/browser/abc/cool.html?WOPISrc=" + ENCODED_SRC + "&lang=en-US");
  }

  @Test
  void build_templateWithoutQuery_startsOne() {
    assertThat(ActionUrl.build("https://e/view", WOPI_SRC, Map.of(), Map.of()))
        .isEqualTo("https://e/view?WOPISrc=" + ENCODED_SRC);
  }

  @Test
  void build_valuesNeedingEncoding_arePercentEncoded() {
    String url =
        ActionUrl.build(
            "https://e/v?<sc=SESSION_CONTEXT&><wopisrc=WOPI_SOURCE>", WOPI_SRC,
            Map.of("SESSION_CONTEXT", "a b&c=d"), Map.of());

    assertThat(url).isEqualTo("https://e/v?sc=a%20b%26c%3Dd&wopisrc=" + ENCODED_SRC);
  }
}
