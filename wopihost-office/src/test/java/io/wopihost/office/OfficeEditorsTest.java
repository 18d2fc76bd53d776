package io.wopihost.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.testkit.FakeEditor;
import io.wopihost.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several editors: discovery fetching and retrying, choosing an action, checking proofs. */
class OfficeEditorsTest {

  private static final String TOKEN = "AQAAAZtoken";
  private static final String URL = "http://localhost:8880/wopi/files/f1?access_token=" + TOKEN;

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAt2026();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  @Test
  void start_editorDown_startsAndReportsItThenRecoversOnRetry() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.ONLYOFFICE);
    editor.setDown(true);
    OfficeEditors editors = start(Map.of(), config("oo", editor, ProofPolicy.AUTO));

    EditorStatus down = editors.status().getFirst();
    assertThat(down.up()).isFalse();
    assertThat(down.error()).hasValueSatisfying(e -> assertThat(e).contains("503"));
    assertThatThrownBy(() -> editors.check("oo")).hasMessageContaining("cannot be fetched");

    editor.setDown(false);
    editors.refreshDue();
    assertThat(editors.status().getFirst().up()).as("not due before a minute").isFalse();
    clock.advance(Duration.ofMinutes(1));
    editors.refreshDue();

    EditorStatus up = editors.status().getFirst();
    assertThat(up.up()).isTrue();
    assertThat(up.product()).isEqualTo(Product.ONLYOFFICE);
    assertThat(up.proofKeysPublished()).isTrue();
    assertThat(up.fetchedAt()).contains(clock.instant());
    assertThat(events).contains("fetch oo false", "fetch oo true");
  }

  @Test
  void check_editorGoesDown_failsOnceTheLastFetchIsAMinuteOld() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.COLLABORA);
    OfficeEditors editors = start(Map.of(), config("co", editor, ProofPolicy.AUTO));
    editors.check("co");

    editor.setDown(true);
    editors.check("co");
    clock.advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> editors.check("co")).hasMessageContaining("503");
    assertThat(editors.choose("odt", "edit")).as("the cached discovery is still used").isPresent();
  }

  @Test
  void refreshDue_afterTheRefreshInterval_fetchesAgain() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.COLLABORA);
    OfficeEditors editors = start(Map.of(), config("co", editor, ProofPolicy.AUTO));

    clock.advance(Duration.ofHours(11));
    editors.refreshDue();
    assertThat(editor.discoveryFetches()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    editors.refreshDue();

    assertThat(editor.discoveryFetches()).isEqualTo(2);
  }

  @Test
  void choose_preferencePerExtension_thenConfiguredOrder() throws Exception {
    FakeEditor oo = editor(FakeEditor.Flavor.ONLYOFFICE);
    FakeEditor co = editor(FakeEditor.Flavor.COLLABORA);
    OfficeEditors editors =
        start(
            Map.of("odt", "collabora"),
            config("onlyoffice", oo, ProofPolicy.AUTO),
            config("collabora", co, ProofPolicy.AUTO));

    assertThat(editors.choose("docx", "edit").orElseThrow().editor()).isEqualTo("onlyoffice");
    EditorAction odt = editors.choose("ODT", "edit").orElseThrow();
    assertThat(odt.editor()).isEqualTo("collabora");
    assertThat(odt.product()).isEqualTo(Product.COLLABORA);
    assertThat(editors.choose("xlsx", "edit").orElseThrow().editor())
        .as("only ONLYOFFICE has xlsx").isEqualTo("onlyoffice");
    assertThat(editors.choose("pdf", "edit")).isEmpty();
    assertThat(editors.actions("odt"))
        .extracting(EditorAction::editor, a -> a.action().name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("collabora", "edit"),
            org.assertj.core.groups.Tuple.tuple("collabora", "view"),
            org.assertj.core.groups.Tuple.tuple("onlyoffice", "embedview"),
            org.assertj.core.groups.Tuple.tuple("onlyoffice", "editnew"));
  }

  @Test
  void choose_preferredEditorDown_usesTheNextOne() throws Exception {
    FakeEditor oo = editor(FakeEditor.Flavor.ONLYOFFICE);
    FakeEditor co = editor(FakeEditor.Flavor.COLLABORA);
    co.setDown(true);
    OfficeEditors editors =
        start(
            Map.of("docx", "collabora"),
            config("onlyoffice", oo, ProofPolicy.AUTO),
            config("collabora", co, ProofPolicy.AUTO));

    assertThat(editors.choose("docx", "edit").orElseThrow().editor()).isEqualTo("onlyoffice");
  }

  @Test
  void verify_signedWithTheCurrentKey_isAccepted() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.MICROSOFT);
    OfficeEditors editors = start(Map.of(), config("ms", editor, ProofPolicy.AUTO));

    ProofVerdict verdict = editors.verify(signed(editor.sign(TOKEN, URL, clock.instant())));

    assertThat(verdict.accepted()).isTrue();
    assertThat(verdict.editor()).contains("ms");
  }

  @Test
  void verify_unsignedStaleFutureOrForeign_isRefused() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.MICROSOFT);
    OfficeEditors editors = start(Map.of(), config("ms", editor, ProofPolicy.AUTO));
    KeyPair stranger = FakeEditor.newKeyPair();
    Instant now = clock.instant();

    assertThat(editors.verify(unsigned()).reason()).contains("no X-WOPI-Proof");
    assertThat(editors.verify(signed(editor.sign(TOKEN, URL, now.minusSeconds(20 * 60 + 1))))
        .reason()).contains("more than 20 minutes old");
    assertThat(editors.verify(signed(editor.sign(TOKEN, URL, now.plusSeconds(6 * 60))))
        .reason()).contains("in the future");
    assertThat(
            editors.verify(signed(FakeEditor.sign(TOKEN, URL, now, stranger.getPrivate(),
                stranger.getPrivate()))).accepted())
        .isFalse();
    assertThat(events).filteredOn(e -> e.startsWith("refused")).hasSize(4).allMatch("refused ms"::equals);
  }

  @Test
  void verify_nineteenMinutesOld_isAccepted() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.MICROSOFT);
    OfficeEditors editors = start(Map.of(), config("ms", editor, ProofPolicy.AUTO));

    assertThat(
            editors.verify(signed(editor.sign(TOKEN, URL, clock.instant().minusSeconds(19 * 60))))
                .accepted())
        .isTrue();
  }

  @Test
  void verify_keysReplaced_fetchesDiscoveryAgainAtMostOnceAMinute() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.COLLABORA);
    OfficeEditors editors = start(Map.of(), config("co", editor, ProofPolicy.AUTO));
    editor.replaceKeys();

    assertThat(editors.verify(signed(editor.sign(TOKEN, URL, clock.instant()))).accepted())
        .as("fetched at start-up less than a minute ago")
        .isFalse();
    clock.advance(Duration.ofMinutes(1));
    ProofVerdict afterRefetch = editors.verify(signed(editor.sign(TOKEN, URL, clock.instant())));
    KeyPair stranger = FakeEditor.newKeyPair();
    editors.verify(
        signed(FakeEditor.sign(TOKEN, URL, clock.instant(), stranger.getPrivate(),
            stranger.getPrivate())));

    assertThat(afterRefetch.accepted()).isTrue();
    assertThat(editor.discoveryFetches()).isEqualTo(2);
  }

  @Test
  void verify_keysRotatedWithOverlap_acceptsAndRefreshesSoon() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.MICROSOFT);
    OfficeEditors editors = start(Map.of(), config("ms", editor, ProofPolicy.AUTO));
    editor.rotateKeys();

    ProofVerdict verdict = editors.verify(signed(editor.sign(TOKEN, URL, clock.instant())));
    clock.advance(Duration.ofMinutes(1));
    editors.refreshDue();

    assertThat(verdict.accepted()).as("X-WOPI-ProofOld verifies with the cached current key").isTrue();
    assertThat(editor.discoveryFetches()).isEqualTo(2);
  }

  @Test
  void verify_twoEditors_acceptsEitherOnesSignature() throws Exception {
    FakeEditor oo = editor(FakeEditor.Flavor.ONLYOFFICE);
    FakeEditor co = editor(FakeEditor.Flavor.COLLABORA);
    OfficeEditors editors =
        start(Map.of(), config("oo", oo, ProofPolicy.AUTO), config("co", co, ProofPolicy.AUTO));

    assertThat(editors.verify(signed(oo.sign(TOKEN, URL, clock.instant()))).editor()).contains("oo");
    assertThat(editors.verify(signed(co.sign(TOKEN, URL, clock.instant()))).editor()).contains("co");
    assertThat(editors.verify(unsigned()).accepted()).isFalse();
    assertThat(events).contains("refused unknown");
  }

  @Test
  void enforcesProofs_dependsOnEveryEditorUnlessOneIsRequired() throws Exception {
    FakeEditor keyed = editor(FakeEditor.Flavor.ONLYOFFICE);
    FakeEditor keyless = editor(FakeEditor.Flavor.COLLABORA);
    keyless.setPublishKeys(false);

    assertThat(start(Map.of(), config("a", keyed, ProofPolicy.AUTO)).enforcesProofs()).isTrue();
    assertThat(start(Map.of(), config("a", keyless, ProofPolicy.AUTO)).enforcesProofs()).isFalse();
    assertThat(start(Map.of(), config("a", keyed, ProofPolicy.OFF)).enforcesProofs()).isFalse();
    assertThat(
            start(Map.of(), config("a", keyed, ProofPolicy.AUTO),
                config("b", keyless, ProofPolicy.AUTO)).enforcesProofs())
        .isFalse();
    assertThat(
            start(Map.of(), config("a", keyed, ProofPolicy.REQUIRED),
                config("b", keyless, ProofPolicy.AUTO)).enforcesProofs())
        .isTrue();
    assertThat(start(Map.of()).enforcesProofs()).isFalse();
  }

  @Test
  void verify_proofsNotEnforced_acceptsUnsigned() throws Exception {
    FakeEditor keyed = editor(FakeEditor.Flavor.ONLYOFFICE);
    OfficeEditors editors = start(Map.of(), config("oo", keyed, ProofPolicy.OFF));

    assertThat(editors.verify(unsigned()).accepted()).isTrue();
  }

  @Test
  void enforcesProofs_editorNotFetchedYet_countsAsRequiring() throws Exception {
    FakeEditor down = editor(FakeEditor.Flavor.ONLYOFFICE);
    down.setDown(true);

    assertThat(start(Map.of(), config("oo", down, ProofPolicy.AUTO)).enforcesProofs()).isTrue();
  }

  @Test
  void check_requiredButNoKeysPublished_fails() throws Exception {
    FakeEditor keyless = editor(FakeEditor.Flavor.COLLABORA);
    keyless.setPublishKeys(false);
    OfficeEditors editors = start(Map.of(), config("co", keyless, ProofPolicy.REQUIRED));

    assertThatThrownBy(() -> editors.check("co")).hasMessageContaining("publishes none");
  }

  @Test
  void start_fileDiscovery_isReadFromTheFile() throws Exception {
    FakeEditor editor = editor(FakeEditor.Flavor.MICROSOFT);
    Path file = Files.writeString(dir.resolve("discovery.xml"), editor.discoveryXml());
    OfficeEditors editors =
        start(Map.of(), new EditorConfig("pinned", file.toUri(), ProofPolicy.AUTO));

    assertThat(editors.status().getFirst().up()).isTrue();
    assertThat(editors.verify(signed(editor.sign(TOKEN, URL, clock.instant()))).accepted()).isTrue();
  }

  @Test
  void constructor_badConfiguration_isRefused() {
    var a = new EditorConfig("a", java.net.URI.create("http://e1"), ProofPolicy.AUTO);
    var a2 = new EditorConfig("a", java.net.URI.create("http://e2"), ProofPolicy.AUTO);

    assertThatThrownBy(() -> new OfficeEditors(List.of(a, a2), Map.of(), Duration.ofHours(12),
        "http", clock, OfficeListener.NONE)).hasMessageContaining("two editors are named a");
    assertThatThrownBy(() -> new OfficeEditors(List.of(a), Map.of("odt", "b"),
        Duration.ofHours(12), "http", clock, OfficeListener.NONE))
        .hasMessageContaining("names b");
    assertThatThrownBy(() -> new EditorConfig("a b", java.net.URI.create("http://e"),
        ProofPolicy.AUTO)).hasMessageContaining("editor name");
    assertThatThrownBy(() -> new EditorConfig("a", java.net.URI.create("ftp://e"),
        ProofPolicy.AUTO)).hasMessageContaining("http(s)");
  }

  private FakeEditor editor(FakeEditor.Flavor flavor) throws IOException {
    FakeEditor editor = FakeEditor.start(flavor);
    open.add(editor);
    return editor;
  }

  private static EditorConfig config(String name, FakeEditor editor, ProofPolicy policy) {
    return new EditorConfig(name, editor.baseUrl(), policy);
  }

  private OfficeEditors start(Map<String, String> preferences, EditorConfig... configs) {
    var editors =
        new OfficeEditors(
            List.of(configs),
            preferences,
            Duration.ofHours(12),
            "http",
            clock,
            new OfficeListener() {
              @Override
              public void discoveryFetched(String editor, boolean succeeded) {
                events.add("fetch " + editor + " " + succeeded);
              }

              @Override
              public void proofRefused(String editor) {
                events.add("refused " + editor);
              }
            });
    open.add(editors);
    editors.start();
    return editors;
  }

  private static ProofRequest signed(Map<String, String> headers) {
    return new ProofRequest(
        URL,
        List.of(TOKEN),
        Optional.of(headers.get("X-WOPI-Proof")),
        Optional.of(headers.get("X-WOPI-ProofOld")),
        Optional.of(headers.get("X-WOPI-TimeStamp")));
  }

  private static ProofRequest unsigned() {
    return new ProofRequest(URL, List.of(TOKEN), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
