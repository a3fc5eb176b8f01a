package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Load-time validation with prometheus-adapter's own error texts, and discovery over known series. */
class AdapterConfigTest {
  private static DiscoveryRule.Builder rule() {
    return DiscoveryRule.builder().seriesQuery("{__name__=~\"^http_.*\"}");
  }

  private static DiscoveryRule.Builder rule(ResourceMapping resources, String metricsQuery) {
    return rule().resources(resources).metricsQuery(metricsQuery);
  }

  private static DiscoveryRule.Builder templated() {
    return rule(ResourceMapping.template("<<.Resource>>"), "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)");
  }

  @Test
  void aValidConfigHasNoLoadErrors() {
    AdapterConfig config = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));
    assertThat(config.loadErrors()).isEmpty();
    assertThat(config.validate()).isSameAs(config);
  }

  @Test
  void everyRuleAtFaultIsReportedWithItsPath() {
    AdapterConfig config = AdapterConfig.builder()
        .addRule(templated().addSeriesFilter(SeriesFilter.builder().is("a").isNot("b").build()).build())
        .addRule(templated().addSeriesFilter(SeriesFilter.builder().build()).build())
        .addRule(templated().name(NameMapping.of("^(.*)_(total)$", "")).build())
        .addRule(rule(ResourceMapping.template("kube_<<.Group>>"), "x").build())
        .addRule(rule(ResourceMapping.template("<<.Resource>>"), "<<.Series").build())
        .addExternalRule(rule().resources(ResourceMapping.builder()
            .putOverride("ns", GroupResource.core("namespacez")).build()).build())
        .build();
    String q = "\"{__name__=~\\\"^http_.*\\\"}\"";
    assertThat(config.loadErrors()).containsExactly(
        "rules[0]: unable to generate series name filter associated with series query " + q
            + ": cannot have both an `is` (\"a\") and `isNot` (\"b\") expression in a single filter",
        "rules[1]: unable to generate series name filter associated with series query " + q
            + ": must have either an `is` or `isNot` expression in a filter",
        "rules[2]: must specify an 'as' value for name matcher \"^(.*)_(total)$\" associated with series query "
            + q,
        "rules[3]: unable to generate label format from template \"kube_<<.Group>>\": must include at least"
            + " `{{.Resource}}` in the label template",
        "rules[4]: unable to construct metrics query associated with series query " + q
            + ": unable to parse metrics query template \"<<.Series\": template: metrics-query:1: unclosed action",
        "externalRules[0]: unable to normalize group-resource { namespacez}: no matches for /, Resource=namespacez");
    assertThatThrownBy(config::validate).isInstanceOf(HpaValidationException.class)
        .hasMessage(config.loadErrors().get(0));
  }

  @Test
  void resourceRulesAreCheckedToo() {
    ResourceRule cpu = ResourceRule.builder().containerQuery("<<.LabelMatchers>>").nodeQuery("<<if>>")
        .containerLabel("container").build();
    AdapterConfig config = AdapterConfig.builder().resourceRules(ResourceRules.builder().cpu(cpu)
        .memory(ResourceRule.builder().containerQuery("x").nodeQuery("y").containerLabel("container").build())
        .window(Duration.ofMinutes(5)).build()).build();
    assertThat(config.loadErrors()).containsExactly("resourceRules.cpu: unable to construct querier for CPU"
        + " metrics: unable to construct node metrics query: unable to parse metrics query template \"<<if>>\":"
        + " template: metrics-query:1: missing value for if");
  }

  @Test
  void discoveryEvaluatesEachSeriesQueryAgainstTheKnownSeries() {
    AdapterConfig config = AdapterConfig.builder()
        .addRule(templated().name(NameMapping.of("^(.*)_total$", "${1}_per_second")).build())
        .addExternalRule(DiscoveryRule.builder().seriesQuery("queue_depth{queue!=\"\"}").build())
        .build();
    List<RegisteredMetric> metrics = config.discover(List.of(
        Series.of("http_requests_total", Map.of("namespace", "prod", "pod", "web-1", "method", "GET")),
        Series.of("grpc_calls_total", Map.of("namespace", "prod", "pod", "web-1")),
        Series.of("queue_depth", Map.of("queue", "q1")),
        Series.of("queue_depth", Map.of("namespace", "prod"))));
    assertThat(metrics).extracting(m -> m.resource().map(GroupResource::toString).orElse("-") + " "
            + m.namespaced() + " " + m.metricName() + " " + m.seriesName() + " " + m.external())
        .containsExactlyInAnyOrder(
            "namespaces false http_requests_per_second http_requests_total false",
            "pods true http_requests_per_second http_requests_total false",
            "- true queue_depth queue_depth true");
  }

  @Test
  void aWindowMustBeWholeMilliseconds() {
    ResourceRule r = ResourceRule.builder().containerQuery("x").nodeQuery("y").containerLabel("c").build();
    assertThatThrownBy(() -> ResourceRules.builder().cpu(r).memory(r).window(Duration.ZERO).build())
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("resourceRules.window must be positive whole milliseconds (was PT0S)");
  }
}
