package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seldonhpa.testing.Generators;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any invalid input, anywhere in a plan, raises {@link HpaValidationException} whose message starts with
 * the offending field and has the {@code <field> <rule> (was <value>)} shape; never an NPE or another type.
 */
class ValidationPropertyTest implements WithQuickTheories {

  /** One broken field: the message prefix expected, the plan attribute it replaces, the bad setting. */
  static final class Case {
    final String field;
    final String replaces;
    final Consumer<ScalingPlan.Builder> corrupt;
    final String description;

    Case(String field, String replaces, String description, Consumer<ScalingPlan.Builder> corrupt) {
      this.field = field;
      this.replaces = replaces;
      this.corrupt = corrupt;
      this.description = description;
    }

    @Override
    public String toString() {
      return field + " <- " + description;
    }
  }

  @Test
  void everyInvalidFieldIsReportedByName() {
    qt().withExamples(5000).forAll(Generators.plans(), cases()).checkAssert((plan, c) -> {
      Throwable thrown = catchThrowable(() -> rebuild(plan, c));
      assertThat(thrown).as(c.toString()).isExactlyInstanceOf(HpaValidationException.class);
      assertThat(thrown.getMessage()).as(c.toString())
          .startsWith(c.field + " ")
          .matches("(?s)[a-z][^ ]* .+ \\(was .*\\)")
          .doesNotEndWith(".");
    });
  }

  @Test
  void anyStringEitherParsesAsAQuantityOrIsRejectedWithTheField() {
    Gen<String> text = strings().ascii().ofLengthBetween(0, 12)
        .mix(Generate.pick(List.of("1", "1.5", ".5", "1.", "5m", "2Ki", "1e3", "1E-3", "+1", "-1"))
            .zip(strings().betweenCodePoints(32, 126).ofLengthBetween(0, 3), (a, b) -> a + b), 50);
    qt().withExamples(5000).forAll(text).checkAssert(s -> {
      Throwable thrown = catchThrowable(() -> Quantity.parse("averageValue", s));
      if (thrown != null) {
        assertThat(thrown).isExactlyInstanceOf(HpaValidationException.class)
            .hasMessageStartingWith("averageValue must be a Kubernetes quantity")
            .hasMessageEndingWith("(was \"" + s + "\")");
      }
    });
  }

  private static ScalingPlan rebuild(ScalingPlan plan, Case c) {
    ScalingPlan.Builder b = ScalingPlan.builder();
    if (!c.replaces.equals("modelName")) {
      b.modelName(plan.modelName());
    }
    if (!c.replaces.equals("namespace")) {
      b.namespace(plan.namespace());
    }
    if (!c.replaces.equals("serverName")) {
      b.serverName(plan.serverName());
    }
    if (!c.replaces.equals("storage")) {
      b.storageUri(plan.storageUri()).addAllRequirements(plan.requirements()).memory(plan.memory());
    }
    if (!c.replaces.equals("metrics")) {
      b.addAllMetrics(plan.metrics());
    }
    if (!c.replaces.equals("replicas")) {
      b.replicas(plan.minReplicas(), plan.maxReplicas());
    }
    if (!c.replaces.equals("scaleUp")) {
      b.scaleUp(plan.scaleUp());
    }
    c.corrupt.accept(b);
    return b.build();
  }

