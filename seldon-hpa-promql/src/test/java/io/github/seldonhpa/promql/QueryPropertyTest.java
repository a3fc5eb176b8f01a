package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import io.github.seldonhpa.promql.internal.go.GoTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.Generate;

/** Invariants of query building, over generated selectors, names and Unicode values. */
class QueryPropertyTest {
  private static final int EXAMPLES = 10_000;
  private static final GroupResource PODS = GroupResource.core("pods");
  private static final List<String> KEYS = List.of("app", "zone", "method_type", "code", "app.kubernetes.io/name",
      "a", "Z", "server_replica", "tier", "model_internal");

  private static QuickTheory qt() {
    long seed = System.nanoTime();
    System.out.println("QuickTheories seed for " + StackWalker.getInstance().walk(s -> s.skip(1).findFirst())
        .map(StackWalker.StackFrame::getMethodName).orElse("?") + ": " + seed);
    return org.quicktheories.QuickTheory.qt().withFixedSeed(seed).withExamples(EXAMPLES);
  }

  private static MetricsQuery query(String template) {
    return MetricsQuery.of(DiscoveryRule.builder().seriesQuery("q").metricsQuery(template)
        .resources(ResourceMapping.builder().putOverride("pod", GroupResource.core("pod"))
            .putOverride("namespace", GroupResource.core("namespace")).build())
        .build());
  }

  /** Code points of any valid Unicode scalar value (no surrogates, which Go strings cannot hold). */
  private static Gen<String> unicode(int maxLength) {
    Gen<Integer> scalar = integers().between(0, 0x10FFFF - 0x800).map(c -> c >= 0xD800 ? c + 0x800 : c);
    Gen<Integer> mostlyAscii = integers().between(0, 0x7F).mix(scalar, 40);
    return lists().of(mostlyAscii).ofSizeBetween(0, maxLength).map(cps -> {
      StringBuilder sb = new StringBuilder();
      cps.forEach(sb::appendCodePoint);
      return sb.toString();
    });
  }

  private static Gen<List<LabelSelectorRequirement>> requirements() {
    Gen<String> values = Generate.pick(List.of("a", "b", "rest", "grpc", "200", "x.y", "v-1", "Z9"));
    Gen<LabelSelectorRequirement> requirement = Generate.enumValues(LabelSelectorRequirement.Operator.class)
        .zip(Generate.pick(KEYS), lists().of(values).ofSizeBetween(1, 4), (op, key, vals) -> switch (op) {
          case IN -> LabelSelectorRequirement.in(key, vals.toArray(new String[0]));
          case NOT_IN -> LabelSelectorRequirement.notIn(key, vals.toArray(new String[0]));
          case EXISTS -> LabelSelectorRequirement.exists(key);
          case DOES_NOT_EXIST -> LabelSelectorRequirement.doesNotExist(key);
        });
    return lists().of(requirement).ofSizeBetween(0, 8).map(list -> {
      // distinct keys: for equal keys apimachinery keeps the given order, which is then significant
      List<LabelSelectorRequirement> out = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (LabelSelectorRequirement r : list) {
        if (!seen.contains(r.key())) {
          seen.add(r.key());
          out.add(r);
        }
      }
      return out;
    });
  }

  /** A selector of matchLabels only is written straight into the query: the same text the engine prints. */
  @Test
  void matchLabelSelectorsRenderAsTheTemplateEngineDoes() {
    String template = "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)";
    MetricsQuery direct = query(template);
    MetricsQuery engine = query(template + "<</* engine */>>");
    Gen<String> values = Generate.pick(List.of("a", "b", "rest", "grpc", "200", "x.y", "v-1", "Z9", ""));
    Gen<Map<String, String>> labels = lists().of(Generate.pick(KEYS).zip(values, Map::entry)).ofSizeBetween(1, 6)
        .map(entries -> {
          Map<String, String> m = new LinkedHashMap<>();
          entries.forEach(e -> m.put(e.getKey(), e.getValue()));
          return m;
        });
    qt().forAll(labels, lists().of(Generate.pick(List.of("p1", "p-2", "x"))).ofSizeBetween(1, 3), unicode(6))
        .checkAssert((matchLabels, names, namespace) -> {
          Optional<LabelSelector> selector = Optional.of(LabelSelector.builder().putAllMatchLabels(matchLabels).build());
          String[] n = names.toArray(new String[0]);
          assertThat(direct.build("m", PODS, namespace, selector, n))
              .isEqualTo(engine.build("m", PODS, namespace, selector, n));
        });
  }

