package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of {@code k8s-hpa.json} (system property {@code seldonhpa.vectors.hpa}): one test per case,
 * named {@code group: case}.
 */
class HpaVectorsConformanceTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode vectors() throws IOException {
    Path file = SharedFiles.require("seldonhpa.vectors.hpa", "vectors/k8s-hpa.json");
    return MAPPER.readTree(file.toFile());
  }

  /** The file states its case count; every case becomes one test below. Skipped, and so counted, without it. */
  @Test
  void vectorFileHoldsTheCasesItCounts() throws IOException {
    JsonNode root = vectors();
    int cases = 0;
    for (JsonNode g : root.get("groups")) {
      cases += g.get("cases").size();
    }
    assertThat(cases).isEqualTo(root.get("caseCount").asInt());
  }

  @TestFactory
  Stream<DynamicTest> vectorsOfTheController() throws IOException {
    JsonNode root = vectors();
    Map<String, Consumer<JsonNode>> runners = new LinkedHashMap<>();
    runners.put("toleranceCheck", HpaVectorsConformanceTest::tolerance);
    runners.put("objectValue", HpaVectorsConformanceTest::objectValue);
    runners.put("objectAverageValue", HpaVectorsConformanceTest::objectAverageValue);
    runners.put("externalValue", HpaVectorsConformanceTest::externalValue);
    runners.put("externalAverageValue", HpaVectorsConformanceTest::externalAverageValue);
    runners.put("podsMetric", HpaVectorsConformanceTest::podsMetric);
    runners.put("resourceUtilization", HpaVectorsConformanceTest::resourceUtilization);
    runners.put("groupPods", HpaVectorsConformanceTest::groupPods);
    runners.put("combineMetrics", HpaVectorsConformanceTest::combineMetrics);
    runners.put("legacyStabilize", HpaVectorsConformanceTest::legacyStabilize);
    runners.put("legacyConvert", HpaVectorsConformanceTest::legacyConvert);
    runners.put("stabilizeWithBehaviors", HpaVectorsConformanceTest::stabilizeWithBehaviors);
    runners.put("convertWithBehaviorRate", HpaVectorsConformanceTest::convertWithBehaviorRate);
    runners.put("scaleLimits", HpaVectorsConformanceTest::scaleLimits);
    runners.put("storeScaleEvent", HpaVectorsConformanceTest::storeScaleEvent);
    runners.put("behaviorDefaults", HpaVectorsConformanceTest::behaviorDefaults);
    runners.put("reconcile", HpaVectorsConformanceTest::reconcile);
    List<DynamicTest> tests = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (JsonNode g : root.get("groups")) {
      String group = g.get("group").asText();
      if (group.equals("validation")) {
        continue; // the API server's validation reads manifests: seldon-hpa-k8s's ApiServerValidationConformanceTest
      }
      groups.add(group);
      Consumer<JsonNode> runner = runners.get(group);
      int i = 0;
      for (JsonNode c : g.get("cases")) {
        String name = group + ": " + (c.has("name") ? c.get("name").asText() : c.get("usageRatioExpression").asText()
            + " [" + c.get("scaleDownTolerance") + ", " + c.get("scaleUpTolerance") + "] #" + i);
        i++;
        tests.add(DynamicTest.dynamicTest(name, () -> {
          assertThat(runner).as("a runner for group " + group).isNotNull();
          runner.accept(c);
        }));
      }
    }
    assertThat(runners.keySet()).allMatch(groups::contains);
    return tests.stream();
  }

  // ---- per-metric ----

  private static double[] tol(JsonNode c) {
    JsonNode t = c.get("tolerances");
    return new double[] {t.get(0).asDouble(), t.get(1).asDouble()};
  }

  private static void tolerance(JsonNode c) {
    String expr = c.get("usageRatioExpression").asText();
    String[] parts = expr.split(" ")[0].split("/");
    double ratio = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    double down = c.get("scaleDownTolerance").asDouble();
    double up = c.get("scaleUpTolerance").asDouble();
    JsonNode e = c.get("expected");
    assertEquals(e.get("within").asBoolean(), ReplicaCalculator.within(ratio, down, up));
    if (e.has("withinLegacyAbsRule")) {
      assertEquals(e.get("withinLegacyAbsRule").asBoolean(), ReplicaCalculator.withinLegacy(ratio, down));
    }
  }

  private static void expectProposal(JsonNode e, MetricProposal p, String usageKey) {
    if (e.has("error")) {
      assertThat(p.valid()).isFalse();
      assertThat(p.error().orElseThrow()).contains(e.get("error").asText());
      return;
    }
    assertThat(p.error()).isEmpty();
    if (e.get("replicas").isNumber()) {
      assertEquals(e.get("replicas").asInt(), p.replicas());
    }
    assertEquals(e.get(usageKey).asLong(), p.currentMilli());
  }

  private static void objectValue(JsonNode c) {
    double[] t = tol(c);
    MetricProposal p = ReplicaCalculator.objectValue(c.get("usageMilli").asLong(), c.get("targetValueMilli").asLong(),
        c.get("specReplicas").asInt(), c.get("readyPodCount").asInt(), c.get("podCount").asInt(), t[0], t[1]);
    expectProposal(c.get("expected"), p, "usageMilli");
  }

  private static void objectAverageValue(JsonNode c) {
    double[] t = tol(c);
    MetricProposal p = ReplicaCalculator.objectAverageValue(c.get("usageMilli").asLong(),
        c.get("targetAverageValueMilli").asLong(), c.get("statusReplicas").asInt(), t[0], t[1]);
    expectProposal(c.get("expected"), p, "averageUsageMilli");
    if (!c.get("expected").get("replicas").isNumber()) {
      // Go leaves int32 of a too-large double undefined; Java saturates
      assertEquals(Integer.MAX_VALUE, p.replicas());
    }
  }

  private static long[] longs(JsonNode a) {
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asLong();
    }
    return out;
  }

  private static void externalValue(JsonNode c) {
    double[] t = tol(c);
    int ready = c.get("readyPodCount").asInt();
    MetricProposal p = ReplicaCalculator.externalValue(longs(c.get("metricValuesMilli")),
        c.get("targetValueMilli").asLong(), c.get("specReplicas").asInt(), ready,
        c.has("podCount") ? c.get("podCount").asInt() : Math.max(ready, c.get("specReplicas").asInt()), t[0], t[1]);
    expectProposal(c.get("expected"), p, "usageMilli");
  }

  private static void externalAverageValue(JsonNode c) {
    double[] t = tol(c);
    MetricProposal p = ReplicaCalculator.externalAverageValue(longs(c.get("metricValuesMilli")),
        c.get("targetAverageValueMilli").asLong(), c.get("statusReplicas").asInt(), t[0], t[1]);
    expectProposal(c.get("expected"), p, "averageUsageMilli");
  }

  private static OptionalLong optLong(JsonNode n) {
    return n == null || n.isNull() ? OptionalLong.empty() : OptionalLong.of(n.asLong());
  }

  /** Non-CPU grouping of the vectors' pods: readiness is not consulted. */
  private static PodState plainState(JsonNode pod) {
    String phase = pod.get("phase").asText();
    if (pod.path("deleted").asBoolean(false) || phase.equals("Failed") || phase.equals("Succeeded")) {
      return PodState.IGNORED;
    }
    return phase.equals("Pending") ? PodState.UNREADY : PodState.READY;
  }

  private static void podsMetric(JsonNode c) {
    double[] t = tol(c);
    List<PodSample> pods = new ArrayList<>();
    for (JsonNode pod : c.get("pods")) {
      pods.add(PodSample.of(plainState(pod), optLong(pod.get("metricMilli")), OptionalLong.empty()));
    }
    MetricProposal p = ReplicaCalculator.pods(pods, new long[0], c.get("targetAverageValueMilli").asLong(),
        c.get("currentReplicas").asInt(), t[0], t[1]);
    expectProposal(c.get("expected"), p, "usageMilli");
  }

  private static void resourceUtilization(JsonNode c) {
    double[] t = tol(c);
    List<PodSample> pods = new ArrayList<>();
    for (JsonNode pod : c.get("pods")) {
      String s = pod.get("state").asText();
      PodState state = s.equals("ignored") ? PodState.IGNORED
          : s.equals("ready") ? PodState.READY : PodState.UNREADY;
      pods.add(PodSample.of(state, optLong(pod.get("usageMilli")), optLong(pod.get("requestMilli"))));
    }
    long[] extra = c.has("extraMetricsMilli") ? longs(c.get("extraMetricsMilli")) : new long[0];
    MetricProposal p = ReplicaCalculator.resourceUtilization(pods, extra, c.get("targetUtilization").asInt(),
        "cpu", c.get("currentReplicas").asInt(), t[0], t[1]);
    JsonNode e = c.get("expected");
    if (e.has("error")) {
      expectProposal(e, p, null);
      return;
    }
    assertThat(p.error()).isEmpty();
    assertEquals(e.get("replicas").asInt(), p.replicas());
    assertEquals(e.get("utilization").asInt(), p.utilization().orElseThrow());
    assertEquals(e.get("rawAverageMilli").asLong(), p.currentMilli());
  }

  private static void groupPods(JsonNode c) {
    List<PodInfo> pods = new ArrayList<>();
    for (JsonNode pod : c.get("pods")) {
      PodInfo.Builder b = PodInfo.builder().name(pod.get("name").asText())
          .phase(PodInfo.Phase.valueOf(pod.get("phase").asText().toUpperCase()))
          .deleted(pod.path("deleted").asBoolean(false))
          .hasMetric(pod.get("hasMetric").asBoolean());
      if (pod.has("startAgeSeconds")) {
        b.startTime(NOW.minusSeconds(pod.get("startAgeSeconds").asLong()));
      }
      if (pod.has("readyCondition")) {
        JsonNode rc = pod.get("readyCondition");
        b.ready(rc.get("status").asText().equals("True"))
            .readyTransitionTime(NOW.minusSeconds(rc.get("lastTransitionAgeSeconds").asLong()));
      }
      if (pod.has("metricAgeSeconds")) {
        b.metricTimestamp(NOW.minusSeconds(pod.get("metricAgeSeconds").asLong()));
      }
      if (pod.has("metricWindowSeconds")) {
        b.metricWindow(Duration.ofSeconds(pod.get("metricWindowSeconds").asLong()));
      }
      pods.add(b.build());
    }
    PodGroups g = PodGroups.of(pods, c.get("resource").asText().equals("cpu"), NOW,
        Duration.ofSeconds(c.get("cpuInitializationPeriodSeconds").asLong()),
        Duration.ofSeconds(c.get("delayOfInitialReadinessStatusSeconds").asLong()));
    JsonNode e = c.get("expected");
    assertEquals(e.get("readyPodCount").asInt(), g.readyPodCount());
    assertEquals(strings(e.get("unready")), g.unready());
    assertEquals(strings(e.get("missing")), g.missing());
    assertEquals(strings(e.get("ignored")), g.ignored());
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asText()));
    return out;
  }

  // ---- combining and normalisation ----

  private static void combineMetrics(JsonNode c) {
    int spec = c.get("specReplicas").asInt();
    List<MetricReading> readings = new ArrayList<>();
    for (JsonNode r : c.get("metricResults")) {
      readings.add(r.has("error") ? MetricReading.failed(r.get("error").asText(), "metric failed")
          : (s, st, d, u) -> MetricProposal.of(r.get("replicas").asInt(), 0));
    }
    // the Go tests run with scaleUpLimitFactor 8: the combined proposal is not clamped here
    HpaController hpa = HpaController.builder().minReplicas(1).maxReplicas(100).scaleUpLimitFactor(8).build();
    ScaleDecision d = hpa.step(NOW, spec, spec, readings);
    JsonNode e = c.get("expected");
    int replicas = e.get("replicas").asInt();
    assertEquals(e.get("error").asBoolean(), d.error().isPresent());
    if (replicas == -1) {
      assertThat(d.rescaled()).isFalse();
      assertThat(d.condition(HpaCondition.Type.SCALING_ACTIVE).orElseThrow().toString())
          .isEqualTo("ScalingActive=False/" + c.get("metricResults").findValue("error").asText());
    } else {
      assertEquals(replicas, d.desiredReplicas());
      assertThat(d.condition(HpaCondition.Type.SCALING_ACTIVE).orElseThrow().toString())
          .isEqualTo("ScalingActive=True/ValidMetricFound");
    }
  }

  private static void legacyStabilize(JsonNode c) {
    HpaController hpa = HpaController.builder().maxReplicas(1000)
        .downscaleStabilization(Duration.ofSeconds(c.get("windowSeconds").asLong()))
        .legacyWindowInclusive(true).build();
    long t = NOW.toEpochMilli();
    for (JsonNode r : c.get("recommendations")) {
      hpa.addRecommendation(r.get("value").asInt(), t - r.get("ageSeconds").asLong() * 1000);
    }
    JsonNode e = c.get("expected");
    assertEquals(e.get("stabilized").asInt(), hpa.stabilizeLegacy(c.get("desired").asInt(), t));
    assertThat(hpa.recommendations()).containsExactly(ints(e.get("storedRecommendations")));
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static void legacyConvert(JsonNode c) {
    assertEquals(4.0, c.get("scaleUpLimitMinimum").asDouble());
    HpaController hpa = HpaController.builder().minReplicas(c.get("minReplicas").asInt())
        .maxReplicas(c.get("maxReplicas").asInt()).scaleUpLimitFactor(c.get("scaleUpLimitFactor").asDouble()).build();
    JsonNode e = c.get("expected");
    assertEquals(e.get("replicas").asInt(),
        hpa.convertLegacy(c.get("currentReplicas").asInt(), c.get("desiredReplicas").asInt()));
    assertEquals(e.get("reason").asText(), hpa.lastReason());
  }

  private static void stabilizeWithBehaviors(JsonNode c) {
    HpaController hpa = HpaController.builder().maxReplicas(1000)
        .scaleUp(ScalingRules.builder()
            .stabilizationWindow(Duration.ofSeconds(c.get("scaleUpStabilizationWindowSeconds").asLong())).build())
        .scaleDown(ScalingRules.builder()
            .stabilizationWindow(Duration.ofSeconds(c.get("scaleDownStabilizationWindowSeconds").asLong())).build())
        .build();
    long t = NOW.toEpochMilli();
    for (JsonNode r : c.get("recommendations")) {
      hpa.addRecommendation(r.get("value").asInt(), t - r.get("ageSeconds").asLong() * 1000);
    }
    JsonNode e = c.get("expected");
    int current = c.get("currentReplicas").asInt();
    int desired = c.get("desired").asInt();
    assertEquals(e.get("stabilized").asInt(), hpa.stabilizeWithBehaviors(desired, current, t));
    assertThat(hpa.recommendations()).containsExactly(ints(e.get("storedRecommendations")));
    assertEquals(e.get("reasonIfChanged").asText(),
        desired >= current ? "ScaleUpStabilized" : "ScaleDownStabilized");
  }

  private static ScalingRules rules(JsonNode r) {
    ScalingRules.Builder b = ScalingRules.builder();
    if (r.hasNonNull("stabilizationWindowSeconds")) {
      b.stabilizationWindow(Duration.ofSeconds(r.get("stabilizationWindowSeconds").asLong()));
    }
    if (r.hasNonNull("selectPolicy")) {
      b.selectPolicy(ScalingRules.SelectPolicy.fromYaml("selectPolicy", r.get("selectPolicy").asText()));
    }
    if (r.has("policies")) {
      for (JsonNode p : r.get("policies")) {
        Duration period = Duration.ofSeconds(p.get("periodSeconds").asLong());
        b.addPolicy(p.get("type").asText().equals("Pods") ? ScalingPolicy.pods(p.get("value").asInt(), period)
            : ScalingPolicy.percent(p.get("value").asInt(), period));
      }
    }
    if (r.hasNonNull("tolerance")) {
      b.tolerance(Quantity.of(new BigDecimal(r.get("tolerance").asText())));
    }
    return b.build();
  }

  private static HpaController withEvents(HpaController hpa, JsonNode c) {
    long t = NOW.toEpochMilli();
    for (JsonNode ev : c.get("scaleUpEvents")) {
      hpa.addScaleEvent(true, ev.get("change").asInt(), t - ev.get("ageSeconds").asLong() * 1000);
    }
    for (JsonNode ev : c.get("scaleDownEvents")) {
      hpa.addScaleEvent(false, ev.get("change").asInt(), t - ev.get("ageSeconds").asLong() * 1000);
    }
    return hpa;
  }

  private static void convertWithBehaviorRate(JsonNode c) {
    HpaController.Builder b = HpaController.builder().minReplicas(c.get("minReplicas").asInt())
        .maxReplicas(c.get("maxReplicas").asInt()).behavior();
    if (!c.get("scaleUpRulesAsGiven").isNull()) {
      b.scaleUp(rules(c.get("scaleUpRulesAsGiven")));
    }
    if (!c.get("scaleDownRulesAsGiven").isNull()) {
      b.scaleDown(rules(c.get("scaleDownRulesAsGiven")));
    }
    HpaController hpa = withEvents(b.build(), c);
    // the defaulted rules the case states are the ones the controller derived
    assertRules(c.get("scaleUp"), hpa.scaleUpRules());
    assertEquals(rules(c.get("scaleDown")).policies(), hpa.scaleDownRules().policies());
    JsonNode e = c.get("expected");
    assertEquals(e.get("replicas").asInt(), hpa.convertWithBehaviorRate(c.get("currentReplicas").asInt(),
        c.get("desiredReplicas").asInt(), NOW.toEpochMilli()));
    assertEquals(e.get("reason").asText(), hpa.lastReason());
  }

  private static void assertRules(JsonNode expected, ScalingRules actual) {
    ScalingRules want = rules(expected);
    assertEquals(want.stabilizationWindow(), actual.stabilizationWindow());
    assertEquals(want.selectPolicy(), actual.selectPolicy());
    assertEquals(want.policies(), actual.policies());
    assertEquals(want.tolerance(), actual.tolerance());
  }

  private static void scaleLimits(JsonNode c) {
    boolean upward = c.get("direction").asText().equals("up");
    HpaController.Builder b = HpaController.builder().maxReplicas(1000);
    if (upward) {
      b.scaleUp(rules(c.get("rules")));
    } else {
      b.scaleDown(rules(c.get("rules")));
    }
    HpaController hpa = withEvents(b.build(), c);
    int current = c.get("currentReplicas").asInt();
    long t = NOW.toEpochMilli();
    assertEquals(c.get("expected").get("limit").asInt(),
        upward ? hpa.scaleUpLimit(current, t) : hpa.scaleDownLimit(current, t));
  }

  private static void storeScaleEvent(JsonNode c) {
    for (boolean upward : new boolean[] {true, false}) {
      HpaController.Builder b = HpaController.builder().maxReplicas(1000);
      if (c.get("behaviorPresent").asBoolean()) {
        ScalingRules.Builder r = ScalingRules.builder();
        for (JsonNode p : c.get("policies")) {
          r.addPolicy(ScalingPolicy.pods(1, Duration.ofSeconds(p.get("periodSeconds").asLong())));
        }
        ScalingRules built = r.build();
        b.scaleUp(built).scaleDown(built);
      }
      HpaController hpa = b.build();
      long t = NOW.toEpochMilli();
      for (JsonNode ev : c.get("previousEvents")) {
        hpa.addScaleEvent(upward, ev.get("change").asInt(), t - ev.get("ageSeconds").asLong() * 1000);
      }
      JsonNode e = c.get("expected");
      HpaController.Events events = hpa.events(upward);
      assertEquals(e.get("changeInLast60sBeforeStore").asInt(), events.changeWithin(60_000, t));
      int change = c.get("newChange").asInt();
      hpa.recordScaleEvent(10, upward ? 10 + change : 10 - change, t);
      JsonNode after = e.get("eventsAfter");
      if (!c.get("behaviorPresent").asBoolean()) {
        // nothing was stored: the previous events are all there is
        assertEquals(c.get("previousEvents").size(), events.count);
        continue;
      }
      assertEquals(after.size(), events.count);
      for (int i = 0; i < after.size(); i++) {
        assertEquals(after.get(i).get("change").asInt(), events.change[i], "change of event " + i);
        assertEquals(after.get(i).get("outdated").asBoolean(), events.outdated[i], "outdated of event " + i);
      }
    }
  }

  private static void behaviorDefaults(JsonNode c) {
    boolean upward = c.get("direction").asText().equals("up");
    java.util.Optional<ScalingRules> given = c.get("given").isNull() ? java.util.Optional.empty()
        : java.util.Optional.of(rules(c.get("given")));
    ScalingRules actual = upward ? BehaviorDefaults.scaleUp(given) : BehaviorDefaults.scaleDown(given);
    assertRules(c.get("expected"), actual);
  }

  // ---- one reconcile ----

  private static void reconcile(JsonNode c) {
    JsonNode spec = c.get("hpa");
    JsonNode ctl = c.get("controller");
    HpaController.Builder b = HpaController.builder().minReplicas(spec.get("minReplicas").asInt())
        .maxReplicas(spec.get("maxReplicas").asInt()).tolerance(ctl.get("tolerance").asDouble())
        .downscaleStabilization(Duration.ofSeconds(ctl.get("downscaleStabilizationSeconds").asLong()))
        .scaleUpLimitFactor(ctl.get("scaleUpLimitFactor").asDouble())
        .configurableTolerance(c.get("featureGates").path("HPAConfigurableTolerance").asBoolean(false));
    JsonNode behavior = spec.get("behavior");
    if (!behavior.isNull()) {
      b.behavior();
      if (behavior.hasNonNull("scaleUp")) {
        b.scaleUp(rules(behavior.get("scaleUp")));
      }
      if (behavior.hasNonNull("scaleDown")) {
        b.scaleDown(rules(behavior.get("scaleDown")));
      }
    }
    HpaController hpa = b.build();
    long t = NOW.toEpochMilli();
    JsonNode state = c.get("state");
    if (!state.get("recommendations").isNull()) {
      hpa.markSeeded();
      for (JsonNode r : state.get("recommendations")) {
        hpa.addRecommendation(r.get("value").asInt(), t - r.get("ageSeconds").asLong() * 1000);
      }
    }
    withEvents(hpa, state);
    JsonNode pods = c.get("pods");
    List<MetricReading> readings = new ArrayList<>();
    for (JsonNode m : spec.get("metrics")) {
      readings.add(reading(m, pods));
    }
    int specReplicas = c.get("scale").get("specReplicas").asInt();
    ScaleDecision d = hpa.step(NOW, specReplicas, c.get("scale").get("statusReplicas").asInt(), readings);
    JsonNode e = c.get("expected");
    assertEquals(e.get("desiredReplicas").asInt(), d.desiredReplicas(), d.toString());
    assertEquals(e.get("scaleUpdated").asBoolean(), d.rescaled(), d.toString());
    assertEquals(e.get("reconcileError").asBoolean(), d.error().isPresent(), d.toString());
    if (e.has("conditions")) {
      List<String> want = new ArrayList<>();
      e.get("conditions").fields().forEachRemaining(f ->
          want.add(f.getKey() + "=" + f.getValue().get(0).asText() + "/" + f.getValue().get(1).asText()));
      List<String> got = new ArrayList<>();
      d.conditions().forEach(x -> got.add(x.toString()));
      assertThat(got).as(d.toString()).containsAll(want);
    }
  }

  private static MetricReading reading(JsonNode m, JsonNode pods) {
    String type = m.get("type").asText();
    int ready = 0;
    int count = pods == null || pods.isNull() ? 0 : pods.size();
    for (int i = 0; i < count; i++) {
      JsonNode p = pods.get(i);
      if (p.get("phase").asText().equals("Running") && p.get("ready").asBoolean() && !p.get("deleted").asBoolean()) {
        ready++;
      }
    }
    switch (type) {
      case "Resource": {
        List<PodSample> samples = new ArrayList<>();
        for (JsonNode p : pods) {
          PodState s = plainState(p);
          if (s == PodState.READY && p.get("cpuUnready").asBoolean() && p.hasNonNull("cpuUsageMilli")) {
            s = PodState.UNREADY;
          }
          samples.add(PodSample.of(s, optLong(p.get("cpuUsageMilli")), optLong(p.get("cpuRequestMilli"))));
        }
        long[] extra = m.has("extraMetricsMilli") ? longs(m.get("extraMetricsMilli")) : new long[0];
        return MetricReading.resourceUtilization(m.get("resource").asText(), samples, extra,
            m.get("targetUtilization").asInt());
      }
      case "Pods": {
        List<PodSample> samples = new ArrayList<>();
        for (JsonNode p : pods) {
          samples.add(PodSample.of(plainState(p), optLong(p.get("metricMilli")), OptionalLong.empty()));
        }
        return MetricReading.pods(samples, m.get("targetAverageValueMilli").asLong());
      }
      case "Object": {
        JsonNode target = m.get("target");
        long usage = m.get("usageMilli").asLong();
        return target.get("type").asText().equals("Value")
            ? MetricReading.objectValue(usage, target.get("valueMilli").asLong(), ready, count)
            : MetricReading.objectAverageValue(usage, target.get("averageValueMilli").asLong());
      }
      case "External": {
        if (m.path("fetchError").asBoolean(false)) {
          return MetricReading.failed("FailedGetExternalMetric", "unable to get external metric");
        }
        JsonNode target = m.get("target");
        long[] values = longs(m.get("valuesMilli"));
        return target.get("type").asText().equals("Value")
            ? MetricReading.externalValue(values, target.get("valueMilli").asLong(), ready, count)
            : MetricReading.externalAverageValue(values, target.get("averageValueMilli").asLong());
      }
      default:
        return MetricReading.failed("InvalidMetricSourceType", "invalid metric source type \"" + type + "\"");
    }
  }
}
