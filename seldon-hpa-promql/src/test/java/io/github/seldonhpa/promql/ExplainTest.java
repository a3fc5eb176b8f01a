package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.SeldonHpa;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Explain on Seldon's documented config (seeds 000 and 002): the queries the seeds show, in the matcher
 * order and with the operators prometheus-adapter really uses.
 */
class ExplainTest {
  private static final AdapterConfig SEED = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));

  private static Explanation explain(AdapterConfig config, ObjectReference object, LabelSelector selector) {
    return config.explain(ApiTypes.objectMetric("infer_rps", object, Optional.ofNullable(selector)), "seldon-mesh",
        SeldonPresets.defaultSeries());
  }

  private static String rate(String matchers, String by, String window) {
    return "sum by (" + by + ") (\n  rate (\n    seldon_model_infer_total{" + matchers + "}[" + window
        + "]\n  )\n)";
  }

  @Test
  void modelIsMatchedAfterTheNamespaceWithEquals() {
    Explanation e = explain(SEED, ObjectReference.model("irisa0"), null);
    assertThat(e.served()).isTrue();
    assertThat(e.query()).contains(rate("namespace=\"seldon-mesh\",model=\"irisa0\"", "model", "2m"));
    assertThat(e.ruleIndex()).contains(0);
    assertThat(e.rule()).contains(SEED.rules().get(0));
    assertThat(e.seriesName()).contains("seldon_model_infer_total");
    assertThat(e.series()).extracting(Series::name).containsExactly("seldon_model_infer_total");
    assertThat(e.apiPath()).isEqualTo(
        "/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps");
    assertThat(e.kubectlCommand()).isEqualTo("kubectl get --raw "
        + "/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps");
    assertThat(e.reasons()).isEmpty();
    assertThat(e.nearMisses()).isEmpty();
  }

  @Test
  void theDocumentedExample() {
    ObjectMetric metric = ObjectMetric.builder()
        .metricName("infer_rps")
        .selector(SeldonHpa.matchLabel("method_type", "rest"))
        .describedObject(SeldonHpa.modelRef("irisa0"))
        .target(SeldonHpa.averageValue(3))
        .build();
    Explanation e = SEED.explain(metric, "seldon-mesh", SeldonPresets.defaultSeries());
    assertThat(e.query()).contains("sum by (model) (\n  rate (\n    seldon_model_infer_total"
        + "{method_type=\"rest\",namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n)");
    assertThat(e.kubectlCommand()).isEqualTo("kubectl get --raw '/apis/custom.metrics.k8s.io/v1beta1/namespaces/"
        + "seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps?metricLabelSelector=method_type%3Drest'");
  }

  @Test
  void seed002UsesAOneMinuteWindow() {
    Explanation e = explain(SeldonPresets.inferRpsConfig(Duration.ofMinutes(1)), ObjectReference.model("irisa0"),
        null);
    assertThat(e.query()).contains(rate("namespace=\"seldon-mesh\",model=\"irisa0\"", "model", "1m"));
  }

  @Test
  void server() {
    Explanation e = explain(SEED, ObjectReference.server("mlserver"), null);
    assertThat(e.query()).contains(rate("namespace=\"seldon-mesh\",server=\"mlserver\"", "server", "2m"));
    assertThat(e.apiPath()).isEqualTo(
        "/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/servers.mlops.seldon.io/mlserver/infer_rps");
  }

  @Test
  void podHasNoGroupInItsPath() {
    Explanation e = explain(SEED, ObjectReference.of("v1", "Pod", "mlserver-0"), null);
    assertThat(e.query()).contains(rate("namespace=\"seldon-mesh\",pod=\"mlserver-0\"", "pod", "2m"));
    assertThat(e.apiPath()).isEqualTo(
        "/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/pods/mlserver-0/infer_rps");
  }

  @Test
  void namespaceIsRequestedRootScopedByTheHpasNamespace() {
    Explanation e = explain(SEED, ObjectReference.of("v1", "Namespace", "ignored"), null);
    assertThat(e.served()).isTrue();
    assertThat(e.query()).contains(rate("namespace=\"seldon-mesh\"", "namespace", "2m"));
    assertThat(e.objectName()).isEqualTo("seldon-mesh");
    assertThat(e.namespace()).isEmpty();
    assertThat(e.apiPath()).isEqualTo("/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/metrics/infer_rps");
  }

  @Test
  void selectorMatchersComeFirstAndTravelAsMetricLabelSelector() {
    Explanation e = explain(SEED, ObjectReference.model("irisa0"), LabelSelector.matchLabel("method_type", "rest"));
    assertThat(e.served()).isTrue();
    assertThat(e.query()).contains(
        rate("method_type=\"rest\",namespace=\"seldon-mesh\",model=\"irisa0\"", "model", "2m"));
    assertThat(e.metricLabelSelector()).isEqualTo("method_type=rest");
    assertThat(e.kubectlCommand()).isEqualTo("kubectl get --raw '/apis/custom.metrics.k8s.io/v1beta1/namespaces/"
        + "seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps?metricLabelSelector=method_type%3Drest'");
  }

  @Test
  void selectorIsSortedByKeyAndEncodedAsClientGoDoes() {
    LabelSelector selector = LabelSelector.builder().putMatchLabel("server", "mlserver")
        .addMatchExpression(ApiTypes.requirement("code", "NotIn", java.util.List.of("500", "404"))).build();
    Explanation e = explain(SEED, ObjectReference.model("irisa0"), selector);
    assertThat(e.metricLabelSelector()).isEqualTo("code notin (404,500),server=mlserver");
    assertThat(e.apiPath()).endsWith("?metricLabelSelector=code+notin+%28404%2C500%29%2Cserver%3Dmlserver");
    assertThat(e.query()).contains(rate(
        "code!~\"404|500\",server=\"mlserver\",namespace=\"seldon-mesh\",model=\"irisa0\"", "model", "2m"));
  }

  @Test
  void anAsThatDiffersIsANearMiss() {
    Explanation e = SEED.explain(ApiTypes.objectMetric("infer_rsp", ObjectReference.model("irisa0"),
        Optional.empty()), "seldon-mesh", SeldonPresets.defaultSeries());
    assertThat(e.served()).isFalse();
    assertThat(e.query()).isEmpty();
    assertThat(e.reasons()).containsExactly(
        "no rule registers metric infer_rsp for models.mlops.seldon.io (namespaced) from the known series");
    assertThat(e.nearMisses()).containsExactly("rule 0 (seriesQuery "
        + "\"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves series seldon_model_infer_total"
        + " for models.mlops.seldon.io as infer_rps, not infer_rsp (name.as \"infer_rps\")");
  }

  @Test
  void aResourceMissingFromTheOverridesIsANearMiss() {
    DiscoveryRule seed = SEED.rules().get(0);
    ResourceMapping noServer = ResourceMapping.builder()
        .putOverride("model", GroupResource.of("mlops.seldon.io", "model"))
        .putOverride("namespace", GroupResource.core("namespace")).build();
    AdapterConfig config = AdapterConfig.builder()
        .addRule(DiscoveryRule.builder().seriesQuery(seed.seriesQuery()).resources(noServer).name(seed.name())
            .metricsQuery(seed.metricsQuery()).build()).build();
    Explanation e = explain(config, ObjectReference.server("mlserver"), null);
    assertThat(e.served()).isFalse();
    assertThat(e.nearMisses()).containsExactly("rule 0 (seriesQuery "
        + "\"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves infer_rps from series"
        + " seldon_model_infer_total for [models.mlops.seldon.io, namespaces] but not for servers.mlops.seldon.io:"
        + " no label of the series maps to servers.mlops.seldon.io (the resource is missing from"
        + " resources.overrides or the template)");
  }

  @Test
  void aSelectorLabelTheSeriesLackIsANearMiss() {
    Explanation e = explain(SEED, ObjectReference.model("irisa0"), LabelSelector.matchLabel("methodtype", "rest"));
    assertThat(e.served()).isFalse();
    assertThat(e.query()).contains(
        rate("methodtype=\"rest\",namespace=\"seldon-mesh\",model=\"irisa0\"", "model", "2m"));
    assertThat(e.reasons()).containsExactly("the selector requires label methodtype (methodtype=rest), which none"
        + " of the known series seldon_model_infer_total carry: the query returns no samples");
    assertThat(e.nearMisses()).containsExactly("rule 0 serves infer_rps from series seldon_model_infer_total,"
        + " but the series lack selector label methodtype");
  }

  @Test
  void rootScopedObjectsCannotBeServedToAnObjectMetric() {
    AdapterConfig config = AdapterConfig.builder().addRule(DiscoveryRule.builder().seriesQuery("{__name__=\"node_load1\"}")
        .resources(ResourceMapping.template("<<.Resource>>")).metricsQuery("<<.Series>>{<<.LabelMatchers>>}")
        .build()).build();
    Explanation e = config.explain(ApiTypes.objectMetric("node_load1", ObjectReference.of("v1", "Node", "n1"),
        Optional.empty()), "default", java.util.List.of(Series.of("node_load1", java.util.Map.of("node", "n1"))));
    assertThat(e.served()).isFalse();
    assertThat(e.reasons()).containsExactly(
        "no rule registers metric node_load1 for nodes (namespaced) from the known series",
        "nodes are root-scoped: the adapter registers their metrics without a namespace, but the HPA requests an"
            + " Object metric in its own namespace");
  }

  @Test
  void aConfigTheAdapterRejectsServesNothing() {
    AdapterConfig config = AdapterConfig.builder().addRule(DiscoveryRule.builder().seriesQuery("q")
        .name(NameMapping.of("^(.*)_(total)$", "")).build()).build();
    Explanation e = explain(config, ObjectReference.model("irisa0"), null);
    assertThat(e.served()).isFalse();
    assertThat(e.reasons()).containsExactly("the adapter does not start with this config: rules[0]: must specify an 'as'"
        + " value for name matcher \"^(.*)_(total)$\" associated with series query \"q\"");
  }

  @Test
  void anUnknownKindIsRejected() {
    assertThatThrownBy(() -> explain(SEED, ObjectReference.of("example.com/v1", "Widget", "w"), null))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("describedObject must be a kind the resource table knows (was Widget in"
            + " example.com/v1)");
  }
}
