package io.wopihost.core.token;

import java.util.Objects;

/**
 * The resource a token reaches. WOPI endpoints accept only {@link Kind#FILE}, {@link
 * Kind#CONTAINER} and {@link Kind#ECOSYSTEM}; the other kinds are credentials of their own that
 * no WOPI endpoint takes, so that a share link or an OAuth token never works as a WOPI token.
 *
 * @param kind what the token reaches
 * @param id the file or container id; the user id for {@link Kind#ECOSYSTEM} and {@link
 *     Kind#USER}
 */
public record Scope(Kind kind, String id) {

  /** The kinds of resource; new kinds are only ever appended (tokens store the ordinal). */
  public enum Kind {
    FILE,
    /** A container and everything below it. */
    CONTAINER,
    /** The user's entry point without a file or container id. */
    ECOSYSTEM,
    /** The user's account: an OAuth 2.0 access token, taken only by the bootstrapper. */
    USER,
    /**
     * Retired: file share links are rows of the {@code ShareLinkStore}, revocable. The constant
     * stays so that the ordinals of the kinds after it do not move.
     */
    SHARED_FILE,
    /** A share link to a container, opened in a browser. */
    SHARED_CONTAINER,
    /**
     * CheckFileInfo's {@code FileUrl}: GetFile of one file, which editors call without proof-key
     * signatures, so it is the only kind that endpoint takes, and it takes no other.
     */
    FILE_URL,
    /**
     * A browser's grant to open a file's host page (a launch link, or the page's own session):
     * the page mints access tokens from it, and no WOPI endpoint takes it.
     */
    HOST_PAGE
  }

  public Scope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static Scope file(String fileId) {
    return new Scope(Kind.FILE, fileId);
  }

  public static Scope container(String containerId) {
    return new Scope(Kind.CONTAINER, containerId);
  }

  public static Scope ecosystem(String userId) {
    return new Scope(Kind.ECOSYSTEM, userId);
  }
}
