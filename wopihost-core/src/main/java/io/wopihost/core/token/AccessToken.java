package io.wopihost.core.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token grants: one user, one resource, a set of permissions, until an instant.
 *
 * @param userId the user the token acts for
 * @param scope the file or container it reaches
 * @param permissions what it may do there
 * @param expiresAt the instant it stops working ({@code access_token_ttl})
 */
public record AccessToken(
    String userId, Scope scope, Set<Permission> permissions, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(scope, "scope");
    permissions = Set.copyOf(permissions);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  /** Whether this token reaches exactly that file. */
  public boolean isForFile(String fileId) {
    return scope.kind() == Scope.Kind.FILE && scope.id().equals(fileId);
  }

  /** A token for another resource with the same user, rights and expiry (token trading rule). */
  public AccessToken forScope(Scope other) {
    return new AccessToken(userId, other, permissions, expiresAt);
  }
}
