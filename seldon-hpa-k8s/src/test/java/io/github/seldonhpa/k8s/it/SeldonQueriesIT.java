package io.github.seldonhpa.k8s.it;

import static io.github.seldonhpa.k8s.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.k8s.QueryResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query prometheus-adapter runs for the seeds' {@code infer_rps} rule, for each kind of described object
 * and for metric selectors, evaluated by a real Prometheus over {@link SyntheticSeldonSeries}: the value is
 * the known rate, and the replica count an AverageValue HPA derives from it is the expected one.
 *
 * <p>The rule (seed 000): {@code seriesQuery {__name__="seldon_model_infer_total",namespace!=""}}, overrides
 * model, server, pod and namespace, and {@code metricsQuery} as a YAML {@code |} block, so it keeps its
 * final newline. The adapter joins the selector's matchers sorted by key, then the namespace, then the
 * object (reference §7.2).
 */
@ExtendWith(PrometheusServer.class)
class SeldonQueriesIT {
  /** The HPA controller's default tolerance, both directions (k8s-hpa.md §4). */
  private static final double TOLERANCE = 0.1;

  /** An HPA Object metric's {@code describedObject}; {@code namespace} is null for a Namespace. */
  record Described(String kind, String name, String namespace) {
    /** The label the seeds' rule maps to this kind: the resource label of the adapter's result. */
    String resourceLabel() {
      return kind.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One {@code matchExpressions} entry: {@code operator} is In, NotIn, Exists or DoesNotExist. */
  record Expression(String key, String operator, List<String> values) {}

  /** An HPA metric's {@code selector}, as written in the manifest. */
  record Selector(Map<String, String> matchLabels, List<Expression> matchExpressions) {}

  /**
   * One case: the HPA metric (described object, selector), the PromQL prometheus-adapter renders for it
   * (written by hand from the rule), the rate Prometheus must return, and the HPA's AverageValue target,
   * current replicas and expected proposal.
   */
  record Case(String name, Described described, Selector selector, String adapterQuery, double expectedRate,
      String averageValue, int statusReplicas, int expectedReplicas) {}

  private static final Selector NONE = new Selector(Map.of(), List.of());

  static List<Case> cases() {
    return List.of(
        new Case("Model irisa0 in seldon-mesh", new Described("Model", "irisa0", "seldon-mesh"), NONE, """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )
            """, 7.5, "3", 1, 3),
        new Case("Model income in seldon-mesh, within tolerance",
            new Described("Model", "income", "seldon-mesh"), NONE, """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="income"}[2m]
              )
            )
            """, 4.0625, "2", 2, 2),
        new Case("Model tfsimple in seldon-mesh", new Described("Model", "tfsimple", "seldon-mesh"), NONE, """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="tfsimple"}[2m]
              )
            )
            """, 10.0, "3", 2, 4),
        new Case("Model irisa0 in seldon-prod, ratio exactly 1.1",
            new Described("Model", "irisa0", "seldon-prod"), NONE, """
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod",model="irisa0"}[2m]
              )
            )
            """, 16.5, "3", 5, 5),
        new Case("Server mlserver in seldon-mesh", new Described("Server", "mlserver", "seldon-mesh"), NONE, """
            sum by (server) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",server="mlserver"}[2m]
              )
            )
            """, 11.5625, "4", 3, 3),
        new Case("Server triton in seldon-mesh", new Described("Server", "triton", "seldon-mesh"), NONE, """
            sum by (server) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",server="triton"}[2m]
              )
            )
            """, 10.0, "2500m", 2, 4),
        new Case("Server mlserver in seldon-prod", new Described("Server", "mlserver", "seldon-prod"), NONE, """
            sum by (server) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod",server="mlserver"}[2m]
              )
            )
            """, 16.5, "4", 2, 5),
        new Case("Pod mlserver-0 in seldon-mesh", new Described("Pod", "mlserver-0", "seldon-mesh"), NONE, """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",pod="mlserver-0"}[2m]
              )
            )
            """, 3.75, "1", 1, 4),
        new Case("Pod mlserver-1 in seldon-mesh", new Described("Pod", "mlserver-1", "seldon-mesh"), NONE, """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",pod="mlserver-1"}[2m]
              )
            )
            """, 5.75, "2", 3, 3),
        new Case("Pod mlserver-2 in seldon-mesh", new Described("Pod", "mlserver-2", "seldon-mesh"), NONE, """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",pod="mlserver-2"}[2m]
              )
            )
            """, 2.0625, "500m", 2, 5),
        new Case("Pod mlserver-0 in seldon-prod", new Described("Pod", "mlserver-0", "seldon-prod"), NONE, """
            sum by (pod) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod",pod="mlserver-0"}[2m]
              )
            )
            """, 10.0, "5", 2, 2),
        new Case("Namespace seldon-mesh", new Described("Namespace", "seldon-mesh", null), NONE, """
            sum by (namespace) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh"}[2m]
              )
            )
            """, 21.5625, "10", 1, 3),
        new Case("Namespace seldon-prod", new Described("Namespace", "seldon-prod", null), NONE, """
            sum by (namespace) (
              rate (
                seldon_model_infer_total{namespace="seldon-prod"}[2m]
              )
            )
            """, 16.5, "4", 4, 4),
        new Case("Model irisa0, matchLabels method_type: rest",
            new Described("Model", "irisa0", "seldon-mesh"),
            new Selector(Map.of("method_type", "rest"), List.of()), """
            sum by (model) (
              rate (
                seldon_model_infer_total{method_type="rest",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )
            """, 5.875, "2", 1, 3),
        new Case("Model irisa0, code In (OK, 200)", new Described("Model", "irisa0", "seldon-mesh"),
            new Selector(Map.of(), List.of(new Expression("code", "In", List.of("OK", "200")))), """
            sum by (model) (
              rate (
                seldon_model_infer_total{code=~"200|OK",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )
            """, 7.125, "2500m", 2, 3),
        new Case("Model irisa0, code NotIn (500)", new Described("Model", "irisa0", "seldon-mesh"),
            new Selector(Map.of(), List.of(new Expression("code", "NotIn", List.of("500")))), """
            sum by (model) (
              rate (
                seldon_model_infer_total{code!~"500",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )
            """, 7.125, "3500m", 2, 2),
        new Case("Model tfsimple, code NotIn (Unavailable, 500)", new Described("Model", "tfsimple", "seldon-mesh"),
            new Selector(Map.of(), List.of(new Expression("code", "NotIn", List.of("Unavailable", "500")))), """
            sum by (model) (
              rate (
                seldon_model_infer_total{code!~"500|Unavailable",namespace="seldon-mesh",model="tfsimple"}[2m]
              )
            )
            """, 9.5, "3", 3, 3),
        new Case("Model irisa0, method_type Exists", new Described("Model", "irisa0", "seldon-mesh"),
            new Selector(Map.of(), List.of(new Expression("method_type", "Exists", List.of()))), """
            sum by (model) (
              rate (
                seldon_model_infer_total{method_type!="",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )
            """, 7.5, "750m", 1, 10),
        new Case("Model irisa0, canary DoesNotExist", new Described("Model", "irisa0", "seldon-mesh"),
            new Selector(Map.of(), List.of(new Expression("canary", "DoesNotExist", List.of()))), """
            sum by (model) (
              rate (
                seldon_model_infer_total{canary="",namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )
            """, 7.5, "3", 4, 3),
        new Case("Server mlserver, method_type: grpc and code In (OK)",
            new Described("Server", "mlserver", "seldon-mesh"),
            new Selector(Map.of("method_type", "grpc"), List.of(new Expression("code", "In", List.of("OK")))), """
            sum by (server) (
              rate (
                seldon_model_infer_total{code=~"OK",method_type="grpc",namespace="seldon-mesh",server="mlserver"}[2m]
              )
            )
            """, 2.875, "1", 2, 3),
        new Case("Namespace seldon-mesh, method_type: grpc", new Described("Namespace", "seldon-mesh", null),
            new Selector(Map.of("method_type", "grpc"), List.of()), """
            sum by (namespace) (
              rate (
                seldon_model_infer_total{method_type="grpc",namespace="seldon-mesh"}[2m]
              )
            )
            """, 10.875, "5", 1, 3));
  }

  @TestFactory
  Stream<DynamicTest> eachQueryReturnsTheKnownRateAndTheExpectedReplicas() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      // the PromQL under test: swap for the library's explain of (c.described(), c.selector()) once it
      // lands, and keep c.adapterQuery() as the expected text
      String promql = c.adapterQuery();
      assertThat(designatedRate(c)).as("the synthetic series the metric designates").isEqualTo(c.expectedRate());

      QueryResult result = PrometheusServer.client().query(promql, END);

      assertThat(result.samples()).hasSize(1);
      assertThat(result.samples().get(0).labels())
          .containsOnlyKeys(c.described().resourceLabel())
          .containsEntry(c.described().resourceLabel(), c.described().name());
      double value = result.valueOf(c.described().resourceLabel(), c.described().name()).orElseThrow();
      assertThat(Math.abs(value - c.expectedRate()))
          .as("relative error of %s against %s", value, c.expectedRate())
          .isLessThan(1e-9 * c.expectedRate());
      assertThat(averageValueProposal(value, Quantity.parse(c.averageValue()), c.statusReplicas()))
          .isEqualTo(c.expectedReplicas());
    }));
  }

  /**
   * The summed rate of the synthetic series the HPA metric designates, with Kubernetes label-selector
   * semantics on the series labels (NotIn and DoesNotExist also match a missing label), independent of PromQL.
   */
  static double designatedRate(Case c) {
    return SyntheticSeldonSeries.SERIES.stream()
        .filter(s -> designates(c, s.labels()))
        .mapToDouble(SyntheticSeldonSeries.Series::rate)
        .sum();
  }

  private static boolean designates(Case c, Map<String, String> labels) {
    Described d = c.described();
    boolean object = d.name().equals(labels.get(d.resourceLabel()))
        && (d.namespace() == null || d.namespace().equals(labels.get("namespace")));
    return object
        && c.selector().matchLabels().entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
        && c.selector().matchExpressions().stream().allMatch(e -> {
          String value = labels.get(e.key());
          switch (e.operator()) {
            case "In":
              return value != null && e.values().contains(value);
            case "NotIn":
              return value == null || !e.values().contains(value);
            case "Exists":
              return value != null;
            case "DoesNotExist":
              return value == null;
            default:
              throw new IllegalArgumentException("operator " + e.operator());
          }
        });
  }

  /**
   * The replicas an HPA proposes for an Object metric with an AverageValue target (k8s-hpa.md §5.2) when
   * prometheus-adapter reports {@code value}: the adapter sends {@code int64(value * 1000)} milli-units,
   * {@code ratio = usage / (target * statusReplicas)}, no change within the tolerance, else
   * {@code ceil(usage / target)}.
   */
  static int averageValueProposal(double value, Quantity averageValue, int statusReplicas) {
    long usage = (long) (value * 1000.0);
    long target = averageValue.milliValue();
    double ratio = (double) usage / ((double) target * (double) statusReplicas);
    if (1.0 - TOLERANCE <= ratio && ratio <= 1.0 + TOLERANCE) {
      return statusReplicas;
    }
    return (int) Math.ceil((double) usage / (double) target);
  }
}
