package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The prometheus-adapter chart's {@code rules.default}: its six generic rules as Helm renders them into
 * {@code config.yaml} (prometheus-community/helm-charts, charts/prometheus-adapter/templates/configmap.yaml and
 * values.yaml, commit 05bf01b5028ee6dc636510132a7de9554b135b6e).
 */
class LintChartDefaultRulesTest {
  /**
   * What the template renders as {@code config.yaml} for {@code rules.default: true} and no custom rules, written
   * down line by line from the template (its two-line plain metricsQuery scalars kept as they are).
   */
  private static final String RENDERED = """
      rules:
      - seriesQuery: '{__name__=~"^container_.*",container!="POD",namespace!="",pod!=""}'
        seriesFilters: []
        resources:
          overrides:
            namespace:
              resource: namespace
            pod:
              resource: pod
        name:
          matches: ^container_(.*)_seconds_total$
          as: ""
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>,container!="POD"}[5m]))
          by (<<.GroupBy>>)
      - seriesQuery: '{__name__=~"^container_.*",container!="POD",namespace!="",pod!=""}'
        seriesFilters:
        - isNot: ^container_.*_seconds_total$
        resources:
          overrides:
            namespace:
              resource: namespace
            pod:
              resource: pod
        name:
          matches: ^container_(.*)_total$
          as: ""
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>,container!="POD"}[5m]))
          by (<<.GroupBy>>)
      - seriesQuery: '{__name__=~"^container_.*",container!="POD",namespace!="",pod!=""}'
        seriesFilters:
        - isNot: ^container_.*_total$
        resources:
          overrides:
            namespace:
              resource: namespace
            pod:
              resource: pod
        name:
          matches: ^container_(.*)$
          as: ""
        metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>,container!="POD"}) by (<<.GroupBy>>)
      - seriesQuery: '{namespace!="",__name__!~"^container_.*"}'
        seriesFilters:
        - isNot: .*_total$
        resources:
          template: <<.Resource>>
        name:
          matches: ""
          as: ""
        metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
      - seriesQuery: '{namespace!="",__name__!~"^container_.*"}'
        seriesFilters:
        - isNot: .*_seconds_total
        resources:
          template: <<.Resource>>
        name:
          matches: ^(.*)_total$
          as: ""
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)
      - seriesQuery: '{namespace!="",__name__!~"^container_.*"}'
        seriesFilters: []
        resources:
          template: <<.Resource>>
        name:
          matches: ^(.*)_seconds_total$
          as: ""
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)
      """;

  private static final String CUSTOM = """
        custom:
        - seriesQuery: '{__name__="seldon_model_infer_total",namespace!=""}'
          resources:
            overrides:
              namespace: {resource: namespace}
              pod: {resource: pod}
          name: {matches: seldon_model_infer_total, as: seldon_model_infer}
          metricsQuery: sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))
      """;

  private static JsonNode tree(String yaml) {
    return ManifestReader.create().read("values.yaml", yaml).get(0).node();
  }

  private static AdapterConfig fromValues(String values) {
    return AdapterConfigs.fromChartValues(tree(values).path("rules"));
  }

  private static List<Finding> lint(String values) {
    return Lint.check(ManifestReader.create().read("values.yaml", values), LintFacts.defaults());
  }

