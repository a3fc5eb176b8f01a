package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.promql.ApiResource;
import io.github.seldonhpa.promql.ResourceTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lint normalises adapter overrides against the cluster's resources given in {@link LintFacts}. */
class LintResourceTableTest {
  private static final String KSERVE_ADAPTER = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: adapter
        namespace: monitoring
      data:
        config.yaml: |
          rules:
          - seriesQuery: '{__name__="revision_request_count",namespace!=""}'
            resources:
              overrides:
                namespace: {resource: namespace}
                isvc: {group: serving.kserve.io, resource: inferenceservice}
            metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[1m])) by (<<.GroupBy>>)
      """;

  private static List<Finding> invalid(LintFacts facts) {
    return Lint.check(ManifestReader.create().read("adapter.yaml", KSERVE_ADAPTER), facts).stream()
        .filter(f -> f.code() == LintCode.ADAPTER_CONFIG_INVALID).toList();
  }

  @Test
  void anOverrideNamingTheClustersOwnResourceLoadsWhenTheFactsKnowIt() {
    assertThat(invalid(LintFacts.defaults())).singleElement().extracting(Finding::message).asString()
        .contains("unable to normalize group-resource {serving.kserve.io inferenceservice}");
    LintFacts cluster = LintFacts.builder().resourceTable(ResourceTable.builtIn().with(ApiResource.of(
        "serving.kserve.io", "v1beta1", "inferenceservices", "inferenceservice", "InferenceService", true))).build();
    assertThat(invalid(cluster)).isEmpty();
  }
}
