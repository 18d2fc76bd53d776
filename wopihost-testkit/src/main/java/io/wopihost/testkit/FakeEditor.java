package io.wopihost.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WOPI client (editor) for tests, written for this project: it serves a discovery document
 * shaped like the one of ONLYOFFICE Docs, Collabora Online or Office for the web, with proof
 * keys it generates (and rotates on demand), and signs requests exactly as the proof-key spec
 * says, with its own code. Its editor pages record the forms a host page posts to them and the
 * messages the host page sends them. Runs on {@code com.sun.net.httpserver} on a random port of
 * the loopback interface. Thread safe.
 */
public final class FakeEditor implements AutoCloseable {

  /** Whose discovery document it imitates. */
  public enum Flavor {
    ONLYOFFICE,
    COLLABORA,
    MICROSOFT
  }

  /**
   * A form the host page posted to an editor page.
   *
   * @param path the action URL's path
   * @param query the action URL's raw query
   * @param form the posted fields, decoded
   */
  public record Post(String path, String query, Map<String, String> form) {}

  private static final long TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000L;
  private static final int KEY_POOL = 16;
  private static final List<KeyPair> KEYS = new ArrayList<>();
  private static int nextKey;

  private final Flavor flavor;
  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private volatile KeyPair current = newKeyPair();
  private volatile KeyPair old = newKeyPair();
  private volatile boolean publishKeys = true;
  private volatile boolean down;

  private FakeEditor(Flavor flavor) throws IOException {
    this.flavor = flavor;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hosting/discovery", this::discovery);
    server.createContext("/record", this::record);
    server.createContext("/", this::editorPage);
    server.start();
  }

  public static FakeEditor start(Flavor flavor) throws IOException {
    return new FakeEditor(flavor);
  }

  /** The editor's base URL; its discovery is {@code <base>/hosting/discovery}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The origin of its pages, which the host page must accept messages from. */
  public String origin() {
    return baseUrl().toString();
  }

  /** How many times its discovery was asked for. */
  public int discoveryFetches() {
    return fetches.get();
  }

  /** While down, discovery answers 503. */
  public void setDown(boolean down) {
    this.down = down;
  }

  /** Whether discovery has a {@code proof-key} element. */
  public void setPublishKeys(boolean publish) {
    this.publishKeys = publish;
  }

  /** Rotates as Office for the web does: the current key becomes the old one. */
  public void rotateKeys() {
    old = current;
    current = newKeyPair();
  }

  /** Replaces both keys, as an administrator generating a new key does. */
  public void replaceKeys() {
    current = newKeyPair();
    old = newKeyPair();
  }

  public KeyPair currentKey() {
    return current;
  }

  public KeyPair oldKey() {
    return old;
  }

  /** The proof headers for a request: X-WOPI-Proof with the current key, ProofOld with the old. */
  public Map<String, String> sign(String token, String url, Instant at) {
    return sign(token, url, at, current.getPrivate(), old.getPrivate());
  }

  /** The proof headers, with any keys (a wrong or rotated key, for negative cases). */
  public static Map<String, String> sign(
      String token, String url, Instant at, PrivateKey proofKey, PrivateKey proofOldKey) {
    long ticks = ticks(at);
    byte[] data = proofData(token, url, ticks);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-WOPI-Proof", signature(proofKey, data));
    headers.put("X-WOPI-ProofOld", signature(proofOldKey, data));
    headers.put("X-WOPI-TimeStamp", Long.toString(ticks));
    return headers;
  }

  /** .NET ticks of an instant. */
  public static long ticks(Instant at) {
    return TICKS_AT_UNIX_EPOCH + at.getEpochSecond() * 10_000_000L + at.getNano() / 100;
  }

  /** What the editor's pages received: the forms posted to them. */
  public BlockingQueue<Post> posts() {
    return posts;
  }

  /** What the editor's pages received: the messages (raw {@code event.data}) from the host page. */
  public BlockingQueue<String> messages() {
    return messages;
  }

  /**
   * An RSA key pair unlike the last {@value #KEY_POOL} minus one handed out in this JVM. Making a
   * 2048-bit key takes about half a second on a busy machine, so keys are reused after that.
   */
  public static KeyPair newKeyPair() {
    synchronized (KEYS) {
      if (KEYS.size() < KEY_POOL) {
        KEYS.add(generateKeyPair());
        return KEYS.getLast();
      }
      return KEYS.get(nextKey++ % KEY_POOL);
    }
  }

