package io.github.seldonhpa.test;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.Manifests;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link ScalingPlan}: what it renders and what its HPA pair decides. */
public final class PlanAssert extends AbstractAssert<PlanAssert, ScalingPlan> {
  PlanAssert(ScalingPlan actual) {
    super(actual, PlanAssert.class);
  }

  /**
   * The plan renders exactly this YAML ({@code Manifests.yaml(plan)}).
   *
   * @param expected the whole YAML text
   * @return this assertion, to chain more
   */
  public PlanAssert rendersYaml(String expected) {
    isNotNull();
    String yaml = Manifests.yaml(actual);
    if (!yaml.equals(expected)) {
      failWithMessage(Texts.literal("expected the plan " + actual.namespace() + "/" + actual.modelName()
          + " to render the given YAML, but it differs at " + Texts.firstDifference(expected, yaml)
          + "; it rendered:\n" + yaml));
    }
    return this;
  }

  /** {@return assertions on the manifests the plan renders, read back as a cluster would read them} */
  public ManifestsAssert manifests() {
    isNotNull();
    return new ManifestsAssert(ManifestReader.create().read("plan " + actual.namespace() + "/" + actual.modelName(),
        Manifests.yaml(actual)));
  }

  /**
   * What the HPA pair decides when the plan's only metric reads {@code value} (requests per second for the
   * seeds' {@code infer_rps}); continue with {@code .fromReplicas(n)} and {@code .decides(n)}.
   *
   * @param value the metric value, in the metric's units
   * @return assertions on the pair's decision
   */
  public PlanDecisionAssert at(double value) {
    isNotNull();
    return new PlanDecisionAssert(actual, value, Map.of(), actual.minReplicas());
  }

  /**
   * What the HPA pair decides when this metric reads {@code value}; add the others with {@code .at(name, value)}.
   *
   * @param metricName the metric's name, such as {@code infer_rps}
   * @param value the metric value, in the metric's units
   * @return assertions on the pair's decision
   */
  public PlanDecisionAssert at(String metricName, double value) {
    isNotNull();
    return new PlanDecisionAssert(actual, null, Map.of(metricName, value), actual.minReplicas());
  }
}
