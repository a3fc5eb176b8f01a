package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated plan files (lines dropped, duplicated or re-indented, values replaced with odd scalars) either read
 * into plans whose objects render, or fail with the library's exception carrying a position in the file.
 */
class PlanFilePropertyTest {
  private static final String[] LINES = Fixtures.read("plans/irisa0.plan.yaml").split("\n");
  private static final List<String> ODD = List.of("", "0", "-1", "3", "2.5", "500m", "3x", "yes", "~", "null",
      "[]", "{}", "[1, 2]", "{a: b}", "'x'", "\"\"", "Object", "External", "Pods", "AverageValue", "Value",
      "Percent", "model-infer-rps", "99999999999999999999", "1e400", "a/b", "Iris", "x".repeat(300), "2m", "0s",
      "-", "*", "&a", "!x");

  @Test
  void mutatedPlansReadOrFailWithAPosition() {
    qt().withExamples(3000)
        .forAll(lists().of(integers().all()).ofSizeBetween(1, 6))
        .checkAssert(program -> {
          String yaml = mutate(program);
          try {
            for (PlanFile p : PlanFile.read("p.yaml", yaml)) {
              assertThat(p.objects()).isNotEmpty();
            }
          } catch (ManifestReadException e) {
            assertThat(e.source()).isEqualTo("p.yaml");
            assertThat(e.getMessage()).endsWith(")");
          } catch (HpaValidationException e) {
            throw new AssertionError("not a ManifestReadException for\n" + yaml, e);
          }
        });
  }

  /** Applies one edit per program step: drop, duplicate or re-indent a line, or replace its value. */
  private static String mutate(List<Integer> program) {
    List<String> lines = new ArrayList<>(List.of(LINES));
    for (int step : program) {
      int at = Math.floorMod(step, lines.size());
      String line = lines.get(at);
      switch (Math.floorMod(step >> 8, 4)) {
        case 0:
          lines.remove(at);
          break;
        case 1:
          lines.add(at, line);
          break;
        case 2:
          lines.set(at, "  " + line);
          break;
        default:
          int colon = line.indexOf(": ");
          String value = ODD.get(Math.floorMod(step >> 10, ODD.size()));
          lines.set(at, colon < 0 ? line.replaceFirst("- .*", "- " + value) : line.substring(0, colon + 2) + value);
          break;
      }
      if (lines.isEmpty()) {
        lines.add("kind: ScalingPlan");
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
