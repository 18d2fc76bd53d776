package io.wopihost.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf7Test {

  @Test
  void decode_validatorUnderscoreInRun_returnsName() {
    assertThat(Utf7.decode("madeup+AF8-name.wopitestx")).isEqualTo("madeup_name.wopitestx");
  }

  @Test
  void decode_plainAsciiName_returnsItUnchanged() {
    assertThat(Utf7.decode("ValidatorTestFile.wopitest")).isEqualTo("ValidatorTestFile.wopitest");
  }

  @Test
  void decode_npmStyleEncodedSpaces_returnsSpaces() {
    assertThat(Utf7.decode("My+ACA-Report+ACA-2024.docx")).isEqualTo("My Report 2024.docx");
  }

  @Test
  void decode_glibcRunEndedByDot_returnsName() {
    assertThat(Utf7.decode("+ZeVnLIqe.docx")).isEqualTo("日本語.docx");
  }

  @Test
  void decode_runAtEndWithoutDash_returnsName() {
    assertThat(Utf7.decode("caf+AOk")).isEqualTo("café");
  }

  @Test
  void decode_plusDash_returnsLiteralPlus() {
    assertThat(Utf7.decode("1+-1=2+-")).isEqualTo("1+1=2+");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A+ImIDkQ.|A\u2262\u0391.",
        "Hi Mom -+Jjo--!|Hi Mom -\u263A-!",
        "+ZeVnLIqe-|日本語",
      })
  void decode_rfc2152Examples_returnsText(String encoded, String text) {
    assertThat(Utf7.decode(encoded)).isEqualTo(text);
  }

  @Test
  void decode_dashAfterRunEndedByDash_keepsSecondDash() {
    assertThat(Utf7.decode("caf+AOk--x")).isEqualTo("café-x");
  }

  @Test
  void decode_runEndedByOtherCharacter_keepsThatCharacter() {
    assertThat(Utf7.decode("+AOk_+AOk!+AOk~")).isEqualTo("é_é!é~");
  }

  @Test
  void decode_emojiName_returnsSupplementaryCharacter() {
    assertThat(Utf7.decode("+2D3eAA-.docx")).isEqualTo("😀.docx");
  }

  @Test
  void decode_surrogatePairSplitAcrossAdjacentRuns_joinsPair() {
    assertThat(Utf7.decode("+2D0-+3gA-")).isEqualTo("😀");
  }

  @Test
  void decode_optionalDirectCharactersOutsideRuns_takesThemAsIs() {
    assertThat(Utf7.decode("a_b!c\"d#$%&*;<=>@[]^`{|}\\~"))
        .isEqualTo("a_b!c\"d#$%&*;<=>@[]^`{|}\\~");
  }

  @Test
  void decode_emptyString_returnsEmpty() {
    assertThat(Utf7.decode("")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+AOl-|non-zero padding bits",
        "+AAAA-|incomplete character",
        "+A-|incomplete character",
        "a+|neither '-' nor a base64 character",
        "a+ b|neither '-' nor a base64 character",
        "+2D0-|unpaired surrogate U+D83D",
        "+3gA-x|unpaired surrogate U+DE00",
        "+2D0-x+3gA-|unpaired surrogate U+D83D",
        "+3gDYPQ-|unpaired surrogate U+DE00",
      })
  void decode_malformedInput_throwsWithReason(String encoded, String reason) {
    assertThatThrownBy(() -> Utf7.decode(encoded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void decode_nonAsciiCharacter_throws() {
    assertThatThrownBy(() -> Utf7.decode("café"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-ASCII character U+00E9 at index 3");
  }

  @Test
  void decode_nonAsciiCharacterInsideRun_throws() {
    assertThatThrownBy(() -> Utf7.decode("+AOé-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-ASCII");
  }

  @Test
  void decode_inputAtLengthLimit_decodes() {
    String longest = "a".repeat(Utf7.MAX_ENCODED_LENGTH);
    assertThat(Utf7.decode(longest)).isEqualTo(longest);
  }

  @Test
  void decode_inputOverLengthLimit_throws() {
    assertThatThrownBy(() -> Utf7.decode("a".repeat(Utf7.MAX_ENCODED_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8193 characters long");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "madeup_name.wopitestx|madeup_name.wopitestx",
        "My Report (final).docx|My Report (final).docx",
        "a+b|a+-b",
        "日本語.docx|+ZeVnLIqe-.docx",
        "😀.docx|+2D3eAA-.docx",
        "café-x|caf+AOk--x",
        "back\\slash~tilde|back+AFw-slash+AH4-tilde",
        "é+é|+AOk-+-+AOk-",
      })
  void encode_name_writesDirectCharactersAndClosedRuns(String text, String encoded) {
    assertThat(Utf7.encode(text)).isEqualTo(encoded);
  }

  @Test
  void encode_controlCharacters_encodesThemInARun() {
    assertThat(Utf7.encode("a\tb\r\n")).isEqualTo("a+AAk-b+AA0ACg-");
  }

  @Test
  void encode_unpairedSurrogate_throws() {
    assertThatThrownBy(() -> Utf7.encode("a\uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate U+D83D at index 1");
  }

  @Test
  void clientEncoders_knownNames_matchRealEncoderOutput() {
    // Outputs of the validator's port of .NET's encoder and of glibc iconv on this machine.
    assertThat(ClientEncoder.DOTNET.encode("madeup_name.wopitestx"))
        .isEqualTo("madeup+AF8-name.wopitestx");
    assertThat(ClientEncoder.GLIBC.encode("日本語.docx")).isEqualTo("+ZeVnLIqe.docx");
    assertThat(ClientEncoder.GLIBC.encode("café-x")).isEqualTo("caf+AOk--x");
    assertThat(ClientEncoder.GLIBC.encode("é+é.")).isEqualTo("+AOkAKwDp.");
  }
}
