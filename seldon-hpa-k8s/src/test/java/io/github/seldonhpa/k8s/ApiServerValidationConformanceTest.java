package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code validation} group of {@code vectors/k8s-hpa.json} (transcribed from the API server's validation
 * tests): a valid spec gives no violation, an invalid one's first violation is the rule the API server's
 * first error states (its text contains the rule's API-server text) at the same path. Skipped without
 * ../shared.
 */
class ApiServerValidationConformanceTest {
  @TestFactory
  Stream<DynamicTest> validationVectors() throws IOException {
    Path file = SharedFiles.require("seldonhpa.vectors.hpa", "vectors/k8s-hpa.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode g : root.get("groups")) {
      if (!g.get("group").asText().equals("validation")) {
        continue;
      }
      for (JsonNode c : g.get("cases")) {
        tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
      }
    }
    assertThat(tests).hasSize(27);
    return tests.stream();
  }

  private static void check(JsonNode c) {
    Set<String> gates = new HashSet<>();
    c.get("featureGates").fields().forEachRemaining(f -> {
      if (f.getValue().asBoolean()) {
        gates.add(f.getKey());
      }
    });
    List<ApiServerValidation.Violation> violations = ApiServerValidation.validateSpec(c.get("hpa"), gates);
    if (c.get("valid").asBoolean()) {
      assertThat(violations).isEmpty();
      return;
    }
    assertThat(violations).isNotEmpty();
    String expected = c.get("errorContains").asText();
    ApiServerValidation.Violation first = violations.get(0);
    // the vectors give a path, when they do, as a suffix of the full one
    int colon = expected.indexOf(": ");
    boolean pathNamed = colon < 0 || first.path().endsWith(expected.substring(0, colon));
    assertThat(first.rule().apiServerTexts()).as(expected + " vs " + first.rule() + " at " + first.path())
        .anyMatch(text -> (expected.contains(text) || text.contains(expected)) && pathNamed);
  }
}
