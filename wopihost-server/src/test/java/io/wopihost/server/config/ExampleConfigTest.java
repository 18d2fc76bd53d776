package io.wopihost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The annotated example configuration that ships at the root of the project. */
class ExampleConfigTest {

  private static final Path EXAMPLE = Path.of("..", "wopihost.example.properties");

  @Test
  void example_listsEveryKeyWithItsDefaultAndNothingElse() throws Exception {
    Properties example = new Properties();
    try (Reader in = Files.newBufferedReader(EXAMPLE)) {
      example.load(in);
    }

    assertThat(example).containsExactlyInAnyOrderEntriesOf(SettingsLoader.DEFAULTS);
  }

  @Test
  void example_loadedAsTheConfigFile_isValid() {
    Settings settings = SettingsLoader.load(Optional.of(EXAMPLE), Map.of(), Map.of());

    assertThat(settings.port()).isEqualTo(8880);
  }
}