  @Test
  void theDefaultRulesAreTheTemplatesAsTheAdapterReadsThem() {
    AdapterConfig rendered = AdapterConfigs.parse(tree(RENDERED), "");
    assertThat(AdapterConfigs.CHART_DEFAULT_RULES).isEqualTo(rendered.rules()).hasSize(6);
    assertThat(AdapterConfigs.CHART_DEFAULT_RULES).extracting(DiscoveryRule::metricsQuery).containsExactly(
        "sum(rate(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}[5m])) by (<<.GroupBy>>)",
        "sum(rate(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}[5m])) by (<<.GroupBy>>)",
        "sum(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}) by (<<.GroupBy>>)",
        "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)",
        "sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)",
        "sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)");
    assertThat(AdapterConfigs.CHART_DEFAULT_RULES).extracting(DiscoveryRule::seriesQuery).containsExactly(
        "{__name__=~\"^container_.*\",container!=\"POD\",namespace!=\"\",pod!=\"\"}",
        "{__name__=~\"^container_.*\",container!=\"POD\",namespace!=\"\",pod!=\"\"}",
        "{__name__=~\"^container_.*\",container!=\"POD\",namespace!=\"\",pod!=\"\"}",
        "{namespace!=\"\",__name__!~\"^container_.*\"}",
        "{namespace!=\"\",__name__!~\"^container_.*\"}",
        "{namespace!=\"\",__name__!~\"^container_.*\"}");
    assertThat(AdapterConfigs.CHART_DEFAULT_RULES).extracting(r -> r.name().orElseThrow().matches()).containsExactly(
        "^container_(.*)_seconds_total$", "^container_(.*)_total$", "^container_(.*)$", "", "^(.*)_total$",
        "^(.*)_seconds_total$");
    assertThat(AdapterConfigs.CHART_DEFAULT_RULES).extracting(r -> r.seriesFilters().stream()
        .map(f -> f.isNot().orElse("")).collect(Collectors.joining())).containsExactly(
        "", "^container_.*_seconds_total$", "^container_.*_total$", ".*_total$", ".*_seconds_total", "");
  }

  @Test
  void unsetOrTrueRendersTheSixDefaultRulesBeforeTheCustomOnes() {
    AdapterConfig unset = fromValues("rules:\n" + CUSTOM);
    assertThat(unset.rules()).hasSize(7);
    assertThat(unset.rules().subList(0, 6)).isEqualTo(AdapterConfigs.CHART_DEFAULT_RULES);
    assertThat(unset.rules().get(6).name().orElseThrow().as()).isEqualTo("seldon_model_infer");
    assertThat(fromValues("rules:\n  default: true\n" + CUSTOM).rules()).isEqualTo(unset.rules());
    assertThat(fromValues("prometheus: {url: http://prometheus.monitoring.svc}\n").rules())
        .isEqualTo(AdapterConfigs.CHART_DEFAULT_RULES);
    assertThat(fromValues("rules:\n  default: true\n  custom: []\n").rules())
        .isEqualTo(AdapterConfigs.parse(tree(RENDERED), "").rules());
  }

  @Test
  void falseOrAnotherEmptyValueRendersNone() {
    for (String off : List.of("false", "no", "null", "0", "\"\"", "[]")) {
      assertThat(fromValues("rules:\n  default: " + off + "\n" + CUSTOM).rules()).as(off).hasSize(1)
          .extracting(r -> r.name().orElseThrow().as()).containsExactly("seldon_model_infer");
    }
    assertThat(fromValues("rules:\n  default: false\n  custom: []\n").rules()).isEmpty();
    // Go template truth: a non-empty string, even "false", is true
    assertThat(fromValues("rules:\n  default: \"false\"\n").rules()).hasSize(6);
  }

  @Test
  void aCustomRuleCollidingWithADefaultRuleIsReportedNamingBoth() {
    String values = "metricsRelistInterval: 1m\nrules:\n  default: true\n" + CUSTOM;
    assertThat(lint(values)).extracting(f -> f.code().id() + " " + f.path() + " " + f.position().orElseThrow()
        + ": " + f.message()).containsExactly("SHPA017 rules.custom[0].name line 10, column 5: rules.custom[0]"
        + " also produces seldon_model_infer for namespaces and pods, like rules.default[4]: the adapter keeps only"
        + " the later rule's query",
        // the chart's own rules collide on Seldon's series: seldon_model_infer_total by the fifth rule and
        // seldon_model_infer_seconds_total by the sixth both become seldon_model_infer
        "SHPA017 rules.default[5].name line 3, column 3: rules.default[5] also produces seldon_model_infer for"
        + " jobs.batch, models.mlops.seldon.io, namespaces, pipelines.mlops.seldon.io, pods and"
        + " servers.mlops.seldon.io, like rules.default[4]: the adapter keeps only the later rule's query");
    assertThat(lint(values.replace("default: true", "default: false"))).isEmpty();
  }

