package io.wopihost.server.web;

import io.wopihost.core.model.User;

/**
 * The signed-in user of a request.
 *
 * @param sessionSecret the session cookie's value
 * @param csrfToken what the session's state-changing requests must carry
 */
record Visitor(User user, boolean admin, String sessionSecret, String csrfToken) {

  String id() {
    return user.id();
  }

  /** Whether the visitor may see and change what {@code ownerId} owns. */
  boolean mayAccess(String ownerId) {
    return admin || user.id().equals(ownerId);
  }

  @Override
  public String toString() {
    return "Visitor[" + user.id() + (admin ? ", admin" : "") + "]";
  }
}
