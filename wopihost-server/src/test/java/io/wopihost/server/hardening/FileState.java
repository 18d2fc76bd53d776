package io.wopihost.server.hardening;

import io.wopihost.core.model.FileRecord;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * What a refused request must leave alone: the file's bytes (GetFile with a good token), its
 * version, its lock and the names in its container (read from the catalog).
 */
record FileState(String content, long version, String lock, List<String> siblings) {

  static FileState of(TestHost host, WopiClient client) throws IOException, InterruptedException {
    FileRecord file = host.host.catalog().findFile(client.fileId()).orElseThrow();
    return new FileState(
        Arrays.toString(client.content()),
        file.version(),
        WopiClient.header(client.getLock(), "X-WOPI-Lock"),
        host.host.catalog().childFiles(file.containerId()).stream()
            .map(FileRecord::name)
            .sorted()
            .toList());
  }

  /** The same bytes, version and lock, whatever the names. */
  boolean sameDataAs(FileState other) {
    return content.equals(other.content) && version == other.version && lock.equals(other.lock);
  }

  /**
   * At most one name more than {@code before}, and every name a plain file name: no path
   * separator, no control character, not a dot name.
   */
  boolean plainNamesBeside(FileState before) {
    return siblings.size() <= before.siblings.size() + 1
        && siblings.stream().allMatch(FileState::plainName);
  }

  /** Not empty, not a dot name, no path separator, no control character. */
  static boolean plainName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
  }
}
