package io.wopihost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.model.Activity;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.model.FileVersion;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.SaveKind;
import io.wopihost.core.spi.Catalog;
import java.time.Instant;
import java.util.ArrayList;
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
  void versions_modifiedByUserTrueFalseOrUnsaid_roundTrip() {
    FileRecord file = create("m.docx", version(1, "blob-m1", T0)).orElseThrow();
    List<FileVersion> saves = new ArrayList<>();
    List<Optional<Boolean>> said = List.of(Optional.of(true), Optional.of(false), Optional.empty());
    for (Optional<Boolean> modified : said) {
      long n = saves.size() + 2;
      FileVersion next =
          new FileVersion(n, "blob-m" + n, 1, "sha", T0.plusSeconds(n), OWNER, List.of(),
              SaveKind.AUTOSAVE, modified);
      catalog.tryCommitVersion(file.id(), n - 1, next).orElseThrow();
      saves.addFirst(next);
    }

    assertThat(catalog.versions(file.id())).startsWith(saves.toArray(FileVersion[]::new));
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
  void referencedBlobKeys_mixOfKeys_returnsThoseOfEveryStoredVersion() {
    FileRecord a = create("a.docx", version(1, "blob-a1", T0)).orElseThrow();
    catalog.tryCommitVersion(a.id(), 1, version(2, "blob-a2", T0.plusSeconds(1))).orElseThrow();
    create("b.docx", version(1, "blob-b1", T0)).orElseThrow();

    assertThat(catalog.referencedBlobKeys(List.of("blob-a1", "blob-a2", "blob-b1", "blob-x", "")))
        .containsExactlyInAnyOrder("blob-a1", "blob-a2", "blob-b1");
  }

  @Test
  void referencedBlobKeys_afterDeleteFile_noLongerReturnsItsKeys() {
    FileRecord a = create("a.docx", version(1, "blob-a1", T0)).orElseThrow();
    catalog.tryCommitVersion(a.id(), 1, version(2, "blob-a2", T0.plusSeconds(1))).orElseThrow();
    create("b.docx", version(1, "blob-b1", T0)).orElseThrow();

    catalog.deleteFile(a.id());

    assertThat(catalog.referencedBlobKeys(List.of("blob-a1", "blob-a2", "blob-b1")))
        .containsExactly("blob-b1");
  }

  @Test
  void referencedBlobKeys_noKeys_returnsEmpty() {
    create("a.docx", version(1, "blob-a1", T0)).orElseThrow();

    assertThat(catalog.referencedBlobKeys(List.of())).isEmpty();
  }

  @Test
  void referencedBlobKeys_thousandsOfKeysAtOnce_answersForEachOne() {
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      asked.add("unused-" + i);
    }
    for (int i = 0; i < 5; i++) {
      create("f" + i + ".txt", version(1, "used-" + i, T0)).orElseThrow();
      asked.add(i * 1_000 + 500, "used-" + i);
    }

    assertThat(catalog.referencedBlobKeys(asked))
        .containsExactlyInAnyOrder("used-0", "used-1", "used-2", "used-3", "used-4");
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

  @Test
  void tryCreateContainer_freeName_isOwnedByTheParentsOwnerAndFound() {
    catalog.rootContainer("bob", Ids.newId());
    String id = Ids.newId();

    ContainerRecord created = catalog.tryCreateContainer(id, root, "Reports").orElseThrow();

    assertThat(created).isEqualTo(new ContainerRecord(id, root, OWNER, "Reports"));
    assertThat(catalog.findContainer(id)).contains(created);
    assertThat(catalog.childContainers(root)).containsExactly(created);
  }

  @Test
  void tryCreateContainer_nameTakenInOtherCase_returnsEmpty() {
    ContainerRecord first = catalog.tryCreateContainer(Ids.newId(), root, "Reports").orElseThrow();

    assertThat(catalog.tryCreateContainer(Ids.newId(), root, "REPORTS")).isEmpty();
    assertThat(catalog.childContainers(root)).containsExactly(first);
  }

  @Test
  void tryCreateContainer_unknownParent_returnsEmpty() {
    assertThat(catalog.tryCreateContainer(Ids.newId(), Ids.newId(), "Reports")).isEmpty();
  }

  @Test
  void tryCreateContainer_sameNameAsAFile_succeeds() {
    create("Reports", version(1, "blob-1", T0)).orElseThrow();

    assertThat(catalog.tryCreateContainer(Ids.newId(), root, "Reports")).isPresent();
  }

  @Test
  void tryCreateContainer_manyThreadsSameName_exactlyOneWins() throws Exception {
    List<Optional<ContainerRecord>> results =
        Race.run(
            10,
            i -> () -> catalog.tryCreateContainer(Ids.newId(), root, i % 2 == 0 ? "Race" : "RACE"));

    List<ContainerRecord> winners = results.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    assertThat(catalog.childContainers(root)).containsExactly(winners.get(0));
  }

  @Test
  void tryRenameContainer_freeName_keepsIdAndParent() {
    ContainerRecord folder = catalog.tryCreateContainer(Ids.newId(), root, "Old").orElseThrow();

    assertThat(catalog.tryRenameContainer(folder.id(), "New")).isTrue();

    assertThat(catalog.findContainer(folder.id()))
        .contains(new ContainerRecord(folder.id(), root, OWNER, "New"));
    assertThat(catalog.tryCreateContainer(Ids.newId(), root, "old")).isPresent();
  }

  @Test
  void tryRenameContainer_toASiblingsNameInOtherCase_returnsFalse() {
    ContainerRecord a = catalog.tryCreateContainer(Ids.newId(), root, "A").orElseThrow();
    catalog.tryCreateContainer(Ids.newId(), root, "B").orElseThrow();

    assertThat(catalog.tryRenameContainer(a.id(), "b")).isFalse();
    assertThat(catalog.findContainer(a.id())).contains(a);
  }

  @Test
  void tryRenameContainer_itsOwnNameInOtherCase_renames() {
    ContainerRecord a = catalog.tryCreateContainer(Ids.newId(), root, "docs").orElseThrow();

    assertThat(catalog.tryRenameContainer(a.id(), "Docs")).isTrue();
    assertThat(catalog.findContainer(a.id()).orElseThrow().name()).isEqualTo("Docs");
  }

  @Test
  void tryRenameContainer_rootToAnotherRootsName_renames() {
    ContainerRecord bob = catalog.rootContainer("bob", Ids.newId());

    assertThat(catalog.tryRenameContainer(root, bob.name())).isTrue();
    assertThat(catalog.findContainer(root).orElseThrow().name()).isEqualTo(bob.name());
  }

  @Test
  void tryRenameContainer_unknownContainer_returnsFalse() {
    assertThat(catalog.tryRenameContainer(Ids.newId(), "x")).isFalse();
  }

  @Test
  void deleteContainer_empty_deletesIt() {
    ContainerRecord folder = catalog.tryCreateContainer(Ids.newId(), root, "Tmp").orElseThrow();

    assertThat(catalog.deleteContainer(folder.id())).isEqualTo(Catalog.ContainerDeletion.DELETED);

    assertThat(catalog.findContainer(folder.id())).isEmpty();
    assertThat(catalog.deleteContainer(folder.id()))
        .isEqualTo(Catalog.ContainerDeletion.NOT_FOUND);
  }

  @Test
  void deleteContainer_withAFile_isNotEmptyAndKeepsEverything() {
    ContainerRecord folder = catalog.tryCreateContainer(Ids.newId(), root, "Full").orElseThrow();
    FileRecord file =
        catalog
            .tryCreateFile(Ids.newId(), folder.id(), "a.txt", OWNER, version(1, "blob-1", T0))
            .orElseThrow();

    assertThat(catalog.deleteContainer(folder.id()))
        .isEqualTo(Catalog.ContainerDeletion.NOT_EMPTY);

    assertThat(catalog.findContainer(folder.id())).contains(folder);
    assertThat(catalog.findFile(file.id())).contains(file);
  }

  @Test
  void deleteContainer_withAChildContainer_isNotEmpty() {
    ContainerRecord folder = catalog.tryCreateContainer(Ids.newId(), root, "Outer").orElseThrow();
    catalog.tryCreateContainer(Ids.newId(), folder.id(), "Inner").orElseThrow();

    assertThat(catalog.deleteContainer(folder.id()))
        .isEqualTo(Catalog.ContainerDeletion.NOT_EMPTY);
  }

  @Test
  void deleteContainer_racingAFileCreation_neverLeavesAFileWithoutItsContainer() throws Exception {
    for (int round = 0; round < 5; round++) {
      ContainerRecord folder =
          catalog.tryCreateContainer(Ids.newId(), root, "Race" + round).orElseThrow();
      String fileId = Ids.newId();

      Race.run(
          2,
          i ->
              () -> {
                if (i == 0) {
                  return catalog.deleteContainer(folder.id());
                }
                try {
                  return catalog.tryCreateFile(
                      fileId, folder.id(), "a.txt", OWNER, version(1, "b", T0));
                } catch (RuntimeException refusedByTheDatabase) {
                  return Optional.empty();
                }
              });

      boolean fileExists = catalog.findFile(fileId).isPresent();
      assertThat(catalog.findContainer(folder.id()).isPresent()).isEqualTo(fileExists);
    }
  }

  @Test
  void ancestry_nestedContainers_rootFirstEndingWithTheContainer() {
    ContainerRecord a = catalog.tryCreateContainer(Ids.newId(), root, "a").orElseThrow();
    ContainerRecord b = catalog.tryCreateContainer(Ids.newId(), a.id(), "b").orElseThrow();
    ContainerRecord rootRecord = catalog.findContainer(root).orElseThrow();

    assertThat(catalog.ancestry(b.id(), 64)).containsExactly(rootRecord, a, b);
    assertThat(catalog.ancestry(root, 64)).containsExactly(rootRecord);
  }

  @Test
  void ancestry_longerThanTheLimit_returnsTheNearestContainers() {
    ContainerRecord a = catalog.tryCreateContainer(Ids.newId(), root, "a").orElseThrow();
    ContainerRecord b = catalog.tryCreateContainer(Ids.newId(), a.id(), "b").orElseThrow();

    assertThat(catalog.ancestry(b.id(), 2)).containsExactly(a, b);
  }

  @Test
  void ancestry_unknownContainer_isEmpty() {
    assertThat(catalog.ancestry(Ids.newId(), 64)).isEmpty();
  }

  @Test
  void children_filesAndContainers_listedSeparatelyByNameIgnoringCase() {
    ContainerRecord zeta = catalog.tryCreateContainer(Ids.newId(), root, "zeta").orElseThrow();
    ContainerRecord alpha = catalog.tryCreateContainer(Ids.newId(), root, "Alpha").orElseThrow();
    ContainerRecord nested =
        catalog.tryCreateContainer(Ids.newId(), alpha.id(), "nested").orElseThrow();
    FileRecord b = create("b.docx", version(1, "blob-1", T0)).orElseThrow();
    FileRecord a = create("A.txt", version(1, "blob-2", T0)).orElseThrow();

    assertThat(catalog.childContainers(root)).containsExactly(alpha, zeta);
    assertThat(catalog.childFiles(root)).containsExactly(a, b);
    assertThat(catalog.childContainers(alpha.id())).containsExactly(nested);
    assertThat(catalog.childFiles(alpha.id())).isEmpty();
  }

  @Test
  void renameAndChildren_idsNeverChange() {
    ContainerRecord folder = catalog.tryCreateContainer(Ids.newId(), root, "f").orElseThrow();
    FileRecord file =
        catalog
            .tryCreateFile(Ids.newId(), folder.id(), "a.txt", OWNER, version(1, "blob-1", T0))
            .orElseThrow();

    catalog.tryRenameContainer(folder.id(), "g");
    catalog.tryRenameFile(file.id(), "b.txt");

    assertThat(catalog.childContainers(root)).extracting(ContainerRecord::id)
        .containsExactly(folder.id());
    assertThat(catalog.childFiles(folder.id())).extracting(FileRecord::id)
        .containsExactly(file.id());
  }

  @Test
  void addActivities_twoBatches_readBackInOrderWithRetriesIgnored() {
    FileRecord file = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    Activity first = activity("id-1", T0, "{\"Id\":\"id-1\"}");
    Activity second = activity("id-2", T0, "{\"Id\":\"id-2\",\"Text\":\"ünï ☃\"}");
    Activity third = activity("id-3", T0.plusSeconds(1), "{\"Id\":\"id-3\"}");

    catalog.addActivities(file.id(), List.of(first, second));
    catalog.addActivities(
        file.id(), List.of(activity("id-1", T0.plusSeconds(1), "{\"retry\":true}"), third));

    assertThat(catalog.activities(file.id())).containsExactly(first, second, third);
  }

  @Test
  void activities_perFile_areSeparateAndGoWithTheFile() {
    FileRecord a = create("a.docx", version(1, "blob-1", T0)).orElseThrow();
    FileRecord b = create("b.docx", version(1, "blob-2", T0)).orElseThrow();
    catalog.addActivities(a.id(), List.of(activity("x", T0, "{}")));
    catalog.addActivities(b.id(), List.of(activity("x", T0, "{\"b\":1}")));

    catalog.deleteFile(a.id());

    assertThat(catalog.activities(a.id())).isEmpty();
    assertThat(catalog.activities(b.id())).containsExactly(activity("x", T0, "{\"b\":1}"));
  }

  @Test
  void tryMoveFile_intoAFolderOfTheTree_keepsIdAndNameAndLeavesTheOldFolder() {
    FileRecord file = create("Plan.docx", version(1, "blob-1", T0)).orElseThrow();
    ContainerRecord folder = folder(root, "Archive");

    assertThat(catalog.tryMoveFile(file.id(), folder.id())).isEqualTo(Catalog.Move.MOVED);

    assertThat(catalog.findFile(file.id()).orElseThrow().containerId()).isEqualTo(folder.id());
    assertThat(catalog.findFileByName(folder.id(), "plan.DOCX")).isPresent();
    assertThat(catalog.childFiles(root)).isEmpty();
    assertThat(catalog.tryMoveFile(file.id(), folder.id())).isEqualTo(Catalog.Move.MOVED);
  }

  @Test
  void tryMoveFile_nameTakenInTheTarget_changesNothing() {
    FileRecord file = create("Plan.docx", version(1, "blob-1", T0)).orElseThrow();
    ContainerRecord folder = folder(root, "Archive");
    catalog.tryCreateFile(Ids.newId(), folder.id(), "PLAN.docx", OWNER, version(1, "blob-2", T0));

    assertThat(catalog.tryMoveFile(file.id(), folder.id())).isEqualTo(Catalog.Move.NAME_TAKEN);

    assertThat(catalog.findFile(file.id()).orElseThrow().containerId()).isEqualTo(root);
  }

  @Test
  void tryMoveFile_missingFileOrTarget_orAnotherOwnersTree_isRefused() {
    FileRecord file = create("Plan.docx", version(1, "blob-1", T0)).orElseThrow();
    String otherRoot = catalog.rootContainer("bob", Ids.newId()).id();

    assertThat(catalog.tryMoveFile("no-such-file", root)).isEqualTo(Catalog.Move.NOT_FOUND);
    assertThat(catalog.tryMoveFile(file.id(), "no-such-folder")).isEqualTo(Catalog.Move.NOT_FOUND);
    assertThat(catalog.tryMoveFile(file.id(), otherRoot)).isEqualTo(Catalog.Move.OTHER_TREE);
    assertThat(catalog.findFile(file.id()).orElseThrow().containerId()).isEqualTo(root);
  }

  @Test
  void tryMoveContainer_underASibling_carriesEverythingBelowIt() {
    ContainerRecord a = folder(root, "A");
    ContainerRecord b = folder(root, "B");
    ContainerRecord inA = folder(a.id(), "Inner");

    assertThat(catalog.tryMoveContainer(a.id(), b.id())).isEqualTo(Catalog.Move.MOVED);

    assertThat(catalog.ancestry(inA.id(), 10).stream().map(ContainerRecord::id))
        .containsExactly(root, b.id(), a.id(), inA.id());
    assertThat(catalog.childContainers(root)).containsExactly(b);
  }

  @Test
  void tryMoveContainer_intoItselfOrBelowItself_isACycle_andARootCannotMove() {
    ContainerRecord a = folder(root, "A");
    ContainerRecord inA = folder(a.id(), "Inner");
    ContainerRecord deep = folder(inA.id(), "Deep");

    assertThat(catalog.tryMoveContainer(a.id(), a.id())).isEqualTo(Catalog.Move.CYCLE);
    assertThat(catalog.tryMoveContainer(a.id(), deep.id())).isEqualTo(Catalog.Move.CYCLE);
    assertThat(catalog.tryMoveContainer(root, a.id())).isEqualTo(Catalog.Move.ROOT);
    assertThat(catalog.ancestry(deep.id(), 10).stream().map(ContainerRecord::id))
        .containsExactly(root, a.id(), inA.id(), deep.id());
  }

  @Test
  void tryMoveContainer_nameTaken_missing_orAnotherTree_changesNothing() {
    ContainerRecord a = folder(root, "A");
    ContainerRecord b = folder(root, "B");
    folder(b.id(), "a");
    String otherRoot = catalog.rootContainer("bob", Ids.newId()).id();

    assertThat(catalog.tryMoveContainer(a.id(), b.id())).isEqualTo(Catalog.Move.NAME_TAKEN);
    assertThat(catalog.tryMoveContainer(a.id(), "gone")).isEqualTo(Catalog.Move.NOT_FOUND);
    assertThat(catalog.tryMoveContainer("gone", b.id())).isEqualTo(Catalog.Move.NOT_FOUND);
    assertThat(catalog.tryMoveContainer(a.id(), otherRoot)).isEqualTo(Catalog.Move.OTHER_TREE);
    assertThat(catalog.findContainer(a.id()).orElseThrow().parentId()).isEqualTo(root);
  }

  @Test
  void tryMoveContainer_twoFoldersIntoEachOtherAtOnce_neverCloseACycle() throws Exception {
    for (int round = 0; round < 10; round++) {
      ContainerRecord a = folder(root, "A" + round);
      ContainerRecord b = folder(root, "B" + round);

      List<Catalog.Move> results =
          Race.run(
              2,
              i ->
                  () ->
                      i == 0
                          ? catalog.tryMoveContainer(a.id(), b.id())
                          : catalog.tryMoveContainer(b.id(), a.id()));

      assertThat(results).containsExactlyInAnyOrder(Catalog.Move.MOVED, Catalog.Move.CYCLE);
      assertThat(catalog.ancestry(a.id(), 10).get(0).id()).isEqualTo(root);
      assertThat(catalog.ancestry(b.id(), 10).get(0).id()).isEqualTo(root);
    }
  }

  private ContainerRecord folder(String parentId, String name) {
    return catalog.tryCreateContainer(Ids.newId(), parentId, name).orElseThrow();
  }

  private static Activity activity(String id, Instant at, String json) {
    return new Activity(id, "comment", OWNER, at, json);
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
