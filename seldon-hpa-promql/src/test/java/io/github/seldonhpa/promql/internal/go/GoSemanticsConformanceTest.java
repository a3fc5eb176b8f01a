package io.github.seldonhpa.promql.internal.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Go-semantics part of the prometheus-adapter vectors: every {@code quoting} vector through
 * {@link GoQuote}, the regexp and {@code Expand} expectations of {@code naming}, and the {@code is}/
 * {@code isNot} matching of {@code seriesFilters} through {@link GoRegexp}. The adapter's own wording
 * around Go's results (config validation, "did not match" errors) is checked by the adapter tests; here
 * it is rebuilt only to compare whole expected texts.
 */
class GoSemanticsConformanceTest {

  private static JsonNode vectors() throws Exception {
    String json = SharedFiles.read("seldonhpa.vectors.adapter", "vectors/prometheus-adapter.json");
    return new ObjectMapper().readTree(json);
  }

  @TestFactory
  Stream<DynamicTest> quoting() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : vectors().get("quoting")) {
      String value = v.get("value").asText();
      String quoted = v.get("expect").get("quoted").asText();
      tests.add(DynamicTest.dynamicTest(v.get("id").asText(), () -> {
        assertThat(GoQuote.quote(value)).isEqualTo(quoted);
        assertThat(GoQuote.unquote(quoted)).isEqualTo(value);
      }));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> naming() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : vectors().get("naming")) {
      tests.add(DynamicTest.dynamicTest(v.get("id").asText(), () -> checkNaming(v)));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /** prometheus-adapter's NamersFromConfig defaults and MetricNameForSeries, on GoRegexp. */
  private static void checkNaming(JsonNode v) {
    String matches = v.get("matches").asText();
    String as = v.get("as").asText();
    String series = v.get("seriesName").asText();
    JsonNode expect = v.get("expect");
    GoRegexp re = GoRegexp.compile(matches.isEmpty() ? ".*" : matches);
    if (as.isEmpty()) {
      if (re.numSubexp() >= 2) {
        assertThat("must specify an 'as' value for name matcher " + GoQuote.quote(matches))
            .isEqualTo(expect.get("error").asText());
        return;
      }
      as = re.numSubexp() == 0 ? "$0" : "$1";
    }
    int[] match = re.findSubmatchIndex(series);
    if (match == null) {
      assertThat("series name " + GoQuote.quote(series) + " did not match expected pattern "
          + GoQuote.quote(matches)).isEqualTo(expect.get("error").asText());
      return;
    }
    assertThat(expect.has("metric")).as("vector expects %s", expect).isTrue();
    assertThat(re.expand(as, series, match)).isEqualTo(expect.get("metric").asText());
  }

  @TestFactory
  Stream<DynamicTest> seriesFilters() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : vectors().get("seriesFilters")) {
      JsonNode filter = v.get("filter");
      // A filter with both or neither expression is the adapter's config validation, not Go's regexp.
      if (filter.has("is") == filter.has("isNot")) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(v.get("id").asText(), () -> {
        boolean positive = filter.has("is");
        String expr = filter.get(positive ? "is" : "isNot").asText();
        JsonNode expect = v.get("expect");
        if (expect.has("error")) {
          assertThatThrownBy(() -> GoRegexp.compile(expr)).isInstanceOf(HpaValidationException.class)
              .satisfies(e -> assertThat("unable to compile series filter " + GoQuote.quote(expr) + ": "
                  + e.getMessage()).isEqualTo(expect.get("error").asText()));
          return;
        }
        boolean keep = GoRegexp.compile(expr).matches(v.get("seriesName").asText()) == positive;
        assertThat(keep).isEqualTo(expect.get("keep").asBoolean());
      }));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }
}
