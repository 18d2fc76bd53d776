import io.wopihost.server.Host;
import io.wopihost.server.TokenMinter;
import io.wopihost.server.config.SettingsLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wopihost token} for many files in one JVM: reads file ids from stdin, prints {@code
 * FILE_ID ACCESS_TOKEN} lines. The CLI starts a JVM per token (most of a second each), which is
 * too slow for the editor-load scenario's thousand files. Run with the server's class path:
 * {@code java -cp 'wopihost-server/target/lib/*:wopihost-server/target/wopihost.jar'
 * bench/Tokens.java DATA_DIR USER TTL}, TTL such as PT2H.
 */
final class Tokens {

  private Tokens() {}

  public static void main(String[] args) throws Exception {
    var settings =
        SettingsLoader.load(Optional.empty(), System.getenv(), Map.of("data-dir", args[0]));
    Duration ttl = Duration.parse(args[2]);
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Host host = Host.open(settings, Clock.systemUTC())) {
      var minter = new TokenMinter(host);
      for (String id; (id = in.readLine()) != null; ) {
        if (!id.isBlank()) {
          System.out.println(id + " " + minter.mint(id.trim(), args[1], false, ttl).get("accessToken"));
        }
      }
    }
  }
}
