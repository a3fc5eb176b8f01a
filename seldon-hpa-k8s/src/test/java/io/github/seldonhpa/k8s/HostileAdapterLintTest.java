package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14's adapter rows through lint: findings, never a StackOverflowError or minutes of regexp work. */
class HostileAdapterLintTest {
  private static List<Finding> lint(String rule) {
    String configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: hostile-adapter
          namespace: monitoring
        data:
          config.yaml: |
            rules:
            - seriesQuery: 'q'
              resources: {template: "<<.Resource>>"}
        """ + rule.indent(4);
    return Lint.check(ManifestReader.create().read("hostile.yaml", configMap), LintFacts.defaults());
  }

  @Test
  void aThousandNestedParenthesesInAMetricsQueryIsAFinding() {
    List<Finding> findings = lint("  metricsQuery: '<<" + "(".repeat(1000) + ".Series" + ")".repeat(1000) + ">>'\n");
    assertThat(findings).filteredOn(f -> f.code() == LintCode.ADAPTER_CONFIG_INVALID).singleElement()
        .extracting(Finding::message).asString().endsWith("template: metrics-query:1: max expression depth exceeded");
  }

  @Test
  void aNameMatchesOf160000CharactersIsAFinding() {
    List<Finding> findings = lint("  name: {matches: '" + "a".repeat(160_000) + "'}\n  metricsQuery: '<<.Series>>'\n");
    assertThat(findings).filteredOn(f -> f.code() == LintCode.ADAPTER_CONFIG_INVALID).singleElement()
        .extracting(Finding::message).asString()
        .endsWith("regexp must be at most 4096 characters (was 160000 characters)");
  }
}
