package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.NameMapping;
import io.github.seldonhpa.promql.ResourceMapping;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import io.github.seldonhpa.test.PrometheusExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pods and External metrics as prometheus-adapter queries them, run by a real Prometheus over
 * {@link SyntheticSeldonSeries}: a Server's pods (the HPA lists them by the StatefulSet's selector) each get
 * their own rate, and an external rule sums the series its metric selector picks, in the HPA's namespace or,
 * with {@code namespaced: false}, in the one the selector names.
 */
class PodsAndExternalQueriesIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  private static final List<Series> KNOWN = SyntheticSeldonSeries.SERIES.stream()
      .map(s -> Series.of(SeldonPresets.MODEL_INFER_TOTAL, s.labels())).collect(Collectors.toList());

  private static DiscoveryRule external(boolean namespaced) {
    return DiscoveryRule.builder().seriesQuery("{__name__=\"seldon_model_infer_total\",namespace!=\"\"}")
        .name(NameMapping.of("^seldon_model_(.*)_total$", "${1}_rps"))
        .resources(ResourceMapping.builder().putOverride("namespace", GroupResource.core("namespace"))
            .namespaced(namespaced).build())
        .metricsQuery("sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m]))").build();
  }

  @Test
  void aPodsMetricGivesEachListedPodItsRate() {
    AdapterConfig config = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));
    Explanation e = config.explain(PodsMetric.of("infer_rps", MetricTarget.averageValue(4)), "seldon-mesh",
        LabelSelector.matchLabel("seldon-server-name", "mlserver"), List.of("mlserver-0", "mlserver-1", "mlserver-2"),
        KNOWN);
    assertThat(e.reasons()).isEmpty();
    String promql = e.query().orElseThrow();
    assertThat(promql).isEqualTo("sum by (pod) (\n  rate (\n    seldon_model_infer_total{namespace=\"seldon-mesh\","
        + "pod=~\"mlserver-0|mlserver-1|mlserver-2\"}[2m]\n  )\n)");

    QueryResult result = PROMETHEUS.client().query(promql, END);

    assertThat(result.samples()).hasSize(3);
    assertThat(result.valueOf("pod", "mlserver-0").orElseThrow()).isCloseTo(3.75, within(1e-9));
    assertThat(result.valueOf("pod", "mlserver-1").orElseThrow()).isCloseTo(5.75, within(1e-9));
    assertThat(result.valueOf("pod", "mlserver-2").orElseThrow()).isCloseTo(2.0625, within(1e-9));
  }

  @Test
  void anExternalMetricSumsTheSelectedSeriesInTheHpasNamespace() {
    AdapterConfig config = AdapterConfig.builder().addExternalRule(external(true)).build();
    Explanation e = config.explain(ExternalMetric.builder().metricName("infer_rps")
        .selector(LabelSelector.matchLabel("model", "irisa0")).target(MetricTarget.value(10)).build(), "seldon-mesh",
        KNOWN);
    assertThat(e.reasons()).isEmpty();
    String promql = e.query().orElseThrow();
    assertThat(promql).isEqualTo("sum(rate(seldon_model_infer_total{model=\"irisa0\",namespace=\"seldon-mesh\"}[2m]))");

    QueryResult result = PROMETHEUS.client().query(promql, END);

    assertThat(result.samples()).hasSize(1);
    assertThat(result.samples().get(0).value()).isCloseTo(7.5, within(1e-9));
  }

  @Test
  void aNotNamespacedExternalRuleReadsTheNamespaceTheSelectorNames() {
    AdapterConfig config = AdapterConfig.builder().addExternalRule(external(false)).build();
    LabelSelector prod = LabelSelector.builder().putMatchLabel("namespace", "seldon-prod")
        .putMatchLabel("model", "irisa0").build();
    Explanation e = config.explain(ExternalMetric.builder().metricName("infer_rps").selector(prod)
        .target(MetricTarget.value(10)).build(), "seldon-mesh", KNOWN);
    String promql = e.query().orElseThrow();
    assertThat(promql).isEqualTo("sum(rate(seldon_model_infer_total{model=\"irisa0\",namespace=\"seldon-prod\"}[2m]))");

    QueryResult result = PROMETHEUS.client().query(promql, END);

    assertThat(result.samples().get(0).value()).isCloseTo(16.5, within(1e-9));
  }
}