  @Test
  void theAdaptersLoadErrorsNameTheCustomRuleBehindTheDefaultOnes() {
    String values = "metricsRelistInterval: 1m\nrules:\n  custom:\n  - seriesQuery: '{__name__=~\"^seldon_.*\"}'\n"
        + "    name: {matches: \"^(seldon)_(.*)$\"}\n    metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>})"
        + " by (<<.GroupBy>>)\n";
    assertThat(lint(values)).extracting(f -> f.code().id() + " " + f.path()).containsExactly(
        "SHPA020 rules.custom[0]");
  }

  @Test
  void findingsAboutADefaultRuleArePlacedAtRulesDefault() {
    String values = "metricsRelistInterval: 1m\nrules:\n  default: true\n  custom: []\n";
    LintFacts slowScrape = LintFacts.builder().scrapeInterval(java.time.Duration.ofMinutes(3)).build();
    assertThat(Lint.check(ManifestReader.create().read("values.yaml", values), slowScrape))
        .extracting(f -> f.code().id() + " " + f.path() + " " + f.position().orElseThrow())
        .contains("SHPA015 rules.default[0].metricsQuery line 3, column 3");
  }

  /** A Server HPA on another exporter's per-pod metric (the Kubernetes docs' packets-per-second). */
  private static final String PODS_HPA = """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: mlserver-server-hpa
        namespace: default
      spec:
        scaleTargetRef:
          apiVersion: mlops.seldon.io/v1alpha1
          kind: Server
          name: mlserver
        minReplicas: 1
        maxReplicas: 10
        metrics:
        - type: Pods
          pods:
            metric:
              name: packets-per-second
            target:
              type: AverageValue
              averageValue: 1k
      """;

  @Test
  void theDefaultRulesMayServeOtherExportersMetricsSoTheyAreNotReportedUnserved() {
    String values = "metricsRelistInterval: 1m\nrules:\n  default: true\n  custom: []\n";
    List<Manifest> on = ManifestReader.create().read("deploy.yaml", values + "---\n" + PODS_HPA);
    assertThat(Lint.check(on, LintFacts.defaults())).extracting(f -> f.code().id())
        .doesNotContain("SHPA011");
    // with the chart's rules off and no custom rule, nothing can serve it
    List<Manifest> off = ManifestReader.create().read("deploy.yaml",
        values.replace("default: true", "default: false") + "---\n" + PODS_HPA);
    assertThat(Lint.check(off, LintFacts.defaults())).extracting(f -> f.code().id() + " " + f.path())
        .contains("SHPA011 spec.metrics[0].pods.metric.name");
  }

  @Test
  void anExternalRuleOnAnotherExportersSeriesMayServeItsName() {
    // prometheus-adapter docs/externalmetrics.md: a RabbitMQ exporter's series, named by a regexp; the same rule
    // on one Seldon series lint knows provably serves other names only
    String config = """
        externalRules:
        - seriesQuery: '{__name__=~"^rabbitmq_queue_.*"}'
          resources:
            overrides:
              namespace: {resource: namespace}
          name:
            matches: ^rabbitmq_(.*)$
            as: $1
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
        """;
    String hpa = PODS_HPA.replace("type: Pods\n    pods:", "type: External\n    external:")
        .replace("packets-per-second", "queue_messages_ready");
    assertThat(Lint.check(ManifestReader.create().read("deploy.yaml", config + "---\n" + hpa),
        LintFacts.defaults())).extracting(f -> f.code().id()).doesNotContain("SHPA011");
    assertThat(Lint.check(ManifestReader.create().read("deploy.yaml",
        config.replace("'{__name__=~\"^rabbitmq_queue_.*\"}'", "'seldon_model_infer_total{namespace!=\"\"}'")
            .replace("^rabbitmq_(.*)$", "^seldon_(.*)$") + "---\n" + hpa), LintFacts.defaults())).extracting(f -> f.code().id() + " " + f.path())
        .contains("SHPA011 spec.metrics[0].external.metric.name");
  }
}
