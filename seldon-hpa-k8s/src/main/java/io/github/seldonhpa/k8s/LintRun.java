package io.github.seldonhpa.k8s;

import io.github.seldonhpa.promql.AdapterConfig;
import java.util.List;
import java.util.Optional;

/** One run of {@link Lint}: indexes the objects, then runs each family of checks over the index. */
final class LintRun {
  /** KEDA ScaledObjects: {@link KedaLint} over the manifests as read. */
  private static final LintFamily KEDA = index -> KedaLint.check(index.manifests)
      .forEach(f -> index.report.add(f.order(), f.finding()));
  private static final List<LintFamily> FAMILIES = List.of(new ObjectChecks(), new AdapterChecks(),
      new HpaChecks(), new PairChecks(), new SeldonChecks(), KEDA, new ScalingMathCheck());

  private LintRun() {}

  static List<Finding> run(List<Manifest> manifests, Optional<AdapterConfig> given, LintFacts facts) {
    LintIndex index = new LintIndex(manifests, given, facts);
    for (LintFamily family : FAMILIES) {
      family.check(index);
    }
    return index.report.findings();
  }
}
