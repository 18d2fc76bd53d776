package io.wopihost.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wopihost.core.model.User;
import io.wopihost.server.SelfSignedKeystore;
import io.wopihost.server.TestHost;
import io.wopihost.server.config.SettingsException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS served by the node itself from a PKCS#12 keystore (a self-signed certificate made by the
 * JDK's keytool), and HTTPS terminated by a reverse proxy in front of a plain node: in
 * both, cookies are Secure and responses carry HSTS.
 */
class TlsTest {

  private static final String PASSWORD = "keystore-password-for-the-test";

  @TempDir static Path dir;
  private static Path keystore;
  private static Path passwordFile;

  @BeforeAll
  static void selfSignedKeystore() throws Exception {
    keystore = SelfSignedKeystore.create(dir.resolve("server.p12"), PASSWORD);
    passwordFile = Files.writeString(dir.resolve("keystore-password"), PASSWORD + "\n");
  }

  @Test
  void serve_withAKeystore_answersCheckFileInfoOverHttpsWithHstsAndSecureCookies()
      throws Exception {
    try (TestHost host = TestHost.start(dir.resolve("direct"), Map.of(
        "tls-keystore", keystore.toString(),
        "tls-keystore-password-file", passwordFile.toString(),
        "password-hash-cost", "4"))) {
      host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
      String fileId = host.importFile("Budget.docx", "content".getBytes(StandardCharsets.UTF_8));
      HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

      assertThat(host.host.publicUrl().getScheme()).isEqualTo("https");
      HttpResponse<String> info = https.send(HttpRequest.newBuilder(
              host.uri("/wopi/files/" + fileId + "?access_token=" + host.token(fileId))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body()).contains("\"BaseFileName\":\"Budget.docx\"");
      assertThat(info.headers().firstValue("Strict-Transport-Security"))
          .hasValue("max-age=31536000");
      HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(host.uri("/signin"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "username=alice&password=alice-password")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(signIn.statusCode()).isEqualTo(303);
      assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
          assertThat(cookie).contains("; Secure", "HttpOnly", "SameSite=Lax"));

      assertThatThrownBy(() -> HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(host.uri("/health/live")).build(),
              HttpResponse.BodyHandlers.ofString()))
          .as("a client that does not trust the certificate")
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void serve_behindATlsProxy_marksCookiesSecureAndSendsHsts() throws Exception {
    try (TestHost host = TestHost.start(dir.resolve("proxied"), Map.of(
        "public-url", "https://files.example.com",
        "password-hash-cost", "4"))) {
      host.host.users().tryAdd(new User("alice", "Alice"), "alice-password".toCharArray());
      URI direct = URI.create("http://127.0.0.1:" + host.host.port() + "/signin");

      HttpResponse<byte[]> signIn = host.send("POST", direct,
          "username=alice&password=alice-password".getBytes(StandardCharsets.UTF_8),
          "Content-Type", "application/x-www-form-urlencoded");

      assertThat(signIn.statusCode()).isEqualTo(303);
      assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
          assertThat(cookie).contains("; Secure"));
      assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
  }

  @Test
  void keystore_withTheWrongPasswordOrMissing_stopsStartUpNamingTheKey() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-password");
    for (Map<String, String> settings : List.of(
        Map.of("tls-keystore", keystore.toString(),
            "tls-keystore-password-file", wrong.toString()),
        Map.of("tls-keystore", dir.resolve("missing.p12").toString(),
            "tls-keystore-password-file", passwordFile.toString()))) {
      assertThatThrownBy(() -> TestHost.start(dir.resolve("node"), settings))
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith("tls-keystore = '")
          .hasMessageContaining("the keystore cannot be used")
          .hasMessageNotContaining("not-the-password")
          .hasMessageNotContaining(PASSWORD);
    }
    assertThatThrownBy(() -> TestHost.start(dir.resolve("node"),
            Map.of("tls-keystore", keystore.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("set tls-keystore-password-file");
  }

  /** A client context that trusts the keystore's own (self-signed) certificate. */
  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      server.load(in, PASSWORD.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("wopihost", server.getCertificate(SelfSignedKeystore.ALIAS));
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
