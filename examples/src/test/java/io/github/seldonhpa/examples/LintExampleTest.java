package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.LintCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LintExampleTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = LintExampleTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void reportMatchesTheGoldenFile() throws IOException {
    String report = LintExample.report();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(Path.of("src/test/resources/golden/lint-report.txt"), report);
    }
    assertThat(report).isEqualTo(golden("lint-report.txt"));
  }

  @Test
  void theDocumentationsSetupHasNoErrors() {
    assertThat(LintExample.lint("seeds.yaml", LintExample.FACTS)).extracting(f -> f.code())
        .containsExactly(LintCode.NATIVE_SCALING_INERT);
  }

  @Test
  void theBrokenSetsTripEveryCheckOnce() {
    List<Finding> findings = new ArrayList<>(LintExample.lint("broken.yaml", LintExample.FAST_RELIST));
    findings.addAll(LintExample.lint("broken-old-seldon.yaml", LintExample.OLD_SELDON));
    findings.addAll(LintExample.lint("broken-keda.yaml", LintExample.FACTS));
    Map<LintCode, Long> counts = findings.stream()
        .collect(Collectors.groupingBy(Finding::code, Collectors.counting()));
    Set<LintCode> all = EnumSet.allOf(LintCode.class);
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(counts).allSatisfy((code, n) -> assertThat(n).as(code.id()).isEqualTo(1L));
  }
}
