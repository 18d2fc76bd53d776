package io.wopihost.server.hardening;

import static io.wopihost.server.WopiClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Arbitrary header values on the WOPI file endpoint (issue 8): whatever the lock id, override or
 * UTF-7 name, the answer is never a 5xx (but the spec's 501 for an unknown override), and the
 * file's data and lock are as they were; a name the host takes is a plain file name.
 */
final class HostileInputPropertiesTest {

  private static final String LOCK = "L0";
  private static final byte[] CONTENT = bytes("precious");

  private static final AtomicInteger OWNERS = new AtomicInteger();
  private static Path dir;
  private static TestHost host;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("wopihost-properties");
    host = TestHost.start(dir, Map.of("max-file-size", "1KiB"));
  }

  @AfterContainer
  static void stop() throws IOException {
    host.close();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Any text a header line can carry: no CR or LF, which would end the header. */
  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(1100),
            Arbitraries.strings().ascii().ofMaxLength(1100),
            Arbitraries.strings().withChars("+-/\\.AZaz09!&").ofMaxLength(40))
        .filter(v -> v.indexOf('\r') < 0 && v.indexOf('\n') < 0)
        .filter(v -> !v.strip().equals(LOCK));
  }

  @Property(tries = 200)
  void lockOperations_anyLockId_neverServerErrorAndNothingChanges(
      @ForAll("headerValues") String lockId,
      @ForAll("lockOperations") String operation)
      throws Exception {
    WopiClient victim = lockedFile();
    FileState before = FileState.of(host, victim);

    int status =
        victim.postRaw(
            operation.equals("PUT") ? "/contents" : "",
            request(operation, "X-WOPI-Lock: " + lockId, "evil"));

    assertThat(status).isBetween(400, 499);
    assertThat(FileState.of(host, victim)).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> lockOperations() {
    return Arbitraries.of("LOCK", "UNLOCK", "REFRESH_LOCK", "PUT", "DELETE");
  }

  @Property(tries = 200)
  void anyOverride_neverServerErrorButNotImplementedAndNothingChanges(
      @ForAll("headerValues") String override) throws Exception {
    WopiClient victim = lockedFile();
    FileState before = FileState.of(host, victim);

    int status = victim.postRaw("", request(override, "X-WOPI-Lock: " + LOCK, ""));

    assertThat(status == 501 || isClientError(status)).as("status %d", status).isTrue();
    assertThat(FileState.of(host, victim)).isEqualTo(before);
  }

  @Property(tries = 200)
  void renameOrPutRelative_anyName_neverServerErrorAndOnlyPlainNames(
      @ForAll("headerValues") String name, @ForAll("nameHeaders") String header)
      throws Exception {
    WopiClient victim = lockedFile();
    FileState before = FileState.of(host, victim);
    String override = header.equals("X-WOPI-RequestedName") ? "RENAME_FILE" : "PUT_RELATIVE";

    int status =
        victim.postRaw(
            "",
            request(override, header + ": " + name + "\r\nX-WOPI-Lock: " + LOCK, "copy"));

    assertThat(status == 200 || isClientError(status)).as("status %d", status).isTrue();
    FileState after = FileState.of(host, victim);
    assertThat(after.sameDataAs(before)).as("%s", after).isTrue();
    assertThat(after.plainNamesBeside(before)).as("%s", after).isTrue();
    if (status != 200) {
      assertThat(after).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<String> nameHeaders() {
    return Arbitraries.of(
        "X-WOPI-RequestedName", "X-WOPI-RelativeTarget", "X-WOPI-SuggestedTarget");
  }

  private static boolean isClientError(int status) {
    return status >= 400 && status < 500;
  }

  /** A new file, alone in a new owner's container, locked with {@link #LOCK}. */
  private static WopiClient lockedFile() throws Exception {
    WopiClient victim =
        host.newFile("Victim.docx", CONTENT, "owner-" + OWNERS.incrementAndGet());
    assertThat(victim.lock(LOCK).statusCode()).isEqualTo(200);
    return victim;
  }

  /** The rest of a raw POST: the override, more header lines, then the body. */
  private static byte[] request(String override, String headers, String body) {
    return ("X-WOPI-Override: " + override + "\r\n" + headers + "\r\nContent-Length: "
            + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8);
  }
}
