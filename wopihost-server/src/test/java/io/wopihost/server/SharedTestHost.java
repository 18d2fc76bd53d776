package io.wopihost.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestHost} for all the tests of a class, in a temp dir of its own, so that each test
 * pays for a new file rather than a new node. Tests stay independent by working on files from
 * {@link #newFile}, each in a container of its own. Register it as {@code @RegisterExtension static
 * final SharedTestHost NODE = new SharedTestHost();}.
 */
final class SharedTestHost implements BeforeAllCallback, AfterAllCallback {

  private final AtomicInteger owners = new AtomicInteger();
  private Path dir;
  private TestHost host;

  TestHost host() {
    return host;
  }

  /**
   * Imports a file for a new owner, alone in the owner's root container so that its name clashes
   * with no other test's file, and returns the owner's client with every right on it.
   */
  WopiClient newFile(String name, byte[] content) throws IOException {
    return host.newFile(name, content, "owner-" + owners.incrementAndGet());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("wopihost-test");
    host = TestHost.start(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    host.close();
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
