package io.wopihost.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.spi.BlobStore;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.LockStore;
import io.wopihost.core.spi.ShareLinkStore;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.core.spi.WopiEvents;
import io.wopihost.core.wopi.HostPolicy;
import io.wopihost.core.wopi.HostUrls;
import io.wopihost.jdbc.JdbcEventStore;
import io.wopihost.jdbc.JdbcWebSessions;
import io.wopihost.office.OfficeEditors;
import io.wopihost.server.http.HostPageAccess;
import io.wopihost.server.http.StalledRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The web UI people use: sign-in, the file browser, a file's page with its history and share
 * links, and the administrators' user list. Server-rendered HTML with a small script for uploads.
 * Pages that need a user send a signed-out visitor to the sign-in page; every state-changing
 * request must carry the session's CSRF token.
 */
public final class WebUi implements HttpService {

  /**
   * What the UI works on.
   *
   * @param secureCookies whether cookies are marked Secure (the public URL is https)
   * @param audit where a file page finds who took its lock
   * @param editors what the file pages' View and Edit buttons open
   * @param stalls cuts off uploads that stop arriving
   */
  public record Stores(
      Catalog catalog,
      LockStore locks,
      BlobStore blobs,
      UserDirectory users,
      JdbcWebSessions sessions,
      ShareLinkStore shares,
      HostUrls urls,
      HostPolicy policy,
      Clock clock,
      boolean secureCookies,
      WopiEvents events,
      JdbcEventStore audit,
      OfficeEditors editors,
      StalledRequests stalls) {}

  /** A handler of a signed-in visitor's request. */
  @FunctionalInterface
  private interface Page {
    void handle(ServerRequest req, ServerResponse res, Visitor visitor);
  }

  /** A handler of a signed-in visitor's form post, its CSRF token checked. */
  @FunctionalInterface
  private interface Post {
    void handle(ServerRequest req, ServerResponse res, Visitor visitor, Form form);
  }

  private final Sessions sessions;
  private final SignInPages signIn;
  private final FolderPages folders;
  private final MovePages moves;
  private final FilePages files;
  private final SharePages shares;
  private final AdminPages admin;
  private final List<HostPageAccess> hostPages;

  public WebUi(Stores s) {
    this.sessions = new Sessions(s.sessions(), s.users(), s.clock(), s.secureCookies());
    this.signIn = new SignInPages(s.users(), s.sessions(), sessions, s.clock());
    this.moves = new MovePages(s.catalog(), s.events(), s.clock());
    var buttons = new EditorButtons(s.editors(), s.urls());
    this.folders =
        new FolderPages(s.catalog(), s.locks(), s.blobs(), s.policy(), s.clock(), moves, buttons,
            s.stalls());
    this.files =
        new FilePages(
            s.catalog(), s.locks(), new LockState(s.audit(), s.users()),
            buttons, moves, s.blobs(), s.shares(), s.urls(),
            s.clock(), folders, s.events());
    var sharedHostPage =
        new SharedHostPage(s.shares(), s.clock(), Sessions.LIFETIME, s.secureCookies());
    this.shares =
        new SharePages(s.catalog(), s.blobs(), s.shares(), s.urls(), s.policy(), s.clock(),
            sharedHostPage, buttons);
    this.admin = new AdminPages(s.users(), s.catalog());
    this.hostPages =
        List.of(
            new SignedInHostPage(sessions, s.catalog(), s.clock(), Sessions.LIFETIME),
            sharedHostPage);
  }

  /**
   * Who may open the editor's host page through the web UI: a signed-in user for their files,
   * and the holder of a file's share link with the link's right.
   */
  public List<HostPageAccess> hostPageAccess() {
    return hostPages;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", page((req, res, v) -> Html.redirect(res, "/files")))
        .get("/static/{name}", WebUi::asset)
        .get("/signin", guarded((req, res) -> signIn.form(req, res)))
        .post("/signin", guarded((req, res) -> signIn.signIn(req, res)))
        .post("/signout", post(signIn::signOut))
        .get("/account", page(signIn::account))
        .post("/account", post(signIn::changePassword))
        .get("/admin/users", page(admin::users))
        .get("/files", page(folders::home))
        .get("/files/{cid}", page(folders::folder))
        .post("/files/{cid}/upload", page(this::upload))
        .post("/files/{cid}/folder", post(folders::newFolder))
        .post("/files/{cid}/new", post(folders::newDocument))
        .post("/files/{cid}/rename", post(folders::renameFolder))
        .post("/files/{cid}/delete", post(folders::deleteFolder))
        .post("/files/{cid}/move", post(moves::moveFolder))
        .get("/file/{id}", page(files::file))
        .get("/file/{id}/download", page(files::download))
        .get("/file/{id}/history", page(files::history))
        .get("/file/{id}/versions/{version}", page(files::downloadVersion))
        .post("/file/{id}/restore", post(files::restore))
        .post("/file/{id}/rename", post(files::rename))
        .post("/file/{id}/move", post(moves::moveFile))
        .get("/file/{id}/delete", page(files::confirmDelete))
        .post("/file/{id}/delete", post(files::delete))
        .post("/file/{id}/unlock", post(files::unlock))
        .post("/file/{id}/share", post(shares::create))
        .post("/file/{id}/revoke", post(shares::revoke))
        .get("/s/{link}", guarded((req, res) -> shares.open(req, res, sessions.visitor(req))))
        .get("/s/{link}/open",
            guarded((req, res) -> shares.openInEditor(req, res, sessions.visitor(req))))
        .get("/s/{link}/content",
            guarded((req, res) -> shares.content(req, res, sessions.visitor(req))));
  }

  /** Uploads carry their CSRF token in a header: the body is the file, streamed as it comes. */
  private void upload(ServerRequest req, ServerResponse res, Visitor v) {
    Sessions.checkCsrf(v, req.headers().first(HeaderNames.create(Sessions.CSRF_HEADER)));
    folders.upload(req, res, v);
  }

  private Handler page(Page page) {
    return guarded((req, res) -> {
      Optional<Visitor> visitor = sessions.visitor(req);
      if (visitor.isEmpty()) {
        if (req.prologue().method() == Method.GET) {
          Html.redirect(res, "/signin");
        } else {
          Html.error(res, Status.UNAUTHORIZED_401, Optional.empty(),
              "You are signed out. Sign in again and retry.");
        }
        return;
      }
      page.handle(req, res, visitor.get());
    });
  }

  private Handler post(Post post) {
    return page((req, res, v) -> {
      Form form = Form.read(req.content().inputStream());
      Sessions.checkCsrf(v, form.get("csrf"));
      post.handle(req, res, v, form);
    });
  }

  /** Turns an expected failure into a page that says what to do. */
  private Handler guarded(Handler handler) {
    return (req, res) -> {
      try {
        handler.handle(req, res);
      } catch (WebException e) {
        if (!res.isSent()) {
          Html.error(res, e.status(), sessions.visitor(req), e.getMessage());
        }
      }
    };
  }

  private static void asset(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("name");
    String type = switch (name) {
      case "app.css" -> "text/css; charset=utf-8";
      case "app.js" -> "text/javascript; charset=utf-8";
      default -> null;
    };
    if (type == null) {
      res.status(Status.NOT_FOUND_404).send();
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, type);
    res.header(HeaderNames.CACHE_CONTROL, "max-age=3600");
    try (InputStream in = WebUi.class.getResourceAsStream("/web/" + name);
        OutputStream out = res.outputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
