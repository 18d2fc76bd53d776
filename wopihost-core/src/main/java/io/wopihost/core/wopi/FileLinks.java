package io.wopihost.core.wopi;

import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import io.wopihost.core.token.TokenService;
import java.util.Set;

/**
 * URLs with a token for a resource reached from another token. The new token never outlives
 * the one it was minted from (the spec's token-trading rule), so walking from resource to
 * resource cannot renew access forever.
 */
final class FileLinks {

  private final TokenService tokens;
  private final HostUrls urls;

  FileLinks(TokenService tokens, HostUrls urls) {
    this.tokens = tokens;
    this.urls = urls;
  }

  String fileUrl(AccessToken from, String fileId) {
    return HostUrls.withToken(urls.wopiSrc(fileId), tokens.issue(from.forScope(Scope.file(fileId))));
  }

  String containerUrl(AccessToken from, String containerId) {
    return HostUrls.withToken(
        urls.containerSrc(containerId), tokens.issue(from.forScope(Scope.container(containerId))));
  }

  String ecosystemUrl(AccessToken from) {
    return HostUrls.withToken(
        urls.ecosystem(),
        tokens.issue(from.forScope(Scope.ecosystem(from.userId()))));
  }

  /**
   * CheckFileInfo's {@code FileUrl}: editors fetch it as given, without proof-key signatures, so
   * it carries a read-only token of its own kind that works there and nowhere else.
   */
  String contentsUrl(AccessToken from, String fileId) {
    var download =
        new AccessToken(
            from.userId(), new Scope(Scope.Kind.FILE_URL, fileId), Set.of(Permission.READ),
            from.expiresAt());
    return HostUrls.withToken(urls.fileUrl(fileId), tokens.issue(download));
  }
}
