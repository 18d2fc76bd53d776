package io.wopihost.server.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.wopihost.core.model.Ids;
import io.wopihost.core.model.User;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.spi.UserDirectory;
import io.wopihost.server.web.WebException.Forbidden;
import java.util.Optional;

/** What administrators see: every user, with a link to their files. */
final class AdminPages {

  private final UserDirectory users;
  private final Catalog catalog;

  AdminPages(UserDirectory users, Catalog catalog) {
    this.users = users;
    this.catalog = catalog;
  }

  void users(ServerRequest req, ServerResponse res, Visitor v) {
    if (!v.admin()) {
      throw new Forbidden("Only an administrator can see the list of users.");
    }
    var rows = new StringBuilder();
    for (User user : users.list()) {
      rows.append("<tr><td>").append(Html.escape(user.id())).append("</td><td>")
          .append(Html.escape(user.displayName())).append("</td><td>")
          .append(users.isAdmin(user.id()) ? "admin" : "").append("</td><td><a href=\"/files/")
          .append(catalog.rootContainer(user.id(), Ids.newId()).id()).append("\">Files of ")
          .append(Html.escape(user.id())).append("</a></td></tr>");
    }
    Html.page(res, Status.OK_200, Optional.of(v), "Users",
        "<table><thead><tr><th scope=\"col\">User</th><th scope=\"col\">Name</th>"
            + "<th scope=\"col\">Role</th><th scope=\"col\">Files</th></tr></thead><tbody>" + rows
            + "</tbody></table><p class=\"hint\">Add users with <code>./wopihost user add ID"
            + "</code>.</p>");
  }
}