  private static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  /** The discovery document as it is now. */
  public String discoveryXml() {
    var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<wopi-discovery>\n");
    xml.append("  <net-zone name=\"external-http\">\n");
    switch (flavor) {
      case ONLYOFFICE -> {
        String end = "&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;&lt;embed=EMBEDDED&amp;&gt;"
            + "&lt;hid=HOST_SESSION_ID&amp;&gt;&lt;sc=SESSION_CONTEXT&amp;&gt;&lt;thm=THEME_ID&amp;&gt;"
            + "&lt;ui=UI_LLCC&amp;&gt;&lt;wopisrc=WOPI_SOURCE&amp;&gt;&amp;";
        app(xml, "Word", "/web-apps/apps/documenteditor/main/resources/img/favicon.ico",
            List.of("docx", "odt"), List.of("view", "embedview", "edit", "editnew"),
            action -> "/hosting/wopi/word/" + action + "?" + end);
        app(xml, "Excel", "/web-apps/apps/spreadsheeteditor/main/resources/img/favicon.ico",
            List.of("xlsx"), List.of("view", "edit"),
            action -> "/hosting/wopi/cell/" + action + "?" + end);
      }
      case COLLABORA -> {
        String page = "/browser/0123abcd/cool.html?";
        app(xml, "application/vnd.oasis.opendocument.text", "/favicon.ico", List.of("odt"),
            List.of("edit", "view"), action -> page);
        app(xml, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "/favicon.ico", List.of("docx"), List.of("edit", "view"), action -> page);
        app(xml, "Capabilities", "", List.of(""), List.of("getinfo"),
            action -> "/hosting/capabilities");
      }
      case MICROSOFT -> {
        String end = "&lt;ui=UI_LLCC&amp;&gt;&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;"
            + "&lt;hid=HOST_SESSION_ID&amp;&gt;&lt;sc=SESSION_CONTEXT&amp;&gt;"
            + "&lt;wopisrc=WOPI_SOURCE&amp;&gt;&lt;IsLicensedUser=BUSINESS_USER&amp;&gt;";
        app(xml, "Word", "/wv/resources/1033/FavIcon_Word.ico", List.of("docx"),
            List.of("view", "edit", "editnew", "embedview"),
            action -> "/we/" + action + "frame.aspx?" + end);
      }
    }
    xml.append("  </net-zone>\n");
    if (publishKeys) {
      KeyPair c = current;
      KeyPair o = old;
      xml.append("  <proof-key ")
          .append(keyAttributes("old", o))
          .append(' ')
          .append(keyAttributes("", c))
          .append(" />\n");
    }
    return xml.append("</wopi-discovery>\n").toString();
  }

  private interface UrlPath {
    String of(String action);
  }

  private void app(
      StringBuilder xml, String name, String favicon, List<String> exts, List<String> actions,
      UrlPath path) {
    xml.append("    <app name=\"").append(name).append('"');
    if (!favicon.isEmpty()) {
      xml.append(" favIconUrl=\"").append(baseUrl()).append(favicon).append('"');
    }
    xml.append(">\n");
    for (String ext : exts) {
      for (String action : actions) {
        xml.append("      <action name=\"").append(action).append("\" ext=\"").append(ext)
            .append('"');
        if (action.equals("view")) {
          xml.append(" default=\"true\"");
        }
        if (action.startsWith("edit")) {
          xml.append(" requires=\"locks,update\"");
        }
        xml.append(" urlsrc=\"").append(baseUrl()).append(path.of(action)).append("\" />\n");
      }
    }
    xml.append("    </app>\n");
  }

  /** {@code modulus}/{@code exponent} and the CAPI blob {@code value}, as Microsoft publishes. */
  private static String keyAttributes(String prefix, KeyPair pair) {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    byte[] modulus = unsigned(key.getModulus());
    byte[] exponent = unsigned(key.getPublicExponent());
    ByteBuffer blob = ByteBuffer.allocate(20 + modulus.length).order(ByteOrder.LITTLE_ENDIAN);
    blob.put(new byte[] {6, 2, 0, 0}).putInt(0xA400).put("RSA1".getBytes(StandardCharsets.US_ASCII))
        .putInt(modulus.length * 8).putInt(key.getPublicExponent().intValueExact());
    for (int i = modulus.length - 1; i >= 0; i--) {
      blob.put(modulus[i]);
    }
    Base64.Encoder b64 = Base64.getEncoder();
    return prefix + "value=\"" + b64.encodeToString(blob.array()) + "\" "
        + prefix + "modulus=\"" + b64.encodeToString(modulus) + "\" "
        + prefix + "exponent=\"" + b64.encodeToString(exponent) + "\"";
  }

  private static byte[] unsigned(BigInteger n) {
    byte[] bytes = n.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  /** The signed bytes, written out here independently of the host's verifier. */
  private static byte[] proofData(String token, String url, long ticks) {
    byte[] t = token.getBytes(StandardCharsets.UTF_8);
    byte[] u = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    ByteBuffer data = ByteBuffer.allocate(4 + t.length + 4 + u.length + 4 + 8);
    data.putInt(t.length).put(t).putInt(u.length).put(u).putInt(8).putLong(ticks);
    return data.array();
  }

  private static String signature(PrivateKey key, byte[] data) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(data);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    fetches.incrementAndGet();
    if (down) {
      respond(exchange, 503, "text/plain", "down for the test");
      return;
    }
    respond(exchange, 200, "text/xml; charset=utf-8", discoveryXml());
  }

  private void record(HttpExchange exchange) throws IOException {
    messages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    respond(exchange, 204, "text/plain", "");
  }

  private void editorPage(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("POST")) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
      posts.add(new Post(exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), form));
    }
    respond(exchange, 200, "text/html; charset=utf-8", EDITOR_PAGE);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Says it is loaded, and reports every message from the host page to {@code /record}. */
  private static final String EDITOR_PAGE =
      """
      <!doctype html><html><head><meta charset="utf-8"><title>stand-in editor</title></head>
      <body><p id="editor">stand-in editor</p><script>
      window.addEventListener('message', function (e) {
        if (e.source !== window.parent) { return; }
        fetch('/record', {method: 'POST', body: typeof e.data === 'string' ? e.data : JSON.stringify(e.data)});
      });
      window.parent.postMessage(JSON.stringify({MessageId: 'App_LoadingStatus', SendTime: Date.now(),
        Values: {Status: 'Document_Loaded', DocumentLoadedTime: Date.now()}}), '*');
      </script></body></html>
      """;

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
