package io.wopihost.core.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class FileNamesPropertyTest {

  @Property
  void sanitize_anyProposal_hasNoProblem(
      @ForAll("nameLike") String proposed,
      @ForAll("nameLike") String fallbackBase,
      @ForAll @IntRange(min = 1, max = 30) int maxBaseLength) {
    String name = FileNames.sanitize(proposed, fallbackBase, maxBaseLength);
    assertThat(FileNames.problem(name, maxBaseLength)).isEmpty();
  }

  @Property
  void sanitize_legalName_returnsItUnchanged(
      @ForAll("plausibleName") String name,
      @ForAll @IntRange(min = 1, max = 30) int maxBaseLength) {
    Assume.that(FileNames.problem(name, maxBaseLength).isEmpty());
    assertThat(FileNames.sanitize(name, "fallback", maxBaseLength)).isEqualTo(name);
  }

  @Property
  void sanitize_ofSanitized_returnsItUnchanged(
      @ForAll("nameLike") String proposed, @ForAll @IntRange(min = 1, max = 30) int maxBaseLength) {
    String name = FileNames.sanitize(proposed, "fallback", maxBaseLength);
    assertThat(FileNames.sanitize(name, "other", maxBaseLength)).isEqualTo(name);
  }

  @Property
  void sanitize_proposalWithExtension_keepsExtensionWhenLegal(
      @ForAll("nameLike") String proposed, @ForAll @IntRange(min = 1, max = 30) int maxBaseLength) {
    String extension = FileNames.extension(proposed);
    Assume.that(FileNames.problem("x" + extension, maxBaseLength).isEmpty());
    assertThat(FileNames.sanitize(proposed, "fallback", maxBaseLength)).endsWith(extension);
  }

  @Property
  void withSuffix_legalName_givesLegalNameDistinctPerNumber(
      @ForAll("nameLike") String proposed,
      @ForAll @IntRange(min = 8, max = 30) int maxBaseLength,
      @ForAll @IntRange(min = 1, max = 999) int n) {
    String name = FileNames.sanitize(proposed, "fallback", maxBaseLength);
    String first = FileNames.withSuffix(name, n, maxBaseLength);
    String next = FileNames.withSuffix(name, n + 1, maxBaseLength);
    assertThat(FileNames.problem(first, maxBaseLength)).isEmpty();
    assertThat(first).endsWith(FileNames.extension(name)).isNotEqualTo(next);
  }

  /** Names of legal characters, where only dots, spaces and length can make them illegal. */
  @Provide
  Arbitrary<String> plausibleName() {
    return Arbitraries.of("a", "b", "z", ".", ".", " ", "_", "-", "日", "😀", "docx")
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  /** Names rich in the characters the rules care about, unpaired surrogates included. */
  @Provide
  Arbitrary<String> nameLike() {
    Arbitrary<Character> chars =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(6, Arbitraries.chars().range('a', 'z')),
                Tuple.of(3, Arbitraries.of('.', ' ', '.', '_', '-')),
                Tuple.of(
                    2,
                    Arbitraries.of(
                        '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\t', '\u0000', '\u007f',
                        '\u0085', '\u3000', '\u00a0')),
                Tuple.of(2, Arbitraries.of('\uD83D', '\uDE00', '日', 'é')),
                Tuple.of(1, Arbitraries.chars())));
    return chars
        .list()
        .ofMaxSize(40)
        .map(
            list -> {
              StringBuilder text = new StringBuilder();
              list.forEach(text::append);
              return text.toString();
            });
  }
}
