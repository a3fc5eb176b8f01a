package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.promql.Requirement.Op;
import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import io.github.seldonhpa.testing.SharedFiles;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of {@code prometheus-adapter.json} (or the file named by {@code seldonhpa.vectors.adapter}):
 * one dynamic test per vector id, comparing the exact query, metric name, label, boolean or error text.
 */
class AdapterConformanceTest {
  private static JsonNode vectors() throws IOException {
    Path file = SharedFiles.require("seldonhpa.vectors.adapter", "vectors/prometheus-adapter.json");
    return new ObjectMapper().readTree(file.toFile());
  }

  private static Stream<DynamicTest> section(String name, Consumer<JsonNode> check) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : vectors().get(name)) {
      tests.add(dynamicTest(v.get("id").asText(), () -> check.accept(v)));
    }
    return tests.stream();
  }

  /** The RESTMapper the vectors were computed with. */
  /** The rules compiled as the adapter does, stopping at the first error as it does. */
  private static List<RuleNamer> compile(List<DiscoveryRule> rules, ResourceTable table) {
    List<RuleNamer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      out.add(RuleNamer.of(i, rules.get(i), table));
    }
    return out;
  }

  static ResourceTable table(JsonNode root) {
    List<ResourceTable.Entry> entries = new ArrayList<>();
    for (JsonNode r : root.get("_meta").get("restMapper").get("resources")) {
      String singular = r.get("singular").asText();
      String kind = Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
      entries.add(new ResourceTable.Entry(r.get("group").asText(), r.get("plural").asText(), singular, kind,
          true));
    }
    return new ResourceTable(entries);
  }

  private static ResourceTable table() {
    try {
      return table(vectors());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** {@code metricSelector}: requirements given to {@code Selector.Add}, which sorts them. */
  private static List<Requirement> requirements(JsonNode selector) {
    List<Requirement> out = new ArrayList<>();
    for (JsonNode r : selector) {
      out.add(Requirement.of(r.get("key").asText(), Op.ofCode(r.get("operator").asText()),
          strings(r.get("values"))));
    }
    return Requirement.selectorOrder(out);
  }

  private static ResourceMapping mapping(JsonNode resources) {
    ResourceMapping.Builder b = ResourceMapping.builder();
    if (resources == null) {
      return b.build();
    }
    if (resources.has("template")) {
      b.template(resources.get("template").asText());
    }
    if (resources.has("overrides")) {
      resources.get("overrides").properties().forEach(e -> b.putOverride(e.getKey(),
          GroupResource.of(e.getValue().path("group").asText(""), e.getValue().get("resource").asText())));
    }
    if (resources.has("namespaced")) {
      b.namespaced(resources.get("namespaced").asBoolean());
    }
    return b.build();
  }

  static DiscoveryRule rule(JsonNode r) {
    DiscoveryRule.Builder b = DiscoveryRule.builder().seriesQuery(r.get("seriesQuery").asText())
        .resources(mapping(r.get("resources")));
    if (r.has("seriesFilters")) {
      for (JsonNode f : r.get("seriesFilters")) {
        SeriesFilter.Builder fb = SeriesFilter.builder();
        if (f.has("is")) {
          fb.is(f.get("is").asText());
        }
        if (f.has("isNot")) {
          fb.isNot(f.get("isNot").asText());
        }
        b.addSeriesFilter(fb.build());
      }
    }
    if (r.has("name")) {
      b.name(NameMapping.of(r.get("name").path("matches").asText(""), r.get("name").path("as").asText("")));
    }
    if (r.has("metricsQuery")) {
      b.metricsQuery(r.get("metricsQuery").asText());
    }
    return b.build();
  }

  /** The vector's converter: the upstream test mock (label = resource verbatim) or a rule's resources. */
  private static LabelSource converter(JsonNode converter, ResourceTable table) {
    if (converter.get("kind").asText().equals("mock")) {
      return GroupResourceKey::resource;
    }
    return ResourceConverter.of(mapping(converter), table);
  }

  private static GroupResourceKey key(JsonNode gr) {
    return new GroupResourceKey(gr.get("group").asText(), gr.get("resource").asText());
  }

  private static void expectQuery(JsonNode v, java.util.function.Supplier<String> query) {
    JsonNode expect = v.get("expect");
    if (expect.has("error")) {
      assertThatThrownBy(query::get).isInstanceOf(HpaValidationException.class)
          .hasMessage(expect.get("error").asText());
    } else {
      assertThat(query.get()).isEqualTo(expect.get("query").asText());
    }
  }

  @TestFactory
  Stream<DynamicTest> buildCustom() throws IOException {
    ResourceTable table = table();
    return section("buildCustom", v -> {
      JsonNode in = v.get("input");
      expectQuery(v, () -> MetricsQuery.of(v.get("template").asText(), converter(v.get("converter"), table),
              table, true)
          .build(in.get("series").asText(), key(in.get("resource")), in.get("namespace").asText(),
              strings(in.get("extraGroupBy")), requirements(in.get("metricSelector")), strings(in.get("names"))));
    });
  }

  @TestFactory
  Stream<DynamicTest> buildExternal() throws IOException {
    ResourceTable table = table();
    return section("buildExternal", v -> {
      JsonNode in = v.get("input");
      expectQuery(v, () -> MetricsQuery.of(v.get("template").asText(), converter(v.get("converter"), table),
              table, v.get("namespaced").asBoolean())
          .buildExternal(in.get("series").asText(), in.get("namespace").asText(), in.get("groupBy").asText(),
              strings(in.get("groupBySlice")), requirements(in.get("metricSelector"))));
    });
  }

  @TestFactory
  Stream<DynamicTest> registryQueries() throws IOException {
    ResourceTable table = table();
    return section("registryQueries", v -> {
      RuleNamer namer = RuleNamer.of(v.get("ruleIndex").asInt(), rule(v.get("rule")), table);
      JsonNode req = v.get("request");
      GroupResourceKey resource = table.normalize(req.get("resource").get("group").asText(),
          req.get("resource").get("resource").asText()).orElseThrow();
      assertThat(resource).isEqualTo(key(req.get("normalizedResource")));
      assertThat(namer.metricName(v.get("seriesName").asText())).isEqualTo(req.get("metric").asText());
      expectQuery(v, () -> namer.query.build(v.get("seriesName").asText(), resource,
          req.get("namespace").asText(), List.of(), requirements(req.get("metricSelector")),
          strings(req.get("names"))));
    });
  }

  @TestFactory
  Stream<DynamicTest> discovery() throws IOException {
    ResourceTable table = table();
    return section("discovery", v -> {
      List<DiscoveryRule> rules = new ArrayList<>();
      v.get("rules").forEach(r -> rules.add(rule(r)));
      Map<String, List<Series>> byQuery = new HashMap<>();
      v.get("seriesByQuery").properties().forEach(e -> {
        List<Series> list = new ArrayList<>();
        for (JsonNode s : e.getValue()) {
          Map<String, String> labels = new LinkedHashMap<>();
          s.get("labels").properties().forEach(l -> labels.put(l.getKey(), l.getValue().asText()));
          list.add(Series.of(s.get("name").asText(), labels));
        }
        byQuery.put(e.getKey(), list);
      });
      JsonNode expect = v.get("expect");
      if (expect.has("error")) {
        assertThatThrownBy(() -> compile(rules, table)).isInstanceOf(HpaValidationException.class)
            .hasMessage(expect.get("error").asText());
        return;
      }
      Registry registry = Registry.discover(compile(rules, table), List.of(),
          q -> byQuery.getOrDefault(q, List.of()), v.get("applyFilters").asBoolean());
      TreeSet<String> actual = new TreeSet<>();
      for (RegisteredMetric m : registry.metrics()) {
        GroupResource gr = m.resource().orElseThrow();
        actual.add(String.join(" ", gr.group(), gr.resource(), String.valueOf(m.namespaced()), m.metricName(),
            m.seriesName(), String.valueOf(m.ruleIndex())));
      }
      TreeSet<String> expected = new TreeSet<>();
      for (JsonNode m : expect.get("metrics")) {
        expected.add(String.join(" ", m.get("group").asText(), m.get("resource").asText(),
            m.get("namespaced").asText(), m.get("metric").asText(), m.get("seriesName").asText(),
            m.get("ruleIndex").asText()));
      }
      assertThat(actual).containsExactlyElementsOf(expected);
    });
  }

  @TestFactory
  Stream<DynamicTest> naming() throws IOException {
    ResourceTable table = table();
    return section("naming", v -> {
      DiscoveryRule rule = DiscoveryRule.builder().seriesQuery("q")
          .name(NameMapping.of(v.get("matches").asText(), v.get("as").asText())).build();
      JsonNode expect = v.get("expect");
      String series = v.get("seriesName").asText();
      if (expect.has("error") && expect.get("errorPhase").asText().equals("config-load")) {
        // upstream appends the rule's series query to this message
        assertThatThrownBy(() -> RuleNamer.of(0, rule, table)).isInstanceOf(HpaValidationException.class)
            .hasMessage(expect.get("error").asText() + " associated with series query \"q\"");
      } else if (expect.has("error")) {
        RuleNamer namer = RuleNamer.of(0, rule, table);
        assertThatThrownBy(() -> namer.metricName(series)).isInstanceOf(HpaValidationException.class)
            .hasMessage(expect.get("error").asText());
      } else {
        assertThat(RuleNamer.of(0, rule, table).metricName(series)).isEqualTo(expect.get("metric").asText());
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> seriesFilters() throws IOException {
    return section("seriesFilters", v -> {
      JsonNode f = v.get("filter");
      JsonNode expect = v.get("expect");
      String is = f.path("is").asText("");
      String isNot = f.path("isNot").asText("");
      if (expect.has("error")) {
        assertThatThrownBy(() -> RuleNamer.filter(is, isNot)).isInstanceOf(HpaValidationException.class)
            .hasMessage(expect.get("error").asText());
      } else {
        assertThat(RuleNamer.filter(is, isNot).keeps(v.get("seriesName").asText()))
            .isEqualTo(expect.get("keep").asBoolean());
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> resourceConverter() throws IOException {
    ResourceTable table = table();
    return section("resourceConverter", v -> {
      JsonNode expect = v.get("expect");
      switch (v.get("op").asText()) {
        case "construct" -> assertThatThrownBy(() -> ResourceConverter.of(mapping(v.get("converter")), table))
            .isInstanceOf(HpaValidationException.class).hasMessage(expect.get("error").asText());
        case "labelForResource" -> {
          ResourceConverter c = ResourceConverter.of(mapping(v.get("converter")), table);
          if (expect.has("error")) {
            assertThatThrownBy(() -> c.labelFor(key(v.get("resource"))))
                .isInstanceOf(HpaValidationException.class).hasMessage(expect.get("error").asText());
          } else {
            assertThat(c.labelFor(key(v.get("resource")))).isEqualTo(expect.get("label").asText());
          }
        }
        case "resourcesForSeries" -> {
          ResourceConverter c = ResourceConverter.of(mapping(v.get("converter")), table);
          ResourceConverter.Association a = c.resourcesFor(strings(v.get("labels")));
          TreeSet<String> actual = new TreeSet<>();
          a.resources().forEach(r -> actual.add(r.group() + "/" + r.resource()));
          TreeSet<String> expected = new TreeSet<>();
          expect.get("resources").forEach(r -> expected.add(r.get("group").asText() + "/"
              + r.get("resource").asText()));
          assertThat(actual).containsExactlyElementsOf(expected);
          assertThat(a.namespaced()).isEqualTo(expect.get("namespaced").asBoolean());
        }
        default -> throw new AssertionError("unknown op " + v.get("op"));
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> quoting() throws IOException {
    return section("quoting", v -> assertThat(GoQuote.quote(v.get("value").asText()))
        .isEqualTo(v.get("expect").get("quoted").asText()));
  }

  @TestFactory
  Stream<DynamicTest> selectorParsing() throws IOException {
    return section("selectorParsing", v -> {
      List<Requirement> actual;
      if (v.has("selector")) {
        actual = LabelSelectors.parse(v.get("selector").asText());
      } else {
        JsonNode s = v.get("hpaMetricSelector");
        Map<String, String> matchLabels = new LinkedHashMap<>();
        s.path("matchLabels").properties().forEach(e -> matchLabels.put(e.getKey(), e.getValue().asText()));
        List<LabelSelectorRequirement> expressions = new ArrayList<>();
        for (JsonNode e : s.path("matchExpressions")) {
          expressions.add(ApiTypes.requirement(e.get("key").asText(), e.get("operator").asText(),
              strings(e.get("values"))));
        }
        LabelSelector selector = ApiTypes.selector(matchLabels, expressions);
        actual = LabelSelectors.of(selector);
        assertThat(LabelSelectors.toString(actual)).isEqualTo(v.get("serialized").asText());
        assertThat(LabelSelectors.parse(v.get("serialized").asText())).isEqualTo(actual);
      }
      List<String> got = new ArrayList<>();
      actual.forEach(r -> got.add(r.key() + " " + r.op().code + " " + r.values()));
      List<String> expected = new ArrayList<>();
      v.get("expect").get("requirements").forEach(r -> expected.add(r.get("key").asText() + " "
          + r.get("operator").asText() + " " + strings(r.get("values"))));
      assertThat(got).containsExactlyElementsOf(expected);
    });
  }

  /** Every vector of the file is run by one of the factories above. */
  @Test
  void everySectionIsCovered() throws IOException {
    JsonNode root = vectors();
    int total = 0;
    for (String s : List.of("buildCustom", "buildExternal", "registryQueries", "discovery", "naming",
        "seriesFilters", "resourceConverter", "quoting", "selectorParsing")) {
      total += root.get(s).size();
    }
    assertThat(total).isEqualTo(root.get("_meta").get("counts").get("total").asInt());
  }
}
