package io.github.seldonhpa.test;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.scaling.ScaleDecision;
import io.github.seldonhpa.scaling.SimulationResult;
import java.util.List;

/**
 * The entry point of the assertions, AssertJ style: {@code import static
 * io.github.seldonhpa.test.SeldonHpaAssertions.*;} beside AssertJ's own {@code assertThat}. Every failure
 * message says what was expected and what the library, lint or Prometheus gave instead, with the figures.
 *
 * <pre>{@code
 * assertThat(plan).at(40).decides(5);
 * assertThatYaml(Files.readString(Path.of("deploy/adapter.yaml"))).adapterConfig()
 *     .serves("infer_rps", ObjectReference.model("irisa0"), "seldon-mesh");
 * assertThat(PROMETHEUS).query(promql, end).hasValue("model", "irisa0", 3.0);
 * assertThat(simulation.run()).neverStaysAboveSaturationLongerThan(90);
 * assertThatYaml(yaml).lintsClean();
 * }</pre>
 */
public final class SeldonHpaAssertions {
  private SeldonHpaAssertions() {}

  /**
   * {@return assertions on a plan: the YAML it renders, its manifests, what its HPA pair decides}
   *
   * @param plan the plan
   */
  public static PlanAssert assertThat(ScalingPlan plan) {
    return new PlanAssert(plan);
  }

  /**
   * {@return assertions on one reconcile of one HPA}
   *
   * @param decision the controller's decision
   */
  public static DecisionAssert assertThat(ScaleDecision decision) {
    return new DecisionAssert(decision);
  }

  /**
   * {@return assertions on a prometheus-adapter config: what it serves, with which query}
   *
   * @param config the adapter config
   */
  public static AdapterConfigAssert assertThat(AdapterConfig config) {
    return new AdapterConfigAssert(config, SeldonPresets.defaultSeries());
  }

  /**
   * {@return assertions on what the adapter does with one HPA metric}
   *
   * @param explanation what {@code AdapterConfig.explain} returned
   */
  public static ExplanationAssert assertThat(Explanation explanation) {
    return new ExplanationAssert(explanation);
  }

  /**
   * {@return assertions on the real Prometheus of a {@link PrometheusExtension}: queries and their values}
   *
   * @param prometheus the extension running Prometheus
   */
  public static PrometheusAssert assertThat(PrometheusExtension prometheus) {
    return new PrometheusAssert(prometheus);
  }

  /**
   * {@return assertions on the result of an instant query}
   *
   * @param result the query result
   */
  public static QueryResultAssert assertThat(QueryResult result) {
    return new QueryResultAssert(result);
  }

  /**
   * {@return assertions on a simulated Model/Server pair}
   *
   * @param result the simulation result
   */
  public static SimulationAssert assertThat(SimulationResult result) {
    return new SimulationAssert(result);
  }

  /**
   * {@return assertions on manifests as read ({@code ManifestReader})}
   *
   * @param manifests the manifests
   */
  public static ManifestsAssert assertThatManifests(List<Manifest> manifests) {
    return new ManifestsAssert(manifests);
  }

  /**
   * {@return assertions on manifests in YAML text, read as {@code ManifestReader} reads a file}
   *
   * @param yaml YAML text, one or more documents
   * @throws io.github.seldonhpa.k8s.ManifestReadException when the text is not readable YAML
   */
  public static ManifestsAssert assertThatYaml(String yaml) {
    return new ManifestsAssert(ManifestReader.create().read("<yaml>", yaml));
  }

  /**
   * {@return assertions on lint findings ({@code Lint.check})}
   *
   * @param findings the findings
   */
  public static FindingsAssert assertThatFindings(List<Finding> findings) {
    return new FindingsAssert(findings);
  }
}
