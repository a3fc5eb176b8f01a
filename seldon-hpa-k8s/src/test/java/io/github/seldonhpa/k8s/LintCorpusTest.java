package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A corpus of files in the shapes public repositories use (Seldon Core 2's samples and k8s/yaml, the
 * prometheus-adapter docs, deploy manifests and Helm chart values, the Kubernetes docs' HPAs, kubectl List
 * output, kube-prometheus objects), written for this test: each file's findings, by exact code, are listed in
 * {@code lint/corpus/expected.txt}; reading, linting and the typed views throw nothing but the library's
 * exceptions.
 */
class LintCorpusTest {
  static final LintFacts FACTS = LintFacts.builder().seldonVersion("2.10.1").build();

  /** {@code file -> codes} from expected.txt ({@code -} for none). */
  static Map<String, String> expected() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Fixtures.read("lint/corpus/expected.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    return out;
  }

  @Test
  void everyFileHasItsExpectedFindingsAndNothingThrows() {
    Map<String, String> expected = expected();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
    List<String> exceptions = new ArrayList<>();
    Map<String, String> actual = new LinkedHashMap<>();
    List<Manifest> all = new ArrayList<>();
    for (String file : expected.keySet()) {
      try {
        List<Manifest> manifests = ManifestReader.create().read(file, Fixtures.read("lint/corpus/" + file));
        all.addAll(manifests);
        List<Finding> findings = Lint.check(manifests, FACTS);
        actual.put(file, findings.isEmpty() ? "-"
            : findings.stream().map(f -> f.code().id()).collect(Collectors.joining(" ")));
        manifests.forEach(m -> typedViews(m, exceptions));
      } catch (RuntimeException | Error e) {
        exceptions.add(file + ": " + e);
      }
    }
    try {
      assertThat(Lint.check(all, FACTS)).isNotEmpty();
    } catch (RuntimeException | Error e) {
      exceptions.add("all files together: " + e);
    }
    assertThat(exceptions).as("exceptions").isEmpty();
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  /** Every typed view the object may have either works or throws {@link HpaValidationException}. */
  private static void typedViews(Manifest m, List<String> exceptions) {
    List<Function<Manifest, Object>> views = List.of(Manifest::toHpa, Manifest::toModel, Manifest::toServer,
        Manifest::toAdapterConfig);
    for (Function<Manifest, Object> view : views) {
      try {
        view.apply(m);
      } catch (HpaValidationException expected) {
        // the library's own error, naming the field
      } catch (RuntimeException | Error e) {
        exceptions.add(m + ": " + e);
      }
    }
  }
}
