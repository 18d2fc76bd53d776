package io.wopihost.server.http;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.token.AccessToken;
import java.util.Optional;

/**
 * Who may open a file's host page ({@code /open/{fileId}}), and with which rights. The page mints
 * the editor's access tokens from the grant, now and whenever the editor needs a fresh one. Today
 * a launch link grants it ({@link LaunchLinks}); a signed-in session of the web UI is another
 * implementation, tried in turn. Implementations are thread safe.
 */
public interface HostPageAccess {

  /**
   * The grant of the browser behind this request for that file: its user, rights and until when
   * the page may mint tokens; empty when the browser has none.
   */
  Optional<AccessToken> grant(ServerRequest request, String fileId);

  /**
   * The page was opened with this grant: remember it for the page's later token renewals, e.g.
   * with a cookie. Does nothing when the grant is remembered otherwise (a web session).
   */
  default void opened(ServerRequest request, ServerResponse response, AccessToken grant) {}
}
