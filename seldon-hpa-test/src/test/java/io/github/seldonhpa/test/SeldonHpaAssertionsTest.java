package io.github.seldonhpa.test;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintCode;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.k8s.testing.Fixtures;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.scaling.HpaCondition;
import io.github.seldonhpa.scaling.HpaController;
import io.github.seldonhpa.scaling.MetricReading;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.scaling.ScaleDecision;
import io.github.seldonhpa.scaling.Simulation;
import io.github.seldonhpa.scaling.SimulationResult;
import io.github.seldonhpa.scaling.StartupDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each assertion passes on a true statement and fails on a false one with its exact message. */
class SeldonHpaAssertionsTest {
  /** The seeds' pair with the seed's scale-up policy without its window: Pods 5 per 90 s. */
  static final ScalingPlan PLAN = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
      .addMetric(objectMetric("infer_rps", averageValue(8)))
      .replicas(1, 10)
      .scaleUp(scalingRules().addPolicy(pods(5, ofSeconds(90))).build())
      .build();
  /** The same without a behavior: the legacy path, at most max(2 x current, 4) per reconcile. */
  static final ScalingPlan LEGACY = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
      .addMetric(objectMetric("infer_rps", averageValue(8)))
      .replicas(1, 10)
      .build();

  /** The message of the AssertionError the call throws. */
  static String failure(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("the assertion should fail").isInstanceOf(AssertionError.class);
    return t.getMessage();
  }

  @Nested
  class Plans {
    @Test
    void thePairDecidesAtAMetricValue() {
      SeldonHpaAssertions.assertThat(PLAN).at(40).decides(5);
      SeldonHpaAssertions.assertThat(PLAN).at("infer_rps", 40).fromReplicas(2).decides(5);
      // the fresh controller's 5-minute scale-down window holds 4 replicas at 8 rps
      SeldonHpaAssertions.assertThat(PLAN).at(8).fromReplicas(4).decides(4);

      assertThat(failure(() -> SeldonHpaAssertions.assertThat(LEGACY).at(40).decides(5))).isEqualTo(
          "expected both HPAs of the plan seldon-mesh/irisa0 to decide 5 replicas from 1 with infer_rps at 40, but"
              + " the Model HPA irisa0-model-hpa decided 4 [AbleToScale=True/SucceededRescale,"
              + " ScalingActive=True/ValidMetricFound, ScalingLimited=True/ScaleUpLimit] and the Server HPA"
              + " mlserver-server-hpa decided 4 [AbleToScale=True/SucceededRescale,"
              + " ScalingActive=True/ValidMetricFound, ScalingLimited=True/ScaleUpLimit]");
    }

