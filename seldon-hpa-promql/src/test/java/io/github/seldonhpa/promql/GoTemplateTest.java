package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {

  private static GoStruct queryArgs(String series, String matchers, Map<String, String> byName,
      String groupBy, List<String> groupBySlice) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("Series", series);
    f.put("LabelMatchers", matchers);
    f.put("LabelValuesByName", byName);
    f.put("GroupBy", groupBy);
    f.put("GroupBySlice", groupBySlice);
    return GoTemplate.struct("naming.queryTemplateArgs", f);
  }

  private static final GoStruct ARGS = queryArgs("http_requests_total",
      "namespace=\"ns\",pod=\"p1\"", Map.of("namespace", "ns", "pod", "p1"), "pod", List.of("pod", "container"));

  private static String run(String text) {
    return GoTemplate.parse("metrics-query", text).execute(ARGS);
  }

  @Test
  void seedsQuery() {
    assertThat(run("sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)"))
        .isEqualTo("sum(rate(http_requests_total{namespace=\"ns\",pod=\"p1\"}[5m])) by (pod)");
  }

  @Test
  void slicesAndMapsPrintLikeGo() {
    assertThat(run("<<.GroupBySlice>> <<.LabelValuesByName>>")).isEqualTo("[pod container] map[namespace:ns pod:p1]");
  }

  @Test
  void missingMapKeyByFieldIsNoValueButByIndexIsEmpty() {
    assertThat(run("[<<.LabelValuesByName.nothere>>]")).isEqualTo("[<no value>]");
    assertThat(run("[<<index .LabelValuesByName \"nothere\">>]")).isEqualTo("[]");
  }

  @Test
  void unknownFieldIsGosExecutionError() {
    assertThatThrownBy(() -> run("<<.Foo>>")).isInstanceOf(HpaValidationException.class)
        .hasMessage("template: metrics-query:1:2: executing \"metrics-query\" at <.Foo>: "
            + "can't evaluate field Foo in type naming.queryTemplateArgs");
  }

  @Test
  void unclosedActionIsGosParseError() {
    assertThatThrownBy(() -> GoTemplate.parse("metrics-query", "<<.Series"))
        .hasMessage("template: metrics-query:1: unclosed action");
  }

  @Test
  void rangeWithIndexAndIf() {
    assertThat(run("<<range $i, $l := .GroupBySlice>><<if $i>>;<<end>><<$l>><<end>>")).isEqualTo("pod;container");
  }
}
