package io.github.seldonhpa.examples;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static io.github.seldonhpa.test.SeldonHpaAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.KedaManifests;
import io.github.seldonhpa.k8s.LintCode;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.scaling.Simulation;
import io.github.seldonhpa.scaling.StartupDelay;
import io.github.seldonhpa.test.AgentSeries;
import io.github.seldonhpa.test.PrometheusExtension;
import io.github.seldonhpa.test.SeldonTraffic;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A platform team's test of its own autoscaling pipeline, written as a user writes it with
 * {@code seldon-hpa-test} as a test-scope dependency: the team's plan for Model {@code irisa0} and its
 * prometheus-adapter rule, against a real Prometheus holding 40 requests per second of Seldon traffic. It
 * fails when a change to the rule, the plan or its defaults would stop the model from scaling, or scale it
 * wrong. (Skipped, with the install command, where {@code /usr/bin/prometheus} is missing.)
 */
class AutoscalingPipelineTest {
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  static final AgentSeries IRISA0 = AgentSeries.model("irisa0").namespace("seldon-mesh").server("mlserver");

  /** irisa0 on three mlserver pods: 16 + 16 rps over REST, 8 rps over gRPC; income beside it on pod 2. */
  static final SeldonTraffic TRAFFIC = SeldonTraffic.endingAt(END)
      .constant(IRISA0.replica(0), 16)
      .constant(IRISA0.replica(1), 16)
      .constant(IRISA0.replica(2).methodType("grpc").code("OK"), 8)
      .ramp(AgentSeries.model("income").namespace("seldon-mesh").server("mlserver").replica(2), 0, 12,
          END.minus(ofMinutes(30)), END.minus(ofMinutes(10)));

  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = PrometheusExtension.backfilling(TRAFFIC);

  /** The team's adapter rule (the seeds' infer_rps over [2m]) and its plan: 8 rps per replica, 5 pods per 90 s. */
  static final AdapterConfig ADAPTER = SeldonPresets.inferRpsConfig(ofMinutes(2));
  static final ScalingPlan PLAN = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
      .addMetric(objectMetric("infer_rps", averageValue(8)))
      .replicas(1, 10)
      .scaleUp(scalingRules().addPolicy(pods(5, ofSeconds(90))).build())
      .build();

  private static String query() {
    ObjectMetric metric = (ObjectMetric) PLAN.modelHpa().metrics().get(0);
    return ADAPTER.explain(metric, PLAN.namespace(), TRAFFIC.series()).query().orElseThrow();
  }

  @Test
  void theAdapterServesInferRpsForTheModel() {
    assertThat(ADAPTER).withSeriesOf(TRAFFIC)
        .serves("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh")
        .hasQuery("""
            sum by (model) (
              rate (
                seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
              )
            )""");
  }

  @Test
  void prometheusReturnsTheModelsRate() {
    assertThat(PROMETHEUS).query(query(), END).hasValue("model", "irisa0", 40.0);
    // ten minutes before the end, income's ramp stands at 12 rps: the model label keeps it apart
    assertThat(PROMETHEUS).query(query(), END.minus(ofMinutes(10))).hasSamples(1).hasValue("model", "irisa0", 40.0);
  }

  @Test
  void atThatRateThePairScalesFromOneToFiveReplicas() {
    double rps = PROMETHEUS.query(query(), END).valueOf("model", "irisa0").orElseThrow();

    assertThat(PLAN).at(rps).decides(5);
    assertThat(PLAN).at(rps).fromReplicas(5).decides(5);
  }

  /** The same plan on the KEDA backend: its ScaledObject's prometheus trigger runs the adapter's query. */
  @Test
  void theKedaTriggerReadsTheSameRateAndDecidesTheSame() {
    ScaledObject irisa0 = KedaManifests.scaledObjects(PLAN, keda("http://prometheus.seldon-monitoring:9090")
        .build(), ADAPTER, TRAFFIC.series()).get(0);

    assertThat(PROMETHEUS).polls(irisa0, 1).hasTriggerValue(40.0).isActive().decides(5);
  }

  /**
   * No lint error; lint warns (SHPA036) that at 8 rps per replica up to 10 replicas the Model and Server HPAs
   * can settle one replica apart within the 0.1 tolerance, which this test pins so a change is noticed.
   */
  @Test
  void theRenderedManifestsHaveNoLintErrorAndTheOneKnownWarning() {
    assertThat(PLAN).manifests().lint().hasNoErrors().containsExactlyCodes(LintCode.HPA_PAIR_CAN_DIVERGE);
  }

  /**
   * With 60 s server start-up and the 60 s rate window, a ramp from 4 to 40 rps over five minutes leaves the
   * model saturated for a while (159 s as planned): the test fails when a change makes that worse than three
   * minutes.
   */
  @Test
  void aRampToFortyRpsNeverLeavesTheModelSaturatedForMoreThanThreeMinutes() {
    Simulation simulation = Simulation.builder()
        .trace(RpsTrace.ramp(4, 40, ofMinutes(1), ofMinutes(6), ofMinutes(15)))
        .modelHpa(PLAN.modelHpa())
        .serverHpa(PLAN.serverHpa())
        .serverStartup(StartupDelay.fixed(ofSeconds(60)))
        .saturationRps(10)
        .build();

    assertThat(simulation.run()).neverStaysAboveSaturationLongerThan(180).peaksAtMostAt(5);
  }
}
