package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void versionIsTheProjectVersion() {
    Cli r = Cli.run("--version");
    assertThat(r.code).isZero();
    assertThat(r.out).matches("seldon-hpa \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    assertThat(Cli.run("lint", "--version").out).isEqualTo(r.out);
    assertThat(Cli.run("generate-completion", "--version").out).isEqualTo(r.out);
  }

  /** Every command's help, with its options and examples: docs/cli.md shows the same text. */
  @ParameterizedTest
  @ValueSource(strings = {"", "lint", "explain", "render", "simulate", "decide", "generate-completion"})
  void everyCommandHasHelpWithExamples(String command) {
    Cli r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("Examples:").contains("Exit codes");
    assertThat(r.err).isEmpty();
    Golden.assertMatches("help/" + (command.isEmpty() ? "seldon-hpa" : command) + ".txt", r.out);
  }

  @Test
  void completionScriptCompletesTheCommands() {
    Cli r = Cli.run("generate-completion");
    assertThat(r.code).isZero();
    assertThat(r.out).contains("complete -F _complete_seldon-hpa").contains("lint explain render simulate decide");
  }

  @Test
  void noCommandIsBadUsage() {
    Cli r = Cli.run();
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("seldon-hpa: a command is required (see seldon-hpa --help)\n");
  }

  @Test
  void unknownOptionsAndCommandsAreBadUsageInOneLine() {
    Cli option = Cli.run("lint", "--bogus", "x.yaml");
    assertThat(option.code).isEqualTo(2);
    assertThat(option.err).isEqualTo("seldon-hpa lint: Unknown option: '--bogus' (see seldon-hpa lint --help)\n");
    Cli command = Cli.run("lnt");
    assertThat(command.code).isEqualTo(2);
    assertThat(command.err).startsWith("seldon-hpa: Unmatched argument at index 0: 'lnt'").doesNotContain("\tat ");
    assertThat(command.err.lines().count()).isEqualTo(1);
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertThat(Main.colour(Map.of(), true)).isTrue();
    assertThat(Main.colour(Map.of(), false)).isFalse();
    assertThat(Main.colour(Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(Main.colour(Map.of("NO_COLOR", ""), true)).isTrue();
    assertThat(Main.colour(Map.of("TERM", "dumb"), true)).isFalse();
    String[] lint = {"lint", "src/test/resources/cli/broken/value-target-hpa.yaml"};
    assertThat(Cli.run(Map.of(), true, lint).out).contains("\u001b[1;31mERROR\u001b[0m");
    assertThat(Cli.run(Map.of("NO_COLOR", "1"), true, lint).out).doesNotContain("\u001b");
    assertThat(Cli.run(Map.of(), false, lint).out).doesNotContain("\u001b");
    assertThat(Cli.run(Map.of("NO_COLOR", "1"), true, "lint", "--help").out).doesNotContain("\u001b");
  }

  @Test
  void errorsAreOneLineAndDebugAddsTheStackTrace() {
    Cli plain = Cli.run("render", "src/test/resources/cli/missing.plan.yaml");
    assertThat(plain.code).isEqualTo(2);
    assertThat(plain.err).isEqualTo("seldon-hpa render: cannot read: no such file or directory"
        + " (at src/test/resources/cli/missing.plan.yaml, document 0)\n");
    Cli debug = Cli.run("render", "--debug", "src/test/resources/cli/missing.plan.yaml");
    assertThat(debug.code).isEqualTo(2);
    List<String> lines = debug.err.lines().toList();
    assertThat(lines.get(0)).isEqualTo(plain.err.strip());
    assertThat(lines.get(1)).startsWith("io.github.seldonhpa.k8s.ManifestReadException: cannot read");
    assertThat(debug.err).contains("\tat io.github.seldonhpa.");
  }

  @Test
  void multiLineMessagesBecomeOneLine() {
    assertThat(Main.message(new IllegalArgumentException("malformed YAML: unexpected character found \n(10) (at x)")))
        .isEqualTo("malformed YAML: unexpected character found (10) (at x)");
    assertThat(Main.message(new java.io.UncheckedIOException(new java.io.IOException("disk gone"))))
        .isEqualTo("disk gone");
    assertThat(Main.message(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
