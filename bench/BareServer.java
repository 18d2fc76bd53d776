import ch.qos.logback.classic.Level;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ceiling for CheckFileInfo: Helidon SE on the same runtime class path as wopihost, one route
 * answering every GET with the bytes of a captured CheckFileInfo body, and nothing else (no
 * token check, no database, no logging). Run as a single-file program:
 * {@code java -cp 'wopihost-server/target/lib/*' bench/BareServer.java PORT BODYFILE}.
 */
final class BareServer {

  private BareServer() {}

  public static void main(String[] args) throws Exception {
    // Without wopihost's logback.xml, logback logs everything at DEBUG; quiet it as wopihost does.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    int port = Integer.parseInt(args[0]);
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(port)
            .routing(
                routing ->
                    routing.get(
                        "/wopi/files/{id}",
                        (req, res) -> {
                          res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
                          res.header("X-WOPI-ServerVersion", "bare");
                          res.header("X-WOPI-MachineName", "bare");
                          res.send(body);
                        }))
            .build()
            .start();
    System.out.println("bare server listening on port " + server.port());
  }
}
