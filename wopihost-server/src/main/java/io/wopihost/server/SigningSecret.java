package io.wopihost.server;

import io.wopihost.server.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token signing secret: from configuration when given (several nodes must share it), else a
 * file in the data dir that the first start generates, readable by its owner only.
 */
final class SigningSecret {

  private SigningSecret() {}

  static byte[] load(Settings settings) throws IOException {
    if (settings.tokenSecret().isPresent()) {
      return settings.tokenSecret().get().bytes();
    }
    Path file = settings.signingSecretFile();
    if (!Files.exists(file)) {
      generate(file);
    }
    byte[] secret = Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
    if (secret.length < 32) {
      throw new IOException(file + " holds fewer than 32 characters: delete it to generate a new"
          + " secret (this invalidates every access token issued so far)");
    }
    return secret;
  }

  private static void generate(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    try {
      // Created owner-only from the start, so the secret is never readable by others.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      return;
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(
        file, Base64.getEncoder().encodeToString(random) + "\n", StandardOpenOption.WRITE);
  }
}
