package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import io.github.seldonhpa.scaling.ReplicaCalculator;
import io.github.seldonhpa.test.PrometheusExtension;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The query the library explains for the seeds' {@code infer_rps} rule, for each kind of described object
 * and for metric selectors: it is the text prometheus-adapter renders (written here by hand), and evaluated
 * by a real Prometheus over {@link SyntheticSeldonSeries} it gives the known rate, from which an
 * AverageValue HPA derives the expected replica count.
 *
 * <p>The rule (seed 000): {@code seriesQuery {__name__="seldon_model_infer_total",namespace!=""}}, overrides
 * model, server, pod and namespace, and {@code metricsQuery} as a YAML {@code |} block, so it keeps its
 * final newline. The adapter joins the selector's matchers sorted by key, then the namespace, then the
 * object (reference §7.2).
 */
class SeldonQueriesIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  /** The seeds' adapter config: the single {@code infer_rps} rule with a 2m window. */
  private static final AdapterConfig SEEDS_CONFIG = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));

  /**
   * One case: the HPA (its namespace and Object metric with an AverageValue target), the PromQL
   * prometheus-adapter renders for it (written by hand from the rule), the rate Prometheus must return, and
   * the HPA's current replicas and expected proposal.
   */
  record Case(String name, String hpaNamespace, ObjectMetric metric, String adapterQuery, double expectedRate,
      int statusReplicas, int expectedReplicas) {}

  private static ObjectMetric inferRps(ObjectReference object, String averageValue) {
    return ObjectMetric.builder().metricName("infer_rps").describedObject(object)
        .target(MetricTarget.averageValue(averageValue)).build();
  }

  private static ObjectMetric inferRps(ObjectReference object, LabelSelector selector, String averageValue) {
    return ObjectMetric.builder().metricName("infer_rps").describedObject(object).selector(selector)
        .target(MetricTarget.averageValue(averageValue)).build();
  }

  private static ObjectReference pod(String name) {
    return ObjectReference.of("v1", "Pod", name);
  }

  private static ObjectReference namespace(String name) {
    return ObjectReference.of("v1", "Namespace", name);
  }

  private static LabelSelector expression(LabelSelectorRequirement requirement) {
    return LabelSelector.builder().addMatchExpression(requirement).build();
  }

  static List<Case> cases() {
    return List.of(
        new Case("Model irisa0 in seldon-mesh", "seldon-mesh",
            inferRps(ObjectReference.model("irisa0"), "3"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""", 7.5, 1, 3),
        new Case("Model income in seldon-mesh, within tolerance", "seldon-mesh",
            inferRps(ObjectReference.model("income"), "2"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="income"}[2m]
              )
            )""", 4.0625, 2, 2),
        new Case("Model tfsimple in seldon-mesh", "seldon-mesh",
            inferRps(ObjectReference.model("tfsimple"), "3"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="tfsimple"}[2m]
              )
            )""", 10.0, 2, 4),
        new Case("Model irisa0 in seldon-prod, ratio exactly 1.1", "seldon-prod",
            inferRps(ObjectReference.model("irisa0"), "3"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod",model="irisa0"}[2m]
              )
            )""", 16.5, 5, 5),
        new Case("Server mlserver in seldon-mesh", "seldon-mesh",
            inferRps(ObjectReference.server("mlserver"), "4"), """
            sum by (server) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",server="mlserver"}[2m]
              )
            )""", 11.5625, 3, 3),
        new Case("Server triton in seldon-mesh", "seldon-mesh",
            inferRps(ObjectReference.server("triton"), "2500m"), """
            sum by (server) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",server="triton"}[2m]
              )
            )""", 10.0, 2, 4),
        new Case("Server mlserver in seldon-prod", "seldon-prod",
            inferRps(ObjectReference.server("mlserver"), "4"), """
            sum by (server) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod",server="mlserver"}[2m]
              )
            )""", 16.5, 2, 5),
        new Case("Pod mlserver-0 in seldon-mesh", "seldon-mesh",
            inferRps(pod("mlserver-0"), "1"), """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",pod="mlserver-0"}[2m]
              )
            )""", 3.75, 1, 4),
        new Case("Pod mlserver-1 in seldon-mesh", "seldon-mesh",
            inferRps(pod("mlserver-1"), "2"), """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",pod="mlserver-1"}[2m]
              )
            )""", 5.75, 3, 3),
        new Case("Pod mlserver-2 in seldon-mesh", "seldon-mesh",
            inferRps(pod("mlserver-2"), "500m"), """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",pod="mlserver-2"}[2m]
              )
            )""", 2.0625, 2, 5),
        new Case("Pod mlserver-0 in seldon-prod", "seldon-prod",
            inferRps(pod("mlserver-0"), "5"), """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod",pod="mlserver-0"}[2m]
              )
            )""", 10.0, 2, 2),
        new Case("Namespace seldon-mesh", "seldon-mesh",
            inferRps(namespace("seldon-mesh"), "10"), """
            sum by (namespace) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh"}[2m]
              )
            )""", 21.5625, 1, 3),
        new Case("Namespace seldon-prod", "seldon-prod",
            inferRps(namespace("seldon-prod"), "4"), """
            sum by (namespace) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod"}[2m]
              )
            )""", 16.5, 4, 4),
        new Case("Model irisa0, matchLabels method_type: rest", "seldon-mesh",
            inferRps(ObjectReference.model("irisa0"),
            LabelSelector.matchLabel("method_type", "rest"), "2"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{method_type="rest",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""", 5.875, 1, 3),
        new Case("Model irisa0, code In (OK, 200)", "seldon-mesh",
            inferRps(ObjectReference.model("irisa0"),
            expression(LabelSelectorRequirement.in("code", "OK", "200")), "2500m"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{code=~"200|OK",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""", 7.125, 2, 3),
        new Case("Model irisa0, code NotIn (500)", "seldon-mesh",
            inferRps(ObjectReference.model("irisa0"),
            expression(LabelSelectorRequirement.notIn("code", "500")), "3500m"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{code!~"500",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""", 7.125, 2, 2),
        new Case("Model tfsimple, code NotIn (Unavailable, 500)", "seldon-mesh",
            inferRps(ObjectReference.model("tfsimple"),
            expression(LabelSelectorRequirement.notIn("code", "Unavailable", "500")), "3"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{code!~"500|Unavailable",namespace="seldon-mesh",model="tfsimple"}[2m]
              )
            )""", 9.5, 3, 3),
        new Case("Model irisa0, method_type Exists", "seldon-mesh",
            inferRps(ObjectReference.model("irisa0"),
            expression(LabelSelectorRequirement.exists("method_type")), "750m"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{method_type!="",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""", 7.5, 1, 10),
        new Case("Model irisa0, canary DoesNotExist", "seldon-mesh",
            inferRps(ObjectReference.model("irisa0"),
            expression(LabelSelectorRequirement.doesNotExist("canary")), "3"), """
            sum by (model) (
              rate (
                seldon_model_infer_total{canary="",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""", 7.5, 4, 3),
        new Case("Server mlserver, method_type: grpc and code In (OK)", "seldon-mesh",
            inferRps(ObjectReference.server("mlserver"),
            LabelSelector.builder().putMatchLabel("method_type", "grpc")
                .addMatchExpression(LabelSelectorRequirement.in("code", "OK")).build(), "1"), """
            sum by (server) (
              rate (
                seldon_model_infer_total{code=~"OK",method_type="grpc",namespace="seldon-mesh",server="mlserver"}[2m]
              )
            )""", 2.875, 2, 3),
        new Case("Namespace seldon-mesh, method_type: grpc", "seldon-mesh",
            inferRps(namespace("seldon-mesh"),
            LabelSelector.matchLabel("method_type", "grpc"), "5"), """
            sum by (namespace) (
              rate (
                seldon_model_infer_total{method_type="grpc",namespace="seldon-mesh"}[2m]
              )
            )""", 10.875, 1, 3));
  }

  @TestFactory
  Stream<DynamicTest> eachExplainedQueryReturnsTheKnownRateAndTheExpectedReplicas() {
    List<Series> known = SyntheticSeldonSeries.SERIES.stream()
        .map(s -> Series.of(SeldonPresets.MODEL_INFER_TOTAL, s.labels()))
        .collect(Collectors.toList());
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Explanation explanation = SEEDS_CONFIG.explain(c.metric(), c.hpaNamespace(), known);
      assertThat(explanation.reasons()).isEmpty();
      String promql = explanation.query().orElseThrow();
      assertThat(promql).isEqualTo(c.adapterQuery());
      ObjectReference object = c.metric().describedObject().orElseThrow();
      String label = object.kind().toLowerCase(Locale.ROOT);
      assertThat(SyntheticSeldonSeries.designatedBy(c.metric(), c.hpaNamespace()).stream()
          .mapToDouble(SyntheticSeldonSeries.Series::rate).sum())
          .as("the synthetic series the metric designates").isEqualTo(c.expectedRate());

      QueryResult result = PROMETHEUS.client().query(promql, END);

      assertThat(result.samples()).hasSize(1);
      assertThat(result.samples().get(0).labels()).containsOnly(Map.entry(label, object.name()));
      double value = result.valueOf(label, object.name()).orElseThrow();
      assertThat(Math.abs(value - c.expectedRate()))
          .as("relative error of %s against %s", value, c.expectedRate())
          .isLessThan(1e-9 * c.expectedRate());
      assertThat(averageValueProposal(value, c.metric().target().averageValue().orElseThrow(), c.statusReplicas()))
          .isEqualTo(c.expectedReplicas());
    }));
  }

  /**
   * The replicas the library's HPA arithmetic proposes for an Object metric with an AverageValue target
   * (k8s-hpa.md §5.2, default tolerance) when prometheus-adapter reports {@code value}: the adapter sends
   * {@code int64(value * 1000)} milli-units.
   */
  static int averageValueProposal(double value, Quantity averageValue, int statusReplicas) {
    long usage = (long) (value * 1000.0);
    return ReplicaCalculator.objectAverageValue(usage, averageValue.milliValue(), statusReplicas,
        ReplicaCalculator.DEFAULT_TOLERANCE, ReplicaCalculator.DEFAULT_TOLERANCE).replicas();
  }
}
