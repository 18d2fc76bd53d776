package io.wopihost.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A PKCS#12 keystore with a self-signed certificate for localhost, made by the JDK's keytool. */
public final class SelfSignedKeystore {

  /** The alias of the key and its certificate. */
  public static final String ALIAS = "wopihost";

  private SelfSignedKeystore() {}

  public static Path create(Path file, String password) throws IOException, InterruptedException {
    Process keytool = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", password, "-keypass", password)
        .redirectErrorStream(true)
        .start();
    // Read to the end before waiting, so that keytool never blocks on a full pipe.
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    return file;
  }
}
