package io.wopihost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.Catalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Catalog} must show. A backend's test extends this class and creates a
 * fresh, empty catalog in {@link #newCatalog}; it may add tests of its own. Instants are used at
 * microsecond precision, which every catalog keeps exactly.
 */
public abstract class CatalogContract {

  private static final String OWNER = "alice";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

  private Catalog catalog;
  private String root;

  /** A new, empty catalog; called before each test. */
  protected abstract Catalog newCatalog() throws Exception;

  @BeforeEach
  void createCatalog() throws Exception {
    catalog = newCatalog();
    root = catalog.rootContainer(OWNER, Ids.newId()).id();
  }

  @Test
  void tryCreateFile_freeName_returnsFileAtFirstVersionAndStoresIt() {
    FileVersion first = version(1, "blob-1", T0);

    FileRecord file = create("Report.docx", first).orElseThrow();

    assertThat(file)
        .isEqualTo(
            new FileRecord(
                file.id(),
                root,
                "Report.docx",
                OWNER,
                1,
                first.size(),
                first.sha256(),
                "blob-1",
                T0));
    assertThat(catalog.findFile(file.id())).contains(file);
    assertThat(catalog.versions(file.id())).containsExactly(first);
  }

  @Test
  void tryCreateFile_nameTakenInOtherCase_returnsEmptyAndKeepsTheFirstFile() {
    FileRecord existing = create("Report.docx", version(1, "blob-1", T0)).orElseThrow();

    Optional<FileRecord> clash = create("REPORT.DOCX", version(1, "blob-2", T0));

    assertThat(clash).isEmpty();
    assertThat(catalog.findFileByName(root, "report.docx")).contains(existing);
    assertThat(catalog.versions(existing.id()))
        .extracting(FileVersion::blobKey)
        .containsExactly("blob-1");
  }

  @Test
  void tryCreateFile_sameNameInAnotherContainer_succeeds() {
    create("Report.docx", version(1, "blob-1", T0)).orElseThrow();
    String otherRoot = catalog.rootContainer("bob", Ids.newId()).id();

    Optional<FileRecord> other =
        catalog.tryCreateFile(Ids.newId(), otherRoot, "Report.docx", "bob", version(1, "b", T0));

    assertThat(other).hasValueSatisfying(f -> assertThat(f.containerId()).isEqualTo(otherRoot));
    assertThat(catalog.findFileByName(otherRoot, "report.docx")).isEqualTo(other);
  }

  @Test
  void tryCreateFile_manyThreadsSameName_exactlyOneWins() throws Exception {
    List<Optional<FileRecord>> results =
        Race.run(
            12, i -> () -> create(i % 2 == 0 ? "Race.txt" : "RACE.TXT", version(1, "b" + i, T0)));

    List<FileRecord> winners = results.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    assertThat(catalog.findFileByName(root, "race.txt")).contains(winners.get(0));
  }

  @Test
  void tryCreateFile_manyThreadsDifferentNames_allSucceed() throws Exception {
    int perThread = 10;

    List<Long> created =
        Race.run(
            8,
            i ->
                () -> {
                  long count = 0;
                  for (int n = 0; n < perThread; n++) {
                    count +=
                        create("f" + i + "-" + n + ".txt", version(1, "b", T0)).stream().count();
                  }
                  return count;
                });

    assertThat(created).containsOnly((long) perThread);
    assertThat(catalog.findFileByName(root, "f7-9.txt")).isPresent();
  }

  @Test
  void findFile_unknownId_isEmpty() {
    assertThat(catalog.findFile(Ids.newId())).isEmpty();
  }

  @Test
  void findFileByName_anyCase_findsTheFileOnlyInItsContainer() {
    FileRecord file = create("Ünïcode Ä.xlsx", version(1, "blob-1", T0)).orElseThrow();
    String otherRoot = catalog.rootContainer("bob", Ids.newId()).id();

    assertThat(catalog.findFileByName(root, "üNÏCODE ä.XLSX")).contains(file);
    assertThat(catalog.findFileByName(otherRoot, "Ünïcode Ä.xlsx")).isEmpty();
    assertThat(catalog.findFileByName(root, "Ünïcode Ä.xls")).isEmpty();
  }

  @Test
  void tryCommitVersion_fromCurrentVersion_movesTheFileToTheNewVersion() {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    FileVersion next = version(2, "blob-2", T0.plusSeconds(60));

    Optional<FileRecord> committed = catalog.tryCommitVersion(file.id(), 1, next);

    FileRecord expected = file.withContent(next);
    assertThat(committed).contains(expected);
    assertThat(catalog.findFile(file.id())).contains(expected);
    assertThat(catalog.versions(file.id()))
        .extracting(FileVersion::version)
        .containsExactly(2L, 1L);
  }

  @Test
  void tryCommitVersion_fromStaleVersion_returnsEmptyAndChangesNothing() {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    FileRecord second =
        catalog.tryCommitVersion(file.id(), 1, version(2, "blob-2", T0)).orElseThrow();

    Optional<FileRecord> stale = catalog.tryCommitVersion(file.id(), 1, version(2, "blob-x", T0));

    assertThat(stale).isEmpty();
    assertThat(catalog.findFile(file.id())).contains(second);
    assertThat(catalog.versions(file.id()))
        .extracting(FileVersion::blobKey)
        .containsExactly("blob-2", "blob-1");
  }

  @Test
  void tryCommitVersion_unknownFile_returnsEmpty() {
    assertThat(catalog.tryCommitVersion(Ids.newId(), 1, version(2, "blob-2", T0))).isEmpty();
  }

  @Test
  void tryCommitVersion_versionNotOneMoreThanExpected_throwsIllegalArgument() {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();

    assertThatThrownBy(() -> catalog.tryCommitVersion(file.id(), 1, version(3, "blob-3", T0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(catalog.findFile(file.id())).contains(file);
  }

  @Test
  void tryCommitVersion_manyThreadsFromSameBase_exactlyOneWins() throws Exception {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();

    List<Optional<FileRecord>> results =
        Race.run(8, i -> () -> catalog.tryCommitVersion(file.id(), 1, version(2, "blob-" + i, T0)));

    List<FileRecord> winners = results.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    assertThat(catalog.findFile(file.id())).contains(winners.get(0));
    assertThat(catalog.versions(file.id()))
        .extracting(FileVersion::blobKey)
        .containsExactly(winners.get(0).blobKey(), "blob-1");
  }

  @Test
  void versions_afterSeveralCommits_newestFirstWithEditorsAndSaveKindsIntact() {
    FileVersion v1 = version(1, "blob-1", T0);
    FileVersion v2 = version(2, "blob-2", T0.plusSeconds(1), List.of("bob"), SaveKind.AUTOSAVE);
    FileVersion v3 =
        new FileVersion(
            3,
            "blob-3",
            0,
            "sha-3",
            T0.plusSeconds(2),
            "carol",
            List.of("bob", "carol", "dave"),
            SaveKind.EXIT);
    FileVersion v4 = version(4, "blob-4", T0.plusSeconds(3), List.of(), SaveKind.UNSPECIFIED);
    FileVersion v5 = version(5, "blob-5", T0.plusSeconds(4), List.of("ünï"), SaveKind.EXPLICIT);
    FileRecord file = create("a.docx", v1).orElseThrow();
    for (FileVersion next : List.of(v2, v3, v4, v5)) {
      catalog.tryCommitVersion(file.id(), next.version() - 1, next).orElseThrow();
    }

    assertThat(catalog.versions(file.id())).containsExactly(v5, v4, v3, v2, v1);
  }

  @Test
  void versions_unknownFile_isEmpty() {
    assertThat(catalog.versions(Ids.newId())).isEmpty();
  }

  @Test
  void instants_atMicrosecondPrecision_roundTripExactly() {
    Instant early = Instant.parse("1969-12-31T23:59:59.999999Z");
    Instant late = Instant.parse("2999-12-31T23:59:59.000001Z");
    FileRecord file = create("a.docx", version(1, "blob-1", early)).orElseThrow();
    catalog.tryCommitVersion(file.id(), 1, version(2, "blob-2", late)).orElseThrow();

    assertThat(catalog.findFile(file.id()).orElseThrow().lastModified()).isEqualTo(late);
    assertThat(catalog.versions(file.id()))
        .extracting(FileVersion::createdAt)
        .containsExactly(late, early);
  }

  @Test
  void tryRenameFile_freeName_renamesAndFreesTheOldName() {
    FileRecord file = create("old.docx", version(1, "blob-1", T0)).orElseThrow();

    assertThat(catalog.tryRenameFile(file.id(), "New.docx")).isTrue();

    assertThat(catalog.findFile(file.id())).contains(file.withName("New.docx"));
    assertThat(catalog.findFileByName(root, "new.DOCX")).contains(file.withName("New.docx"));
    assertThat(catalog.findFileByName(root, "old.docx")).isEmpty();
    assertThat(create("old.docx", version(1, "blob-2", T0))).isPresent();
  }

  @Test
  void tryRenameFile_toAnotherFilesNameInOtherCase_returnsFalseAndKeepsBothNames() {
    FileRecord a = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    FileRecord b = create("b.docx", version(1, "blob-2", T0)).orElseThrow();

    assertThat(catalog.tryRenameFile(a.id(), "B.DOCX")).isFalse();

    assertThat(catalog.findFile(a.id())).contains(a);
    assertThat(catalog.findFile(b.id())).contains(b);
  }

  @Test
  void tryRenameFile_toItsOwnNameInOtherCase_renames() {
    FileRecord file = create("report.docx", version(1, "blob-1", T0)).orElseThrow();

    assertThat(catalog.tryRenameFile(file.id(), "REPORT.docx")).isTrue();

    assertThat(catalog.findFile(file.id()).orElseThrow().name()).isEqualTo("REPORT.docx");
  }

  @Test
  void tryRenameFile_toNameUsedInAnotherContainer_renames() {
    String otherRoot = catalog.rootContainer("bob", Ids.newId()).id();
    catalog.tryCreateFile(Ids.newId(), otherRoot, "taken.docx", "bob", version(1, "b", T0));
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();

    assertThat(catalog.tryRenameFile(file.id(), "taken.docx")).isTrue();
  }

  @Test
  void tryRenameFile_unknownFile_returnsFalse() {
    assertThat(catalog.tryRenameFile(Ids.newId(), "a.docx")).isFalse();
  }

  @Test
  void deleteFile_withSeveralVersions_returnsEveryBlobKeyAndRemovesFileAndVersions() {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    catalog.tryCommitVersion(file.id(), 1, version(2, "blob-2", T0)).orElseThrow();
    catalog.tryCommitVersion(file.id(), 2, version(3, "blob-3", T0)).orElseThrow();

    Optional<List<String>> blobKeys = catalog.deleteFile(file.id());

    assertThat(blobKeys)
        .hasValueSatisfying(
            keys -> assertThat(keys).containsExactlyInAnyOrder("blob-1", "blob-2", "blob-3"));
    assertThat(catalog.findFile(file.id())).isEmpty();
    assertThat(catalog.versions(file.id())).isEmpty();
    assertThat(catalog.findFileByName(root, "a.docx")).isEmpty();
    assertThat(create("A.docx", version(1, "blob-4", T0))).isPresent();
  }

  @Test
  void deleteFile_calledTwice_secondReturnsEmpty() {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();

    assertThat(catalog.deleteFile(file.id())).contains(List.of("blob-1"));
    assertThat(catalog.deleteFile(file.id())).isEmpty();
  }

  @Test
  void deleteFile_oneOfTwo_keepsTheOther() {
    FileRecord a = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    FileRecord b = create("b.docx", version(1, "blob-2", T0)).orElseThrow();

    catalog.deleteFile(a.id());

    assertThat(catalog.findFile(b.id())).contains(b);
    assertThat(catalog.versions(b.id())).hasSize(1);
  }

  @Test
  void rootContainer_calledAgainWithAnotherId_returnsTheFirstContainer() {
    String firstId = Ids.newId();

    ContainerRecord first = catalog.rootContainer("bob", firstId);
    ContainerRecord again = catalog.rootContainer("bob", Ids.newId());

    assertThat(first.id()).isEqualTo(firstId);
    assertThat(first.isRoot()).isTrue();
    assertThat(first.ownerId()).isEqualTo("bob");
    assertThat(again).isEqualTo(first);
    assertThat(catalog.findContainer(firstId)).contains(first);
  }

  @Test
  void rootContainer_twoOwners_getDifferentContainers() {
    ContainerRecord bob = catalog.rootContainer("bob", Ids.newId());
    ContainerRecord carol = catalog.rootContainer("carol", Ids.newId());

    assertThat(bob.id()).isNotEqualTo(carol.id());
    assertThat(catalog.rootContainer(OWNER, Ids.newId()).id()).isEqualTo(root);
  }

  @Test
  void rootContainer_manyThreadsAtOnce_allGetTheSameContainer() throws Exception {
    List<ContainerRecord> results =
        Race.run(12, i -> () -> catalog.rootContainer("bob", Ids.newId()));

    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
    assertThat(catalog.findContainer(results.get(0).id())).contains(results.get(0));
  }

  @Test
  void findContainer_unknownId_isEmpty() {
    assertThat(catalog.findContainer(Ids.newId())).isEmpty();
  }

  @Test
  void userInfo_neverStored_isEmpty() {
    assertThat(catalog.userInfo("bob")).isEmpty();
  }

  @Test
  void putUserInfo_thenOverwrite_readsBackTheLastValuePerUser() {
    catalog.putUserInfo("bob", "{\"theme\":\"dark\"}");
    catalog.putUserInfo("carol", "");
    catalog.putUserInfo("bob", "ünïcode ☃ 😀");

    assertThat(catalog.userInfo("bob")).contains("ünïcode ☃ 😀");
    assertThat(catalog.userInfo("carol")).contains("");
  }

  private Optional<FileRecord> create(String name, FileVersion first) {
    return catalog.tryCreateFile(Ids.newId(), root, name, OWNER, first);
  }

  private static FileVersion version(long number, String blobKey, Instant createdAt) {
    return version(
        number, blobKey, createdAt, List.of(), number == 1 ? SaveKind.CREATED : SaveKind.EXPLICIT);
  }

  private static FileVersion version(
      long number, String blobKey, Instant createdAt, List<String> editors, SaveKind kind) {
    return new FileVersion(
        number, blobKey, 1000 + number, "sha-" + blobKey, createdAt, OWNER, editors, kind);
  }
}
