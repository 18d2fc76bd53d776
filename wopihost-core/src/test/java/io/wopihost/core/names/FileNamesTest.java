package io.wopihost.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  private static final int LIMIT = 250;

  /** The names the WOPI validator sends and expects to succeed (after UTF-7 decoding). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "madeupname.wopitest",
        "madeupname.wopitestx",
        "madeup_name.wopitestx",
        "new_file.wopitest",
        "ValidatorTestFile.wopitest",
        "CreateChildFileTestFile.wopitest",
        "PutRelativeFileUnsupported_SuggestedName.wopitest",
        "ValidatorTestFileRenamed",
        "madeup_renamed",
        "RenameFile_ClientPresentsCoauthLockWithHostCoauthLock",
        "CreateChildContainerTest",
        "testfolder",
        "RenameContainerTest",
        "container_name",
      })
  void problem_validatorNames_hasNone(String name) {
    assertThat(FileNames.problem(name, LIMIT)).isEmpty();
  }

  @Test
  void problem_validatorNameLongerThan512Characters_isTooLong() {
    // PutRelativeFile.FileNameLongerThan512Chars and its CreateChildFile twin accept 200 or 400.
    String name = "longwopitestfilename".repeat(26) + ".wopitestx";
    assertThat(name).hasSize(530);
    assertThat(FileNames.problem(name, LIMIT))
        .hasValue("the name is 520 characters long without its extension; at most 250 are allowed");
  }

  @Test
  void problem_validatorSuggestedExtensionAsWholeName_hasNoBase() {
    assertThat(FileNames.problem(".wopitestx", LIMIT))
        .hasValue("the name has nothing before its extension");
  }

  @Test
  void problem_baseAtLimit_hasNone() {
    assertThat(FileNames.problem("a".repeat(LIMIT) + ".docx", LIMIT)).isEmpty();
    assertThat(FileNames.problem("a".repeat(LIMIT + 1) + ".docx", LIMIT)).isPresent();
  }

  @Test
  void problem_limitCountsUtf16CodeUnits() {
    assertThat(FileNames.problem("😀😀.docx", 4)).isEmpty();
    assertThat(FileNames.problem("😀😀.docx", 3)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Report.docx",
        "日本語のファイル.xlsx",
        "😀 party.pptx",
        "a",
        "no extension",
        ".hidden.docx",
        "..a.docx",
        "v1.2 final.docx",
        "name_with-odd!chars#[1]{2}~'.txt",
        "Mr. Smith",
      })
  void problem_ordinaryNames_hasNone(String name) {
    assertThat(FileNames.problem(name, LIMIT)).isEmpty();
  }

  static Stream<Arguments> illegalNames() {
    return Stream.of(
        arguments("", "the name is empty"),
        arguments("   ", "the name is empty"),
        arguments("a/b.docx", "the name contains the path separator '/'"),
        arguments("..\\b.docx", "the name contains the path separator '\\'"),
        arguments("..", "the name consists only of dots"),
        arguments(".", "the name consists only of dots"),
        arguments("....", "the name consists only of dots"),
        arguments("a:b.docx", "the name contains ':', which file names may not contain"),
        arguments("a*b", "the name contains '*', which file names may not contain"),
        arguments("a?b", "the name contains '?', which file names may not contain"),
        arguments("a\"b", "the name contains '\"', which file names may not contain"),
        arguments("a<b", "the name contains '<', which file names may not contain"),
        arguments("a>b", "the name contains '>', which file names may not contain"),
        arguments("a|b.docx", "the name contains '|', which file names may not contain"),
        arguments(" Report.docx", "the name starts or ends with whitespace"),
        arguments("Report.docx ", "the name starts or ends with whitespace"),
        arguments("Report\u3000", "the name starts or ends with whitespace"),
        arguments("Report.", "the name ends with a dot"),
        arguments("Report. .", "the name ends with a dot"),
        arguments("a\uD83D.docx", "the name contains an unpaired surrogate (ill-formed UTF-16)"));
  }

  @ParameterizedTest
  @MethodSource("illegalNames")
  void problem_illegalName_explains(String name, String reason) {
    assertThat(FileNames.problem(name, LIMIT)).hasValue(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\tb", "a\nb", "a\u001fb", "a\u007fb", "a\u0085b"})
  void problem_controlCharacter_isIllegal(String name) {
    assertThat(FileNames.problem(name, LIMIT))
        .hasValueSatisfying(
            reason -> assertThat(reason).startsWith("the name contains the control character U+"));
  }

  @Test
  void problem_nonPositiveLimit_throws() {
    assertThatThrownBy(() -> FileNames.problem("a", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBaseLength must be positive");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Report.docx|Report.docx",
        ".wopitestx|Source.wopitestx",
        "new_file.wopitest|new_file.wopitest",
        "C:\\Users\\ada\\Report.docx|Report.docx",
        "../../etc/passwd|passwd",
        "dir/|Source",
        "a:b*c?.docx|a_b_c_.docx",
        "'  Report .docx  '|Report .docx",
        "Report...|Report",
        "...|Source",
        "''|Source",
        "'   .docx'|Source.docx",
        "tab\there.docx|tab_here.docx",
      })
  void sanitize_proposal_makesLegalName(String proposed, String expected) {
    assertThat(FileNames.sanitize(proposed, "Source", LIMIT)).isEqualTo(expected);
  }

  @Test
  void sanitize_longBase_truncatesToDefaultLimitKeepingExtension() {
    String name = "longwopitestfilename".repeat(26) + ".wopitestx";
    assertThat(FileNames.sanitize(name, "Source"))
        .isEqualTo("longwopitestfilename".repeat(13).substring(0, 250) + ".wopitestx");
  }

  @Test
  void sanitize_truncationLandingOnSpaceOrDot_trimsThem() {
    assertThat(FileNames.sanitize("ab. cd.docx", "Source", 4)).isEqualTo("ab.docx");
  }

  @Test
  void sanitize_truncationInsideSurrogatePair_keepsPairWhole() {
    assertThat(FileNames.sanitize("a😀b.docx", "Source", 2)).isEqualTo("a.docx");
  }

  @Test
  void sanitize_unpairedSurrogate_replacesIt() {
    assertThat(FileNames.sanitize("a\uDE00b.docx", "Source", LIMIT)).isEqualTo("a_b.docx");
  }

  @Test
  void sanitize_illegalFallback_cleansIt() {
    assertThat(FileNames.sanitize(".docx", " ..we:ird. ", LIMIT)).isEqualTo("we_ird.docx");
  }

  @Test
  void sanitize_fallbackEmptyToo_usesUnderscore() {
    assertThat(FileNames.sanitize(".docx", " . ", LIMIT)).isEqualTo("_.docx");
  }

  @Test
  void sanitize_fallbackLongerThanLimit_truncatesIt() {
    assertThat(FileNames.sanitize(".docx", "Quarterly", 5)).isEqualTo("Quart.docx");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Report.docx|2|Report (2).docx",
        "Report|3|Report (3)",
        "archive.tar.gz|2|archive.tar (2).gz",
        "Report (2).docx|2|Report (2) (2).docx",
      })
  void withSuffix_name_insertsNumberBeforeExtension(String name, int n, String expected) {
    assertThat(FileNames.withSuffix(name, n, LIMIT)).isEqualTo(expected);
  }

  @Test
  void withSuffix_baseAtDefaultLimit_shortensBase() {
    String name = "a".repeat(FileNames.DEFAULT_MAX_BASE_LENGTH) + ".docx";
    assertThat(FileNames.withSuffix(name, 12))
        .isEqualTo("a".repeat(FileNames.DEFAULT_MAX_BASE_LENGTH - 5) + " (12).docx");
  }

  @Test
  void withSuffix_noRoomLeftForBase_usesSuffixAlone() {
    assertThat(FileNames.withSuffix("Report.docx", 2, 4)).isEqualTo("(2).docx");
  }

  @Test
  void withSuffix_suffixLongerThanLimit_throws() {
    assertThatThrownBy(() -> FileNames.withSuffix("Report.docx", 100, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(100) does not fit in 5 characters");
  }

  @Test
  void withSuffix_nonPositiveNumber_throws() {
    assertThatThrownBy(() -> FileNames.withSuffix("Report.docx", 0, LIMIT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Report.docx|Report|.docx",
        "archive.tar.gz|archive.tar|.gz",
        ".wopitestx|''|.wopitestx",
        "Report|Report|''",
        "Report.|Report.|''",
        "''|''|''",
        "Mr. Smith|Mr|. Smith",
      })
  void baseAndExtension_name_splitAtLastDot(String name, String base, String extension) {
    assertThat(FileNames.base(name)).isEqualTo(base);
    assertThat(FileNames.extension(name)).isEqualTo(extension);
  }
}
