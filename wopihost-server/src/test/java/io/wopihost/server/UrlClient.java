package io.wopihost.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.Ids;
import io.wopihost.core.token.AccessToken;
import io.wopihost.core.token.Permission;
import io.wopihost.core.token.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * WOPI requests on the URLs the host hands out (a container pointer's {@code Url}, a child
 * file's {@code Url}, an {@code EcosystemUrl}), as Office mobile sends them, against a {@link
 * TestHost}; and the container tokens tests start from.
 */
final class UrlClient {

  private final TestHost node;

  UrlClient(TestHost node) {
    this.node = node;
  }

  /** {@code url} with {@code suffix} added to its path, before the query. */
  static String withSuffix(String url, String suffix) {
    int query = url.indexOf('?');
    return query < 0 ? url + suffix : url.substring(0, query) + suffix + url.substring(query);
  }

  HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return node.send("GET", URI.create(url), null);
  }

  /** GET of {@code url} with {@code suffix} added to its path, with headers. */
  HttpResponse<byte[]> get(String url, String suffix, String... headers)
      throws IOException, InterruptedException {
    return node.send("GET", URI.create(withSuffix(url, suffix)), null, headers);
  }

  /** POST with {@code X-WOPI-Override} and more headers. */
  HttpResponse<byte[]> post(String url, String override, String... headers)
      throws IOException, InterruptedException {
    String[] all = new String[headers.length + 2];
    all[0] = "X-WOPI-Override";
    all[1] = override;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return node.send("POST", URI.create(url), new byte[0], all);
  }

  /** A GET's JSON, which must be a 200. */
  JsonNode json(String url, String suffix) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get(url, suffix);
    if (response.statusCode() != 200) {
      throw new AssertionError(url + suffix + " answered " + response.statusCode() + ": "
          + WopiClient.text(response));
    }
    return WopiClient.json(response);
  }

  /** A new container in the user's root, named uniquely, so that tests sharing a node differ. */
  ContainerRecord newFolder(String user) {
    String root = node.host.catalog().rootContainer(user, Ids.newId()).id();
    return node.host.catalog().tryCreateContainer(Ids.newId(), root, "t-" + Ids.newId())
        .orElseThrow();
  }

  /** The URL of a container with a token of the user with every right, valid for 10 hours. */
  String containerUrl(String containerId, String user) {
    return containerUrl(containerId, user, EnumSet.allOf(Permission.class));
  }

  String containerUrl(String containerId, String user, Set<Permission> rights) {
    return urlWithToken(
        node.host.urls().containerSrc(containerId),
        new AccessToken(
            user,
            Scope.container(containerId),
            rights,
            node.clock.instant().plus(Duration.ofHours(10))));
  }

  String urlWithToken(String url, AccessToken grant) {
    return url + "?access_token=" + node.host.tokens().issue(grant);
  }

  /** The grant of the token in a URL the host handed out. */
  AccessToken grantIn(String url) {
    String token = URI.create(url).getQuery().replaceFirst("^access_token=", "").split("&")[0];
    return node.host.tokens().verify(token).orElseThrow();
  }
}
