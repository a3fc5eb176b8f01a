package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/cli.md shows each command's help as the command prints it. */
class DocsTest {
  @ParameterizedTest
  @ValueSource(strings = {"lint", "explain", "render", "simulate", "decide", "generate-completion"})
  void docsShowTheHelpOfEachCommand(String command) throws IOException {
    String docs = Files.readString(Path.of("../docs/cli.md"));
    assertThat(docs).contains("```text\n" + Cli.run(command, "--help").out + "```\n");
  }
}
