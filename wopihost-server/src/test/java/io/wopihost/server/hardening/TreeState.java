package io.wopihost.server.hardening;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.model.FileRecord;
import io.wopihost.core.spi.Catalog;
import io.wopihost.core.token.Permission;
import io.wopihost.server.TestHost;
import io.wopihost.server.WopiClient;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a refused request on a container must leave alone: every container and file of a user's
 * tree, by id, with its parent, its name and, for a file, its bytes (GetFile with a fresh token).
 */
record TreeState(Map<String, Node> nodes) {

  /** A container (content {@code null}) or a file. */
  record Node(String parent, String name, String content) {}

  static TreeState of(TestHost host, String owner, String rootId) throws Exception {
    Map<String, Node> nodes = new TreeMap<>();
    Catalog catalog = host.host.catalog();
    ContainerRecord root = catalog.findContainer(rootId).orElseThrow();
    nodes.put(root.id(), new Node(null, root.name(), null));
    add(host, owner, root.id(), nodes);
    return new TreeState(nodes);
  }

  private static void add(TestHost host, String owner, String containerId, Map<String, Node> nodes)
      throws Exception {
    Catalog catalog = host.host.catalog();
    for (FileRecord file : catalog.childFiles(containerId)) {
      var reader =
          new WopiClient(
              host, file.id(), host.token(file.id(), owner, EnumSet.allOf(Permission.class)));
      nodes.put(
          file.id(), new Node(containerId, file.name(), Arrays.toString(reader.content())));
    }
    for (ContainerRecord child : catalog.childContainers(containerId)) {
      nodes.put(child.id(), new Node(containerId, child.name(), null));
      add(host, owner, child.id(), nodes);
    }
  }

  /**
   * What an accepted request may have done to {@code before}: renamed a node or added one node (a
   * container or an empty file), under plain names; every node keeps its place and its bytes.
   */
  boolean harmlessChangeOf(TreeState before) {
    int added = 0;
    for (var entry : nodes.entrySet()) {
      Node now = entry.getValue();
      Node was = before.nodes.get(entry.getKey());
      if (!FileState.plainName(now.name())) {
        return false;
      }
      if (was == null) {
        added++;
        if (now.content() != null && !now.content().equals("[]")) {
          return false;
        }
      } else if (!Objects.equals(was.parent(), now.parent())
          || !Objects.equals(was.content(), now.content())) {
        return false;
      }
    }
    return added <= 1 && nodes.keySet().containsAll(before.nodes.keySet());
  }
}
