package io.wopihost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wopihost.blob.fs.FileSystemBlobStore;
import io.wopihost.server.BlobFiles;
import io.wopihost.server.FileImporter;
import io.wopihost.server.Host;
import io.wopihost.server.config.SettingsLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code db migrate}, {@code locks list|clear} and {@code blobs gc}, run in-process on a data dir.
 * The commands use the wall clock, so locks and blob ages are set relative to it.
 */
class OperationsCommandsTest {

  private static final Duration LOCK_TTL = Duration.ofMinutes(30);

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @Test
  void dbMigrate_withMigrationOffAtStart_appliesTheSchemaOnce() throws Exception {
    Path config = Files.writeString(dir.resolve("wopihost.properties"), "db-migrate=false\n");

    Run before = run("locks", "list", "--config", config.toString(), "--data-dir", data());
    Run first = run("db", "migrate", "--config", config.toString(), "--data-dir", data());
    Run again = run("db", "migrate", "--config", config.toString(), "--data-dir", data());
    Run after = run("locks", "list", "--config", config.toString(), "--data-dir", data());

    assertThat(before.exitCode()).isNotZero();
    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .matches("applied \\d+ migrations; the database schema is up to date\\R");
    assertThat(again.out()).isEqualTo("the database schema was already up to date\n");
    assertThat(after.exitCode()).isZero();
  }

  @Test
  void locksList_liveAndLapsedLocks_printsOneJsonLinePerLiveLock() throws Exception {
    Instant now = Instant.now();
    String a;
    String b;
    try (Host host = openHost()) {
      a = importFile(host, "a.docx");
      b = importFile(host, "b.docx");
      host.locks().tryAcquire(a, "lock \"A\"", now, now.plus(LOCK_TTL));
      host.locks().tryAcquire(b, "lapsed", now.minus(LOCK_TTL), now.minusSeconds(1));
    }

    Run list = run("locks", "list", "--data-dir", data());

    assertThat(list.exitCode()).isZero();
    assertThat(list.lines()).hasSize(1);
    Map<?, ?> lock = new ObjectMapper().readValue(list.lines().get(0), Map.class);
    assertThat(lock.get("fileId")).isEqualTo(a);
    assertThat(lock.get("lockId")).isEqualTo("lock \"A\"");
    assertThat(Instant.parse((String) lock.get("expiresAt"))).isAfter(now);
  }

  @Test
  void locksClear_oneOfTwoLockedFiles_removesOnlyItsLock() throws Exception {
    Instant now = Instant.now();
    String a;
    String b;
    try (Host host = openHost()) {
      a = importFile(host, "a.docx");
      b = importFile(host, "b.docx");
      host.locks().tryAcquire(a, "LA", now, now.plus(LOCK_TTL));
      host.locks().tryAcquire(b, "LB", now, now.plus(LOCK_TTL));
    }

    Run clear = run("locks", "clear", "--file", a, "--data-dir", data());
    Run again = run("locks", "clear", "--file", a, "--data-dir", data());

    assertThat(clear.out()).isEqualTo("cleared the lock 'LA' on file " + a + "\n");
    assertThat(again.out()).isEqualTo("file " + a + " had no live lock\n");
    assertThat(run("locks", "list", "--data-dir", data()).lines())
        .singleElement()
        .asString()
        .contains("\"" + b + "\"", "\"LB\"");
  }

  @Test
  void locks_withoutSubcommandOrFile_isAUsageError() {
    Run bare = run("locks");
    Run noFile = run("locks", "clear", "--data-dir", data());

    assertThat(bare.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(bare.err()).contains("name a subcommand: list or clear");
    assertThat(noFile.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(noFile.err()).contains("--file");
  }

  @Test
  void blobsGc_orphanOlderThanTheGrace_isDeletedAndFileContentsStay() throws Exception {
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
    String used;
    String orphan;
    try (Host host = openHost()) {
      String file = importFile(host, "a.docx");
      used = host.catalog().findFile(file).orElseThrow().blobKey();
      orphan = host.blobs().put(new ByteArrayInputStream(new byte[] {1}), 10).key();
    }
    BlobFiles.setStoredAt(blobDir(), used, twoDaysAgo);
    BlobFiles.setStoredAt(blobDir(), orphan, twoDaysAgo);

    Run gc = run("blobs", "gc", "--data-dir", data());

    assertThat(gc.exitCode()).isZero();
    assertThat(gc.out()).startsWith("deleted 1 of the 2 blobs older than PT24H");
    var blobs = new FileSystemBlobStore(blobDir());
    assertThat(blobs.exists(used)).isTrue();
    assertThat(blobs.exists(orphan)).isFalse();
  }

  @Test
  void blobsGc_graceOption_overridesTheSetting() throws Exception {
    String orphan;
    try (Host host = openHost()) {
      orphan = host.blobs().put(new ByteArrayInputStream(new byte[] {1}), 10).key();
    }
    BlobFiles.setStoredAt(blobDir(), orphan, Instant.now().minus(Duration.ofHours(2)));

    Run withDefault = run("blobs", "gc", "--data-dir", data());
    Run withOneHour = run("blobs", "gc", "--grace", "1h", "--data-dir", data());

    assertThat(withDefault.out()).startsWith("deleted 0 of the 0 blobs");
    assertThat(withOneHour.out()).startsWith("deleted 1 of the 1 blobs older than PT1H");
  }

  private Host openHost() throws IOException {
    return Host.open(
        SettingsLoader.load(Optional.empty(), Map.of(), Map.of("data-dir", data())),
        Clock.systemUTC());
  }

  private static String importFile(Host host, String name) throws IOException {
    return new FileImporter(host)
        .importFile(name, new ByteArrayInputStream(new byte[] {1, 2, 3}), "alice")
        .id();
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private Path blobDir() {
    return dir.resolve("data").resolve("blobs");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
