package io.github.seldonhpa.k8s;

import io.github.seldonhpa.promql.AdapterConfig;
import java.util.List;
import java.util.Optional;

/**
 * Checks HPAs, Seldon Models and Servers and prometheus-adapter configs (as ConfigMaps with a
 * {@code config.yaml} key or bare configs) for the pitfalls of autoscaling Seldon Core 2 with the HPA, and
 * returns one {@link Finding} per problem. Works on the trees as read, so a wrong or out-of-range value is a
 * finding, never an exception: lint does not throw on a bad manifest. The checks and their codes are listed
 * in {@link LintCode}.
 *
 * <pre>{@code
 * List<Manifest> manifests = ManifestReader.create().read(Path.of("deploy/hpa.yaml"));
 * for (Finding f : Lint.check(manifests, LintFacts.builder().seldonVersion("2.10.1").build())) {
 *   System.out.println(f);
 * }
 * }</pre>
 */
public final class Lint {
  private Lint() {}

  /**
   * Lints the manifests; adapter configs are taken from among them.
   *
   * @param manifests the manifests as read, in the order of their files
   * @param facts what lint cannot see in the manifests: the cluster's versions and settings
   * @return the findings, in the order of the manifests, then by code and path; empty when all is well
   */
  public static List<Finding> check(List<Manifest> manifests, LintFacts facts) {
    return check(manifests, Optional.empty(), facts);
  }

  /**
   * Lints the manifests, with an adapter config given as a value (named {@code <adapter config>} in
   * findings) besides any found among the manifests. Findings come in the order of the manifests (a given
   * config last), then by code and path.
   *
   * @param manifests the manifests as read, in the order of their files
   * @param adapter an adapter config given as a value, or empty
   * @param facts what lint cannot see in the manifests: the cluster's versions and settings
   * @return the findings; empty when all is well
   */
  public static List<Finding> check(List<Manifest> manifests, Optional<AdapterConfig> adapter, LintFacts facts) {
    return LintRun.run(manifests, adapter, facts);
  }
}
