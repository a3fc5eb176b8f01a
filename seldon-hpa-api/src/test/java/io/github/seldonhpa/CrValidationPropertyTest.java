package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seldonhpa.testing.Generators;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hand-built Models and HPAs with one broken field raise {@link HpaValidationException} naming that field,
 * whatever the rest of the object holds.
 */
class CrValidationPropertyTest implements WithQuickTheories {

  /** A broken field: the message prefix expected and how to build the object around the base value. */
  static final class Breakage<T> {
    final String field;
    final String description;
    final Function<T, Object> build;

    Breakage(String field, String description, Function<T, Object> build) {
      this.field = field;
      this.description = description;
      this.build = build;
    }

    @Override
    public String toString() {
      return field + " <- " + description;
    }
  }

  @Test
  void brokenModelFieldsAreNamed() {
    qt().withExamples(3000).forAll(Generators.models(), modelBreakages()).checkAssert((m, b) -> check(m, b));
  }

  @Test
  void brokenHpaFieldsAreNamed() {
    qt().withExamples(3000).forAll(Generators.serverHpas(), hpaBreakages()).checkAssert((h, b) -> check(h, b));
  }

  private static <T> void check(T base, Breakage<T> b) {
    Throwable thrown = catchThrowable(() -> b.build.apply(base));
    assertThat(thrown).as(b.toString()).isExactlyInstanceOf(HpaValidationException.class);
    assertThat(thrown.getMessage()).as(b.toString()).startsWith(b.field + " ")
        .matches("(?s)[a-z][^ ]* .+ \\(was .*\\)");
  }

  /** The base Model's fields with the replica counts given (an absent count stays absent). */
  private static Model withReplicas(Model m, Integer replicas, Integer min, Integer max) {
    Model.Builder b = Model.builder().name(m.name()).namespace(m.namespace()).putAllLabels(m.labels())
        .storageUri(m.storageUri()).addAllRequirements(m.requirements()).memory(m.memory()).server(m.server());
    if (replicas != null) {
      b.replicas(replicas);
    }
    if (min != null) {
      b.minReplicas(min);
    }
    if (max != null) {
      b.maxReplicas(max);
    }
    return b.build();
  }

  private static Gen<Breakage<Model>> modelBreakages() {
    return Generate.oneOf(
        Generate.range(-1000, -1).map(r -> new Breakage<>("replicas", "replicas " + r,
            m -> withReplicas(m, r, null, null))),
        Generate.range(-1000, -1).map(r -> new Breakage<>("minReplicas", "min " + r,
            m -> withReplicas(m, null, r, null))),
        Generate.range(-1000, -1).map(r -> new Breakage<>("maxReplicas", "max " + r,
            m -> withReplicas(m, null, null, r))),
        Generate.range(2, 100).map(min -> new Breakage<>("maxReplicas", "min " + min + " > max " + (min - 1),
            m -> withReplicas(m, null, min, min - 1))),
        Generate.range(2, 100).map(max -> new Breakage<>("replicas", "replicas above max " + max,
            m -> withReplicas(m, max + 1, null, max))),
        Generate.range(2, 100).map(min -> new Breakage<>("replicas", "replicas below min " + min,
            m -> withReplicas(m, min - 1, min, null))),
        Generate.pick(List.of("0", "-1", "-100Mi")).map(q -> new Breakage<>("memory", "memory " + q,
            m -> Model.builder().name(m.name()).storageUri(m.storageUri()).memory(q).build())),
        Generate.pick(List.of("Tfsimple", "tf_simple", "", "-tf")).map(n -> new Breakage<>("name", "name " + n,
            m -> Model.builder().name(n).storageUri(m.storageUri()).build())),
        Generate.pick(List.of("storageUri", "memory", "replicas", "server")).map(k -> new Breakage<>("extraSpec." + k,
            "extraSpec " + k, m -> Model.builder().name(m.name()).storageUri(m.storageUri()).putExtraSpec(k, "x").build())));
  }

  private static Hpa.Builder copyExceptTarget(Hpa h) {
    return Hpa.builder().name(h.name()).namespace(h.namespace()).minReplicas(h.minReplicas())
        .maxReplicas(h.maxReplicas()).addAllMetrics(h.metrics()).behavior(h.behavior());
  }

  private static Gen<Breakage<Hpa>> hpaBreakages() {
    return Generate.oneOf(
        Generate.pick(List.of("Pipeline", "Experiment", "SeldonRuntime", "ServerConfig")).map(k -> new Breakage<>(
            "scaleTargetRef.kind", "kind " + k,
            h -> copyExceptTarget(h).scaleTargetRef(ObjectReference.of(ObjectReference.SELDON_API_VERSION, k, "x")).build())),
        Generate.pick(List.of("apps/v1", "mlops.seldon.io/v1", "v1")).map(v -> new Breakage<>(
            "scaleTargetRef.apiVersion", "apiVersion " + v,
            h -> copyExceptTarget(h).scaleTargetRef(ObjectReference.of(v, "Server", "x")).build())),
        Generate.constant(new Breakage<>("metrics", "Model HPA without metrics",
            h -> Hpa.builder().name(h.name()).namespace(h.namespace()).scaleTargetRef(ObjectReference.model("m"))
                .maxReplicas(h.maxReplicas()).build())),
        Generate.pick(List.of(Metric.Type.RESOURCE, Metric.Type.PODS)).map(t -> new Breakage<>("metrics[0]",
            t.yamlName() + " metric on a Model HPA",
            h -> Hpa.builder().name(h.name()).namespace(h.namespace()).scaleTargetRef(ObjectReference.model("m"))
                .maxReplicas(h.maxReplicas())
                .addMetric(t == Metric.Type.PODS ? PodsMetric.of("rps", MetricTarget.averageValue(1))
                    : ResourceMetric.of("cpu", MetricTarget.utilization(50)))
                .build())),
        Generate.range(-100, 0).map(min -> new Breakage<>("minReplicas", "min " + min,
            h -> Hpa.builder().name(h.name()).namespace(h.namespace()).scaleTargetRef(h.scaleTargetRef())
                .minReplicas(min).maxReplicas(h.maxReplicas()).addAllMetrics(h.metrics()).build())),
        Generate.constant(new Breakage<>("metrics[0].target.type", "Object metric with Value first",
            h -> Hpa.builder().name(h.name()).namespace(h.namespace()).scaleTargetRef(h.scaleTargetRef())
                .maxReplicas(h.maxReplicas()).addMetric(ObjectMetric.builder().metricName("rps")
                    .describedObject(ObjectReference.model("m")).target(MetricTarget.value(1)).build())
                .addAllMetrics(h.metrics()).build())));
  }
}