    @Test
    void aPlanWithTwoMetricsNeedsAValueForEach() {
      ScalingPlan two = scalingPlan("irisa0").namespace("seldon-mesh")
          .addMetric(objectMetric("infer_rps", averageValue(8)))
          .addMetric(objectMetric("infer_latency_seconds", averageValue("100m")))
          .replicas(1, 10)
          .scaleUp(scalingRules().addPolicy(pods(5, ofSeconds(90))).build())
          .build();

      SeldonHpaAssertions.assertThat(two).at("infer_rps", 40).at("infer_latency_seconds", 0.05).decides(5);
      SeldonHpaAssertions.assertThat(two).at("infer_rps", 8).at("infer_latency_seconds", 0.35).decides(4);
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(two).at(40).decides(5))).isEqualTo(
          "the plan seldon-mesh/irisa0 has the metrics [infer_rps, infer_latency_seconds]: give each its value with"
              + " at(name, value) (was every metric at 40)");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(two).at("infer_rps", 40).decides(5))).isEqualTo(
          "the plan seldon-mesh/irisa0 has the metrics [infer_rps, infer_latency_seconds]: give each its value with"
              + " at(name, value) (was infer_rps at 40)");
    }

    @Test
    void rendersYamlComparesTheTextExactly() {
      String yaml = Manifests.yaml(PLAN);
      SeldonHpaAssertions.assertThat(PLAN).rendersYaml(yaml);

      assertThat(failure(() -> SeldonHpaAssertions.assertThat(PLAN).rendersYaml(yaml.replace("maxReplicas: 10",
          "maxReplicas: 12")))).isEqualTo("expected the plan seldon-mesh/irisa0 to render the given YAML, but it"
          + " differs at line 12: expected \"  maxReplicas: 12\" but was \"  maxReplicas: 10\"; it rendered:\n" + yaml);
    }

    @Test
    void theRenderedManifestsHoldThePairAndItsOneLintWarning() {
      // averageValue 8 up to 10 replicas: the pair can settle one replica apart within the 0.1 tolerance
      SeldonHpaAssertions.assertThat(PLAN).manifests()
          .containsExactlyObjects("HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa",
              "HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa")
          .lint().hasNoErrors().containsExactlyCodes(LintCode.HPA_PAIR_CAN_DIVERGE);

      assertThat(failure(() -> SeldonHpaAssertions.assertThat(PLAN).manifests()
          .containsExactlyObjects("HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa")))
          .isEqualTo("expected the objects [HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa], but the"
              + " manifests hold [HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa,"
              + " HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa]");
    }
  }

  @Nested
  class Decisions {
    private final ScaleDecision decision = HpaController.of(PLAN.modelHpa())
        .step(Instant.EPOCH, 1, MetricReading.objectAverageValue(40_000, 8_000));

    @Test
    void passes() {
      SeldonHpaAssertions.assertThat(decision).hasDesiredReplicas(5).isRescaled()
          .hasCondition(HpaCondition.Type.SCALING_ACTIVE, true, "ValidMetricFound");
      ScaleDecision kept = HpaController.of(PLAN.modelHpa())
          .step(Instant.EPOCH, 5, MetricReading.objectAverageValue(40_000, 8_000));
      SeldonHpaAssertions.assertThat(kept).hasDesiredReplicas(5).isNotRescaled();
    }

    @Test
    void failures() {
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(decision).hasDesiredReplicas(6))).isEqualTo(
          "expected the HPA to decide 6 replicas, but it decided 5 from 1: [AbleToScale=True/SucceededRescale,"
              + " ScalingActive=True/ValidMetricFound, ScalingLimited=False/DesiredWithinRange]");
      ScaleDecision kept = HpaController.of(PLAN.modelHpa())
          .step(Instant.EPOCH, 5, MetricReading.objectAverageValue(40_000, 8_000));
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(kept).isRescaled())).isEqualTo(
          "expected the HPA to rescale, but it kept 5 replicas: [AbleToScale=True/ReadyForNewScale,"
              + " ScalingActive=True/ValidMetricFound, ScalingLimited=False/DesiredWithinRange]");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(decision).isNotRescaled())).isEqualTo(
          "expected the HPA to keep 1 replicas, but it rescaled to 5: [AbleToScale=True/SucceededRescale,"
              + " ScalingActive=True/ValidMetricFound, ScalingLimited=False/DesiredWithinRange]");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(decision)
          .hasCondition(HpaCondition.Type.SCALING_LIMITED, true, "TooManyReplicas"))).isEqualTo(
          "expected the condition ScalingLimited=True/TooManyReplicas, but the reconcile set"
              + " [AbleToScale=True/SucceededRescale, ScalingActive=True/ValidMetricFound,"
              + " ScalingLimited=False/DesiredWithinRange]");
    }
  }

  @Nested
  class AdapterConfigs {
    private final AdapterConfig seeds = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));

    @Test
    void servesAndExplains() {
      SeldonHpaAssertions.assertThat(seeds).serves("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh")
          .hasApiPath("/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps")
          .hasQuery("""
              sum by (model) (
                rate (
                  seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
                )
              )""");
      SeldonHpaAssertions.assertThat(seeds).doesNotServe("infer_latency", ObjectReference.model("irisa0"), "seldon-mesh")
          .hasReasonContaining("infer_latency");
    }

    @Test
    void failures() {
      var latency = seeds.explain(ObjectMetric.builder().metricName("infer_latency")
          .describedObject(ObjectReference.model("irisa0")).target(averageValue(1)).build(), "seldon-mesh",
          SeldonPresets.defaultSeries());
      assertThat(latency.reasons()).isNotEmpty();
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(seeds)
          .serves("infer_latency", ObjectReference.model("irisa0"), "seldon-mesh"))).isEqualTo(
          "expected the adapter to serve infer_latency for models.mlops.seldon.io irisa0 in seldon-mesh, but it does"
              + " not: " + String.join("; ", latency.reasons())
              + (latency.nearMisses().isEmpty() ? "" : "; near misses: " + String.join("; ", latency.nearMisses())));
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(latency).hasQuery("sum(x)"))).isEqualTo(
          "expected the adapter to run a query for infer_latency for models.mlops.seldon.io irisa0 in seldon-mesh,"
              + " but it runs none: " + String.join("; ", latency.reasons()));
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(latency).hasReasonContaining("no such words")))
          .isEqualTo("expected a reason containing \"no such words\" for infer_latency for models.mlops.seldon.io"
              + " irisa0 in seldon-mesh, but the reasons are " + latency.reasons());
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(seeds)
          .doesNotServe("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh"))).isEqualTo(
          "expected the adapter not to serve infer_rps for models.mlops.seldon.io irisa0 in seldon-mesh, but rule 0"
              + " serves it with the query:\nsum by (model) (\n  rate (\n"
              + "    seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n)");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(seeds)
          .serves("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh").hasQuery("sum(x)"))).isEqualTo(
          "expected the adapter to run the given query for infer_rps for models.mlops.seldon.io irisa0 in"
              + " seldon-mesh, but it differs at line 1: expected \"sum(x)\" but was \"sum by (model) (\"; it runs:\n"
              + "sum by (model) (\n  rate (\n"
              + "    seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n)");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(seeds)
          .serves("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh").hasApiPath("/x"))).isEqualTo(
          "expected the HPA to request /x for infer_rps for models.mlops.seldon.io irisa0 in seldon-mesh, but it"
              + " requests /apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps");
    }

    @Test
    void theSeedsConfigMapServesTheModelOfTheSeries() {
      SeldonTraffic traffic = SeldonTraffic.endingAt(Instant.parse("2026-01-01T00:00:00Z"))
          .constant(AgentSeries.model("irisa0"), 1);

      SeldonHpaAssertions.assertThatYaml(Fixtures.read("seeds/prometheus-adapter-configmap-2m.yaml")).adapterConfig()
          .withSeriesOf(traffic)
          .serves("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh");
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml(Fixtures.read("seeds/irisa0-model-hpa.yaml"))
          .adapterConfig())).isEqualTo("expected one prometheus-adapter config among the manifests, but found 0");
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml("""
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: adapter
          data:
            config.yaml: |
              rules:
              - seriesQuery: x
                metricz: y
          """).adapterConfig())).startsWith("expected one prometheus-adapter config among the manifests, but found 0;"
          + " not read: ConfigMap adapter (<yaml>, document 1): ");
    }
  }

  @Nested
  class Lints {
    private final String seeds = Fixtures.read("lint/seeds/002-custom-policy.yaml");
    private final String valueTarget = Fixtures.read("seeds/irisa0-model-hpa.yaml")
        .replace("type: AverageValue\n        averageValue: 3", "type: Value\n        value: 3");

    @Test
    void cleanManifestsPass() {
      SeldonHpaAssertions.assertThatYaml(seeds).lintsClean();
      SeldonHpaAssertions.assertThatYaml(seeds).lint().hasNoErrors();
      SeldonHpaAssertions.assertThatYaml(valueTarget).lint()
          .containsCode(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE)
          .containsExactlyCodes(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE);
    }

    @Test
    void failuresListTheFindings() {
      String finding = Lint.check(ManifestReader.create().read("<yaml>", valueTarget), LintFacts.defaults()).get(0)
          .toString();
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml(valueTarget).lintsClean()))
          .isEqualTo("expected no ERROR or WARNING lint findings, but lint found 1:\n  " + finding);
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml(valueTarget).lint().hasNoErrors()))
          .isEqualTo("expected no ERROR lint findings, but lint found 1:\n  " + finding);
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml(valueTarget).lint().isEmpty()))
          .isEqualTo("expected no lint findings, but lint found 1:\n  " + finding);
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml(seeds).lint()
          .containsCode(LintCode.RATE_WINDOW_TOO_SHORT)))
          .isEqualTo("expected a lint finding SHPA015 (rate-window-too-short), but lint found none");
      assertThat(failure(() -> SeldonHpaAssertions.assertThatYaml(valueTarget).lint().containsExactlyCodes()))
          .isEqualTo("expected the lint findings [], but lint found [SHPA003]:\n  " + finding);
      assertThat(finding).startsWith("ERROR SHPA003 <yaml>:");
    }

    @Test
    void aFindingByPathAndMessage() {
      var f = Lint.check(ManifestReader.create().read("<yaml>", valueTarget), LintFacts.defaults()).get(0);
      SeldonHpaAssertions.assertThatFindings(List.of(f)).hasFinding(f.code(), f.path(), f.message());

      assertThat(failure(() -> SeldonHpaAssertions.assertThatFindings(List.of(f))
          .hasFinding(f.code(), "spec.minReplicas", f.message())))
          .isEqualTo("expected the lint finding SHPA003 at spec.minReplicas: " + f.message() + ", but lint found 1:\n  "
              + f);
    }
  }

  @Nested
  class QueryResults {
    private final Instant t = Instant.parse("2026-01-01T00:00:00Z");
    private final QueryResult result = CannedPrometheus.vector("sum by (model) (rate(x[2m]))", t,
        "[{\"metric\":{\"model\":\"irisa0\"},\"value\":[1767225600,\"7.5\"]},"
            + "{\"metric\":{\"model\":\"income\"},\"value\":[1767225600,\"4.0625\"]}]");

    @Test
    void passes() {
      SeldonHpaAssertions.assertThat(result).hasSamples(2).hasValue("model", "irisa0", 7.5)
          .hasValueWithin("model", "income", 4, 0.1);
      SeldonHpaAssertions.assertThat(CannedPrometheus.vector("q", t, "[{\"metric\":{},\"value\":[1767225600,\"3\"]}]"))
          .hasValue(3.0);
    }

    @Test
    void failures() {
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(result).hasValue(7.5))).isEqualTo(
          "expected the query to return one sample of 7.5 at 2026-01-01T00:00:00Z, but it returned"
              + " {model=\"irisa0\"} 7.5, {model=\"income\"} 4.0625; query: sum by (model) (rate(x[2m]))");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(result).hasValue("model", "irisa0", 3))).isEqualTo(
          "expected the sample with model=\"irisa0\" to be 3 at 2026-01-01T00:00:00Z, but it was 7.5; query: sum by"
              + " (model) (rate(x[2m]))");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(result).hasValueWithin("model", "income", 4, 0.05)))
          .isEqualTo("expected the sample with model=\"income\" to be 4 ± 0.05 at 2026-01-01T00:00:00Z, but it was"
              + " 4.0625; query: sum by (model) (rate(x[2m]))");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(result).hasValue("model", "tfsimple", 3))).isEqualTo(
          "expected the sample with model=\"tfsimple\" to be 3 at 2026-01-01T00:00:00Z, but no sample has"
              + " model=\"tfsimple\": {model=\"irisa0\"} 7.5, {model=\"income\"} 4.0625; query: sum by (model)"
              + " (rate(x[2m]))");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(result).hasSamples(1))).isEqualTo(
          "expected the query to return 1 samples at 2026-01-01T00:00:00Z, but it returned 2: {model=\"irisa0\"}"
              + " 7.5, {model=\"income\"} 4.0625; query: sum by (model) (rate(x[2m]))");
    }

    @Test
    void aPercentInTheQueryStaysLiteral() {
      QueryResult modulo = CannedPrometheus.vector("x % 2", t,
          "[{\"metric\":{\"pod\":\"a%b\"},\"value\":[1767225600,\"0\"]}]");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(modulo).hasValue(1))).isEqualTo(
          "expected the query to return one sample of 1 at 2026-01-01T00:00:00Z, but it returned {pod=\"a%b\"} 0;"
              + " query: x % 2");
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(result).as("irisa0 rps").hasSamples(1)))
          .startsWith("[irisa0 rps] expected the query to return 1 samples");
    }
  }

  @Nested
  class Simulations {
    /** The seeds' pathological ramp: 16 to 120 rps between minute 1 and 3, saturation 10 rps per replica. */
    private final SimulationResult ramp = Simulation.builder()
        .trace(RpsTrace.ramp(16, 120, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(15)))
        .modelHpa(PLAN.modelHpa())
        .serverHpa(PLAN.serverHpa())
        .serverStartup(StartupDelay.fixed(Duration.ofSeconds(60)))
        .saturationRps(10)
        .build()
        .run();

    @Test
    void passesOnTheRunsOwnFigures() {
      var s = ramp.summary();
      SeldonHpaAssertions.assertThat(ramp)
          .spendsAtMostSecondsAboveSaturation(s.secondsAboveSaturation())
          .neverStaysAboveSaturationLongerThan(s.longestAboveSaturation())
          .isScheduleFailedAtMostSeconds(s.scheduleFailedSeconds())
          .peaksAtMostAt(10);
      assertThat(s.secondsAboveSaturation()).isGreaterThan(0);
    }

    @Test
    void failuresGiveTheFigures() {
      var s = ramp.summary();
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(ramp).spendsAtMostSecondsAboveSaturation(10)))
          .isEqualTo("expected the simulation to spend at most 10 s above saturation, but it spent "
              + Texts.number(s.secondsAboveSaturation()) + " s (longest stretch "
              + Texts.number(s.longestAboveSaturation()) + " s, first from 0 s)");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(ramp).neverStaysAboveSaturationLongerThan(10)))
          .isEqualTo("expected no stretch above saturation longer than 10 s, but the longest lasted "
              + Texts.number(s.longestAboveSaturation()) + " s (in total " + Texts.number(s.secondsAboveSaturation())
              + " s above saturation)");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(ramp).isScheduleFailedAtMostSeconds(1)))
          .isEqualTo("expected the model to be ScheduleFailed for at most 1 s, but it was for "
              + Texts.number(s.scheduleFailedSeconds()) + " s");
      assertThat(failure(() -> SeldonHpaAssertions.assertThat(ramp).peaksAtMostAt(3)))
          .isEqualTo("expected at most 3 replicas, but the peak was model 10, server 10");
    }
  }
}