  @Test
  void outputDoesNotDependOnTheOrderOfSelectorRequirements() {
    MetricsQuery query = query("<<.LabelMatchers>> <<.LabelValuesByName>> <<.GroupBy>>");
    qt().forAll(requirements(), longs().all()).checkAssert((reqs, shuffleSeed) -> {
      List<LabelSelectorRequirement> shuffled = new ArrayList<>(reqs);
      Collections.shuffle(shuffled, new Random(shuffleSeed));
      // half of them as matchLabels (Equals), in shuffled insertion order
      Map<String, String> labels = new LinkedHashMap<>();
      Map<String, String> labelsShuffled = new LinkedHashMap<>();
      for (LabelSelectorRequirement r : reqs) {
        if (r.operator() == LabelSelectorRequirement.Operator.IN && r.values().size() == 1) {
          labels.put(r.key() + "-eq", r.values().get(0));
        }
      }
      List<String> keys = new ArrayList<>(labels.keySet());
      Collections.shuffle(keys, new Random(shuffleSeed));
      keys.forEach(k -> labelsShuffled.put(k, labels.get(k)));
      String a = query.build("m", PODS, "ns", Optional.of(selector(labels, reqs)), "p1", "p2");
      String b = query.build("m", PODS, "ns", Optional.of(selector(labelsShuffled, shuffled)), "p1", "p2");
      assertThat(b).isEqualTo(a);
      assertThat(a).endsWith("namespace=\"ns\",pod=~\"p1|p2\" " + a.substring(a.indexOf(" map[") + 1,
          a.lastIndexOf(' ')) + " pod");
    });
  }

  private static LabelSelector selector(Map<String, String> labels, List<LabelSelectorRequirement> exprs) {
    return LabelSelector.builder().putAllMatchLabels(labels).addAllMatchExpressions(exprs).build();
  }

  @Test
  void regexMatchExactlyWhenSeveralNamesAreRequested() {
    MetricsQuery query = query("<<.LabelMatchers>>");
    qt().forAll(lists().of(unicode(12)).ofSizeBetween(0, 5)).checkAssert(names -> {
      String out = query.build("m", PODS, "", Optional.empty(), names.toArray(new String[0]));
      assertThat(out.startsWith("pod=~\"")).isEqualTo(names.size() > 1);
      assertThat(out.startsWith("pod=\"")).isEqualTo(names.size() <= 1);
      assertThat(GoQuote.unquote(out.substring(out.indexOf('"')))).isEqualTo(String.join("|", names));
    });
  }

  @Test
  void aQuotedMatcherValueUnquotesToTheOriginal() {
    MetricsQuery query = query("<<.LabelMatchers>>");
    qt().forAll(unicode(24), unicode(24)).checkAssert((namespace, name) -> {
      String out = query.build("m", PODS, namespace, Optional.empty(), name);
      if (namespace.isEmpty()) {
        assertThat(out).isEqualTo("pod=" + GoQuote.quote(name));
        assertThat(GoQuote.unquote(out.substring("pod=".length()))).isEqualTo(name);
        return;
      }
      // namespace="<q1>",pod="<q2>": a Go-quoted value never contains ",pod=" with an unescaped quote
      String quotedNamespace = out.substring("namespace=".length(), out.lastIndexOf(",pod=\""));
      String quotedName = out.substring(out.lastIndexOf(",pod=\"") + ",pod=".length());
      assertThat(GoQuote.unquote(quotedNamespace)).isEqualTo(namespace);
      assertThat(GoQuote.unquote(quotedName)).isEqualTo(name);
    });
  }

  @Test
  void printingOnlyStringFieldsRendersAsTheTemplateEngineDoes() {
    Gen<String> part = Generate.pick(List.of("<<.Series>>", "<<.LabelMatchers>>", "<<.GroupBy>>"))
        .mix(unicode(6).map(s -> s.replace('<', '(')), 50);
    Gen<List<String>> parts = lists().of(part).ofSizeBetween(1, 8);
    qt().forAll(parts, lists().of(unicode(6)).ofSizeBetween(1, 3)).checkAssert((ps, names) -> {
      String template = String.join("", ps);
      String matchers = query("<<.LabelMatchers>>").build("m", PODS, "ns", Optional.empty(),
          names.toArray(new String[0]));
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("Series", "m");
      args.put("LabelMatchers", matchers);
      args.put("LabelValuesByName", Map.of());
      args.put("GroupBy", "pod");
      args.put("GroupBySlice", List.of("pod"));
      String engine = GoTemplate.parse("metrics-query", template)
          .execute(GoTemplate.struct("naming.queryTemplateArgs", args));
      if (engine.isEmpty()) {
        return;
      }
      assertThat(query(template).build("m", PODS, "ns", Optional.empty(), names.toArray(new String[0])))
          .isEqualTo(engine);
    });
  }

  @Test
  void aTemplateWithoutActionsRendersToItself() {
    Gen<String> noAction = unicode(40).map(s -> "q" + s.replace('<', '('));
    qt().forAll(noAction).checkAssert(text ->
        assertThat(query(text).build("m", PODS, "ns", Optional.empty(), "p")).isEqualTo(text));
  }
}