  private static Gen<Case> cases() {
    Gen<String> badNames = Generate.pick(List.of("", "Irisa0", "iris_a0", "-iris", "iris-", "iris a0", "iris..a0",
        "x".repeat(254), "iris/a0", "ïris"));
    Gen<String> badLabels = Generate.pick(List.of("", "Seldon", "seldon.mesh", "-seldon", "seldon-", "x".repeat(64)));
    Gen<String> badQuantities = Generate.pick(List.of("", "abc", "1.1.M", "0.1mi", "1i", "-3.01e-", " 1", "1 ", "1kb",
        "e3", "m", "+", "."));
    Gen<String> badMetricNames = Generate.pick(List.of("", ".", "..", "a/b", "rps%"));
    return Generate.oneOf(
        badNames.map(n -> new Case("modelName", "modelName", n, b -> b.modelName(n))),
        badLabels.map(n -> new Case("namespace", "namespace", n, b -> b.namespace(n))),
        badNames.map(n -> new Case("serverName", "serverName", n, b -> b.serverName(n))),
        Generate.range(-1000, 0).map(n -> new Case("minReplicas", "replicas", "min " + n, b -> b.replicas(n, 5))),
        Generate.range(2, 1000).zip(Generate.range(1, 1000), (min, gap) -> new Case("maxReplicas", "replicas",
            min + ".." + (min - gap), b -> b.replicas(min, Math.max(min - gap, -5)))),
        badQuantities.map(q -> new Case("averageValue", "metrics", q,
            b -> b.addMetric(ObjectMetric.of("infer_rps", MetricTarget.averageValue(q))))),
        Generate.pick(List.of("0", "-1", "-5m", "0.0", "0Ki")).map(q -> new Case("averageValue", "metrics", q,
            b -> b.addMetric(ObjectMetric.of("infer_rps", MetricTarget.averageValue(q))))),
        Generate.range(0, 2).map(i -> new Case("metrics[" + i + "].target.type", "metrics", "Value at " + i, b -> {
          for (int j = 0; j < i; j++) {
            b.addMetric(ObjectMetric.of("ok", MetricTarget.averageValue(1)));
          }
          b.addMetric(ObjectMetric.of("infer_rps", MetricTarget.value(3)));
        })),
        Generate.range(0, 2).map(i -> new Case("metrics[" + i + "]", "metrics", "Resource at " + i, b -> {
          for (int j = 0; j < i; j++) {
            b.addMetric(ObjectMetric.of("ok", MetricTarget.averageValue(1)));
          }
          b.addMetric(ResourceMetric.of("cpu", MetricTarget.utilization(80)));
        })),
        Generate.constant(new Case("metrics[0]", "metrics", "Pods",
            b -> b.addMetric(PodsMetric.of("rps", MetricTarget.averageValue(1))))),
        Generate.constant(new Case("metrics", "metrics", "none", b -> { })),
        badMetricNames.map(n -> new Case("metricName", "metrics", n,
            b -> b.addMetric(ObjectMetric.of(n, MetricTarget.averageValue(1))))),
        Generate.range(-100, 0).map(v -> new Case("value", "scaleUp", "policy value " + v,
            b -> b.scaleUp(ScalingRules.builder().addPolicy(ScalingPolicy.pods(v, Duration.ofSeconds(15))).build()))),
        Generate.oneOf(Generate.range(-100, 0), Generate.range(1801, 100_000)).map(p -> new Case("periodSeconds",
            "scaleUp", "period " + p,
            b -> b.scaleUp(ScalingRules.builder().addPolicy(ScalingPolicy.percent(10, Duration.ofSeconds(p))).build()))),
        Generate.range(1, 999).map(ms -> new Case("periodSeconds", "scaleUp", "period +" + ms + "ms",
            b -> b.scaleUp(ScalingRules.builder()
                .addPolicy(ScalingPolicy.percent(10, Duration.ofSeconds(15).plusMillis(ms))).build()))),
        Generate.oneOf(Generate.range(-100, -1), Generate.range(3601, 100_000)).map(w -> new Case(
            "stabilizationWindowSeconds", "scaleUp", "window " + w,
            b -> b.scaleUp(ScalingRules.builder().stabilizationWindow(Duration.ofSeconds(w)).build()))),
        Generate.range(-5000, -1).map(t -> new Case("tolerance", "scaleUp", "tolerance " + t + "m",
            b -> b.scaleUp(ScalingRules.builder().tolerance(Quantity.ofMilli(t)).build()))),
        Generate.pick(List.of("", "Method Type", "-x", "a/b/c", "x".repeat(64))).map(k -> new Case("matchLabels key",
            "metrics", "key " + k, b -> b.addMetric(ObjectMetric.builder().metricName("rps")
                .selector(LabelSelector.matchLabel(k, "rest")).target(MetricTarget.averageValue(1)).build()))),
        Generate.pick(List.of("a b", "-rest", "rest!", "x".repeat(64))).map(v -> new Case("matchLabels.method_type",
            "metrics", "value " + v, b -> b.addMetric(ObjectMetric.builder().metricName("rps")
                .selector(LabelSelector.matchLabel("method_type", v)).target(MetricTarget.averageValue(1)).build()))),
        badMetricNames.map(k -> new Case("kind", "metrics", "kind " + k,
            b -> b.addMetric(ObjectMetric.builder().metricName("rps")
                .describedObject(ObjectReference.of("v1", k, "x")).target(MetricTarget.averageValue(1)).build()))),
        Generate.pick(List.of("", " ", "\t")).map(s -> new Case("storageUri", "storage", "uri '" + s + "'",
            b -> b.storageUri(s))),
        Generate.pick(List.of("", "  ")).map(s -> new Case("requirements[0]", "storage", "requirement '" + s + "'",
            b -> b.storageUri("gs://m").addRequirement(s))),
        Generate.pick(List.of("0", "-1", "-3M")).map(m -> new Case("memory", "storage", "memory " + m,
            b -> b.storageUri("gs://m").memory(m))),
        badQuantities.map(m -> new Case("memory", "storage", "memory text " + m,
            b -> b.storageUri("gs://m").memory(m))),
        Generate.constant(new Case("storageUri", "storage", "memory without storageUri", b -> b.memory("3M"))));
  }
}
