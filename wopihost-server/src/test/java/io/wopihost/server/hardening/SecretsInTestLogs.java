package io.wopihost.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.wopihost.core.token.Scope;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret in the logs of a whole test run (issue 8): every test class's output, which surefire
 * keeps in {@code target/surefire-reports/*-output.txt} of each module, is searched for access
 * tokens, {@code access_token=} parameters, session cookies, and the passwords and signing secrets
 * the tests use. Not a {@code *Test}: the server module's {@code verify} phase runs it, after the
 * tests of every module (see its POM), so that it reads the output of the run it ends.
 */
final class SecretsInTestLogs {

  /** The reactor's root directory, whose modules' reports are read. */
  static final String REACTOR_PROPERTY = "wopihost.reactor.dir";

  // The shortest token: 15 bytes of claims with one-character ids, then a 32-byte MAC.
  private static final Pattern BASE64URL_RUN = Pattern.compile("[A-Za-z0-9_-]{63,}");
  private static final Pattern TOKEN_PARAMETER = Pattern.compile("access_token=[^&\\s\"'<>]");
  private static final Pattern SESSION_COOKIE = Pattern.compile("wopihost_session=[^;\\s\"']");
  private static final int MAC_LENGTH = 32;
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  /**
   * The passwords and signing secrets the tests set; a test that brings a new one adds it here.
   * Secrets generated at random cannot be listed: tokens and cookies are found by their shape.
   */
  private static final List<String> KNOWN_SECRETS =
      List.of(
          "alice-password",
          "bob-password",
          "admin-password",
          "root-password",
          "first-password",
          "second-password",
          "new-password",
          "s3cret pass",
          "r1t4's pw",
          "correct horse battery",
          "correct-horse-battery-staple",
          "a-known-signing-secret-0123456789-abcdefghij",
          "a-signing-secret-every-node-of-the-cluster-shares",
          "another secret of 32 bytes or more!!",
          "0123456789abcdefghijklmnopqrstuv",
          "a webhook secret of some length");

  @Test
  void outputOfEveryTestClass_ofTheWholeRun_holdsNoSecret() throws IOException {
    List<Path> outputs = testOutputs(Path.of(System.getProperty(REACTOR_PROPERTY, "..")));
    assumeFalse(outputs.isEmpty(), "no test output to search: no test ran in this build");
    List<String> findings = new ArrayList<>();
    long lines = 0;
    for (Path output : outputs) {
      // Latin-1 reads any byte: a log line may hold the raw bytes of a hostile request.
      List<String> text = Files.readAllLines(output, StandardCharsets.ISO_8859_1);
      for (int i = 0; i < text.size(); i++) {
        String where = output.getFileName() + ":" + (i + 1) + ": ";
        secretsIn(text.get(i)).forEach(what -> findings.add(where + what));
      }
      lines += text.size();
    }
    System.out.printf(
        "SecretsInTestLogs: %d output files, %d lines searched, %d secrets found%n",
        outputs.size(), lines, findings.size());
    assertThat(findings).isEmpty();
  }

  /** What secrets a line holds, described without repeating them. */
  static List<String> secretsIn(String line) {
    List<String> found = new ArrayList<>();
    for (String secret : KNOWN_SECRETS) {
      if (line.contains(secret)) {
        found.add("a password or signing secret of the tests (" + secret.length() + " chars)");
      }
    }
    if (TOKEN_PARAMETER.matcher(line).find()) {
      found.add("an access_token parameter with its value");
    }
    if (SESSION_COOKIE.matcher(line).find()) {
      found.add("a session cookie with its value");
    }
    Matcher run = BASE64URL_RUN.matcher(line);
    while (run.find()) {
      accessToken(run.group()).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Whether {@code text} is an access token: base64url of the claim block (format byte 1, a
   * plausible expiry, rights, a scope kind, two ids) and the MAC that follows it.
   */
  private static Optional<String> accessToken(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != 1) {
        return Optional.empty();
      }
      Instant expiry = Instant.ofEpochMilli(in.readLong());
      in.readUnsignedByte();
      int kind = in.readUnsignedByte();
      if (expiry.isBefore(EARLIEST)
          || expiry.isAfter(LATEST)
          || kind >= Scope.Kind.values().length) {
        return Optional.empty();
      }
      in.readUTF();
      String user = in.readUTF();
      if (in.available() != MAC_LENGTH) {
        return Optional.empty();
      }
      return Optional.of("an access token of " + user + " (" + Scope.Kind.values()[kind] + ")");
    } catch (IOException notClaims) {
      return Optional.empty();
    }
  }

  private static List<Path> testOutputs(Path reactor) throws IOException {
    List<Path> outputs = new ArrayList<>();
    try (Stream<Path> modules = Files.list(reactor)) {
      List<Path> reportDirs =
          modules
              .map(module -> module.resolve("target/surefire-reports"))
              .filter(Files::isDirectory)
              .toList();
      for (Path reports : reportDirs) {
        try (Stream<Path> files = Files.list(reports)) {
          files
              .filter(f -> f.getFileName().toString().endsWith("-output.txt"))
              .forEach(outputs::add);
        }
      }
    }
    outputs.sort(null);
    return outputs;
  }
}
