package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.NameMapping;
import io.github.seldonhpa.promql.ResourceMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per check: the code, the path and the exact message of its finding. */
class LintTest {
  private static final LintFacts FACTS = LintFacts.defaults();

  static final String ADAPTER = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: hpa-metrics-prometheus-adapter
        namespace: seldon-monitoring
      data:
        config.yaml: |
          rules:
          - seriesQuery: '{__name__="seldon_model_infer_total",namespace!=""}'
            resources:
              overrides:
                model: {group: mlops.seldon.io, resource: model}
                server: {group: mlops.seldon.io, resource: server}
                pod: {resource: pod}
                namespace: {resource: namespace}
            name: {matches: seldon_model_infer_total, as: infer_rps}
            metricsQuery: sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))
      """;

  /** A Model HPA (or Server HPA) on infer_rps of Model {@code model}, min 1, max 3, then {@code tail}. */
  static String hpa(String name, String kind, String target, String model, String tail) {
    return """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: %s
          namespace: seldon-mesh
        spec:
          scaleTargetRef:
            apiVersion: mlops.seldon.io/v1alpha1
            kind: %s
            name: %s
          minReplicas: 1
          maxReplicas: 3
          metrics:
          - type: Object
            object:
              metric:
                name: infer_rps
              describedObject:
                apiVersion: mlops.seldon.io/v1alpha1
                kind: Model
                name: %s
              target:
                type: AverageValue
                averageValue: 3
        """.formatted(name, kind, target, model) + tail;
  }

  static String modelHpa(String model, String tail) {
    return hpa(model + "-model-hpa", "Model", model, model, tail);
  }

  static String model(String name, String specTail) {
    return """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Model
        metadata:
          name: %s
          namespace: seldon-mesh
        spec:
          storageUri: gs://seldon-models/testing/iris1
        """.formatted(name) + specTail;
  }

  private static List<Finding> lint(LintFacts facts, String... documents) {
    return Lint.check(ManifestReader.create().read("test.yaml", String.join("---\n", documents)), facts);
  }

  /** The one finding of {@code code}; fails listing every finding when there is not exactly one. */
  private static Finding only(LintCode code, LintFacts facts, String... documents) {
    List<Finding> all = lint(facts, documents);
    List<Finding> of = all.stream().filter(f -> f.code() == code).collect(Collectors.toList());
    assertThat(of).as("findings: %s", all).hasSize(1);
    return of.get(0);
  }

  @Test
  void targetWithoutScaleSubresource() {
    Finding f = only(LintCode.HPA_TARGET_NOT_SCALABLE, FACTS, hpa("p-hpa", "Pipeline", "p", "irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.scaleTargetRef.kind");
    assertThat(f.message()).isEqualTo(
        "scaleTargetRef kind Pipeline has no scale subresource, so the HPA cannot scale it (was Pipeline)");
    assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
    assertThat(f.position()).contains(Position.of(9, 5));
    assertThat(f.object()).isEqualTo("HorizontalPodAutoscaler seldon-mesh/p-hpa");
    assertThat(f.source()).isEqualTo("test.yaml");
    assertThat(f.document()).isEqualTo(1);
  }

  @Test
  void targetNotSeldon() {
    Finding kind = only(LintCode.HPA_TARGET_NOT_SELDON, FACTS, hpa("x-hpa", "Modle", "irisa0", "irisa0", ""));
    assertThat(kind.path()).isEqualTo("spec.scaleTargetRef.kind");
    assertThat(kind.message()).isEqualTo("scaleTargetRef kind must be Model or Server in mlops.seldon.io (was \"Modle\")");
    Finding deployment = only(LintCode.HPA_TARGET_NOT_SELDON, FACTS,
        hpa("d-hpa", "Deployment", "irisa0", "irisa0", "").replace("mlops.seldon.io/v1alpha1\n    kind: Deployment",
            "apps/v1\n    kind: Deployment"));
    assertThat(deployment.path()).isEqualTo("spec.scaleTargetRef");
    assertThat(deployment.message()).isEqualTo(
        "the HPA reads a Seldon metric but scales Deployment irisa0, not a Seldon Model or Server");
    Finding version = only(LintCode.HPA_TARGET_NOT_SELDON, FACTS,
        modelHpa("irisa0", "").replace("mlops.seldon.io/v1alpha1\n    kind: Model", "mlops.seldon.io/v1\n    kind: Model"));
    assertThat(version.path()).isEqualTo("spec.scaleTargetRef.apiVersion");
    assertThat(version.message()).isEqualTo(
        "scaleTargetRef apiVersion must be mlops.seldon.io/v1alpha1 for a Seldon Model (was \"mlops.seldon.io/v1\")");
  }

  @Test
  void objectTargetNotAverageValue() {
    Finding f = only(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE, FACTS,
        modelHpa("irisa0", "").replace("type: AverageValue\n        averageValue", "type: Value\n        value"));
    assertThat(f.path()).isEqualTo("spec.metrics[0].object.target.type");
    assertThat(f.message()).isEqualTo("Object metric target type must be AverageValue on a Model HPA: Value"
        + " multiplies the metric's ratio by the ready pods of the Model's selector, and a Model selects no pods of"
        + " its own (was Value)");
    assertThat(f.position()).contains(Position.of(23, 9));
  }

  @Test
  void modelWithoutReplicas() {
    Finding f = only(LintCode.MODEL_REPLICAS_MISSING, FACTS, model("irisa0", ""), modelHpa("irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.replicas");
    assertThat(f.message()).isEqualTo("spec.replicas must be set on a Model scaled by HorizontalPodAutoscaler"
        + " seldon-mesh/irisa0-model-hpa (was unset)");
    assertThat(f.object()).isEqualTo("Model seldon-mesh/irisa0");
    assertThat(f.position()).contains(Position.of(6, 1));
  }

  @Test
  void modelWithNativeBounds() {
    Finding f = only(LintCode.MODEL_NATIVE_BOUNDS, FACTS,
        model("irisa0", "  replicas: 1\n  maxReplicas: 4\n"), modelHpa("irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.maxReplicas");
    assertThat(f.message()).isEqualTo("spec.maxReplicas must not be set on a Model scaled by HorizontalPodAutoscaler"
        + " seldon-mesh/irisa0-model-hpa: it turns on Seldon's native scaling, which fights the HPA (was 4)");
  }

  @Test
  void modelReplicasOutsideHpaBounds() {
    Finding f = only(LintCode.MODEL_REPLICAS_OUT_OF_RANGE, FACTS, model("irisa0", "  replicas: 7\n"),
        modelHpa("irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.replicas");
    assertThat(f.message()).isEqualTo("spec.replicas must be within 1..3, the bounds of HorizontalPodAutoscaler"
        + " seldon-mesh/irisa0-model-hpa (was 7)");
    assertThat(f.fix()).isEqualTo("set spec.replicas to 1, the HPA's minReplicas");
  }

  @Test
  void pairOutOfSync() {
    String pods = "  behavior:\n    scaleUp:\n      policies:\n      - {type: Pods, value: 5, periodSeconds: 90}\n";
    List<Finding> all = lint(FACTS, modelHpa("irisa0", pods),
        hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", pods)
            .replace("maxReplicas: 3", "maxReplicas: 5").replace("averageValue: 3", "averageValue: 4"));
    List<Finding> pair = all.stream().filter(f -> f.code() == LintCode.HPA_PAIR_OUT_OF_SYNC)
        .collect(Collectors.toList());
    assertThat(pair).extracting(Finding::path)
        .containsExactly("spec.maxReplicas", "spec.metrics[0].object.target.averageValue");
    assertThat(pair).extracting(Finding::message).containsExactly(
        "spec.maxReplicas must equal the Model HPA seldon-mesh/irisa0-model-hpa's 3 (was 5)",
        "spec.metrics[0].object.target.averageValue must equal the Model HPA seldon-mesh/irisa0-model-hpa's 3 (was 4)");
    assertThat(pair).extracting(Finding::object).containsOnly("HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa");
  }

  @Test
  void pairComparesQuantitiesByValue() {
    String pods = "  behavior:\n    scaleUp:\n      policies:\n      - {type: Pods, value: 5, periodSeconds: 90}\n";
    List<Finding> all = lint(FACTS, modelHpa("irisa0", pods),
        hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", pods).replace("averageValue: 3", "averageValue: \"3000m\""));
    assertThat(all).isEmpty();
  }

  @Test
  void podMetricOnModelHpa() {
    Finding f = only(LintCode.MODEL_HPA_POD_METRIC, FACTS, modelHpa("irisa0", """
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 80}
        """));
    assertThat(f.path()).isEqualTo("spec.metrics[1].type");
    assertThat(f.message()).isEqualTo("a Model HPA cannot use Resource metrics: they average over the target's pods"
        + " and a Model selects none (was Resource)");
  }

  @Test
  void twoHpasOnOneTarget() {
    Finding f = only(LintCode.DUPLICATE_HPA_TARGET, FACTS, modelHpa("irisa0", ""),
        hpa("other-hpa", "Model", "irisa0", "irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.scaleTargetRef");
    assertThat(f.object()).isEqualTo("HorizontalPodAutoscaler seldon-mesh/other-hpa");
    assertThat(f.message()).isEqualTo("HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa (test.yaml:1:1) already"
        + " scales Model irisa0: two HPAs on one target overwrite each other's spec.replicas");
  }

  @Test
  void serverLabelServer() {
    Finding f = only(LintCode.SERVER_LABEL_SERVER, FACTS, """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: ServerConfig
        metadata:
          name: mlserver
          labels: {server: mlserver}
        """);
    assertThat(f.path()).isEqualTo("metadata.labels.server");
    assertThat(f.message()).isEqualTo("metadata.labels must not have the key server: it reaches the server pods, and"
        + " the selector of every Model on this server (server=<name>) then matches them, so Model and Server HPAs"
        + " collide (was \"mlserver\")");
  }

  @Test
  void metricNotServedNamesNearMisses() {
    Finding f = only(LintCode.METRIC_NOT_SERVED, FACTS, ADAPTER,
        modelHpa("irisa0", "").replace("name: infer_rps", "name: infer_rpss"));
    assertThat(f.path()).isEqualTo("spec.metrics[0].object.metric.name");
    assertThat(f.message()).isEqualTo("metric infer_rpss is served by no prometheus-adapter rule; near misses:"
        + " rule 0 (seriesQuery \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves series seldon_model_infer_total for models.mlops.seldon.io as infer_rps, not infer_rpss"
        + " (name.as \"infer_rps\")");
    Finding far = only(LintCode.METRIC_NOT_SERVED, FACTS, ADAPTER,
        modelHpa("irisa0", "").replace("name: infer_rps", "name: latency_p95"));
    assertThat(far.message()).isEqualTo("metric latency_p95 is served by no prometheus-adapter rule; near misses:"
        + " rule 0 (seriesQuery \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves series seldon_model_infer_total for models.mlops.seldon.io as infer_rps, not latency_p95"
        + " (name.as \"infer_rps\")");
  }

  @Test
  void metricServedThroughRegexpNaming() {
    String regexp = ADAPTER.replace("{matches: seldon_model_infer_total, as: infer_rps}",
        "{matches: \"^seldon_model_(.*)_total$\", as: \"${1}_rps\"}");
    assertThat(lint(FACTS, regexp, modelHpa("irisa0", ""))).isEmpty();
    // Go reads $1_rps as the group named "1_rps", which does not exist: every series is named ""
    Finding f = only(LintCode.METRIC_NOT_SERVED, FACTS, regexp.replace("${1}_rps", "$1_rps"), modelHpa("irisa0", ""));
    assertThat(f.message()).isEqualTo("metric infer_rps is served by no prometheus-adapter rule; near misses:"
        + " rule 0 (seriesQuery \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves series seldon_model_infer_total for models.mlops.seldon.io as , not infer_rps"
        + " (name.as \"$1_rps\")");
  }

  @Test
  void podsAndExternalMetricsAreLookedUpInTheRegistry() {
    String pods = LintTest.hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", """
          - type: Pods
            pods:
              metric: {name: infer_rps}
              target: {type: AverageValue, averageValue: 3}
          - type: External
            external:
              metric: {name: infer_rps}
              target: {type: AverageValue, averageValue: 3}
        """);
    Finding f = only(LintCode.METRIC_NOT_SERVED, FACTS, ADAPTER, pods);
    assertThat(f.path()).isEqualTo("spec.metrics[2].external.metric.name");
    assertThat(f.message()).isEqualTo("metric infer_rps is served by no prometheus-adapter external rule");
    Finding typo = only(LintCode.METRIC_NOT_SERVED, FACTS, ADAPTER, pods.replace("pods:\n      metric: {name: infer_rps}",
        "pods:\n      metric: {name: infer_rsp}").replace("- type: External", "- type: Unknown"));
    assertThat(typo.path()).isEqualTo("spec.metrics[1].pods.metric.name");
    assertThat(typo.message()).isEqualTo("metric infer_rsp is served by no prometheus-adapter rule for pods; near"
        + " misses: infer_rps");
  }

  @Test
  void metricsFromSeriesLintDoesNotKnowAreNotReportedUnserved() {
    String recording = ADAPTER + """
          - seriesQuery: 'seldon:model_rps:rate2m{namespace!=""}'
            resources:
              overrides:
                model: {group: mlops.seldon.io, resource: model}
                namespace: {resource: namespace}
            name: {as: model_rps}
            metricsQuery: sum by (<<.GroupBy>>) (<<.Series>>{<<.LabelMatchers>>})
        """.indent(2);
    String hpa = modelHpa("irisa0", "").replace("name: infer_rps", "name: model_rps");
    // the rule's series is not one Seldon exports, which SHPA019 reports; the HPA's metric may still be real
    assertThat(lint(FACTS, recording, hpa)).extracting(f -> f.code().id() + " " + f.path())
        .containsExactly("SHPA019 data.\"config.yaml\".rules[1].seriesQuery");
    assertThat(lint(FACTS, recording, hpa.replace("model_rps", "model_rpm"))).extracting(f -> f.code().id())
        .containsExactly("SHPA019", "SHPA011");
  }

  @Test
  void resourceNotMapped() {
    String noModel = ADAPTER.replace("          model: {group: mlops.seldon.io, resource: model}\n", "");
    Finding f = only(LintCode.METRIC_RESOURCE_NOT_MAPPED, FACTS, noModel, modelHpa("irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.metrics[0].object.describedObject");
    assertThat(f.message()).isEqualTo("the adapter does not offer infer_rps for models.mlops.seldon.io: rule 0 (seriesQuery \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\")"
        + " serves infer_rps from series seldon_model_infer_total for [namespaces, pods, servers.mlops.seldon.io] but"
        + " not for models.mlops.seldon.io: no label of the series maps to models.mlops.seldon.io (the resource is"
        + " missing from resources.overrides or the template)");
    String noNamespace = ADAPTER.replace("          namespace: {resource: namespace}\n", "");
    assertThat(only(LintCode.METRIC_RESOURCE_NOT_MAPPED, FACTS, noNamespace, modelHpa("irisa0", "")).message())
        .isEqualTo("the adapter does not offer infer_rps for models.mlops.seldon.io: the adapter fails to build the"
            + " query: unable to convert resource namespaces into label: no generic resource label form specified for"
            + " this metric");
    String template = ADAPTER.replace("overrides:", "template: kube_<<.Resource>>\n        overrides_unused:")
        .replaceAll("          (model|server|pod|namespace): \\{[^}]*\\}\n", "")
        .replace("        overrides_unused:\n", "");
    // with no label of the series mapped to any resource, the name is registered for nothing
    assertThat(only(LintCode.METRIC_NOT_SERVED, FACTS, template, modelHpa("irisa0", "")).message())
        .isEqualTo("metric infer_rps is served by no prometheus-adapter rule; near misses: rule 0 (seriesQuery"
            + " \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves infer_rps from series"
            + " seldon_model_infer_total for [] but not for models.mlops.seldon.io: no label of the series maps to"
            + " models.mlops.seldon.io (the resource is missing from resources.overrides or the template)");
  }

  @Test
  void selectorLabelNotOnSeries() {
    Finding f = only(LintCode.SELECTOR_LABEL_NOT_ON_SERIES, FACTS, ADAPTER,
        modelHpa("irisa0", "").replace("name: infer_rps\n", "name: infer_rps\n        selector:\n"
            + "          matchExpressions:\n          - {key: methodtype, operator: In, values: [rest]}\n"));
    assertThat(f.path()).isEqualTo("spec.metrics[0].object.metric.selector.matchExpressions[0].key");
    assertThat(f.message()).isEqualTo("selector label methodtype is not on the series seldon_model_infer_total, so"
        + " the metric selects nothing (labels there: code, container, endpoint, instance, job, method_type, model,"
        + " model_internal, namespace, pod, server, server_replica)");
  }

  @Test
  void successCodeOfOneProtocol() {
    Finding selector = only(LintCode.SUCCESS_CODE_ONE_PROTOCOL, FACTS, ADAPTER,
        modelHpa("irisa0", "").replace("name: infer_rps\n", "name: infer_rps\n        selector:\n"
            + "          matchLabels: {code: OK}\n"));
    assertThat(selector.path()).isEqualTo("spec.metrics[0].object.metric.selector.matchLabels.code");
    assertThat(selector.message()).isEqualTo("selector keeps code OK but not 200: REST reports success as 200 and"
        + " gRPC as OK, so REST requests are counted wrongly");
    String grpcOnly = modelHpa("irisa0", "").replace("name: infer_rps\n", "name: infer_rps\n        selector:\n"
        + "          matchLabels: {code: OK, method_type: grpc}\n");
    assertThat(lint(FACTS, ADAPTER, grpcOnly)).isEmpty();
    Finding query = only(LintCode.SUCCESS_CODE_ONE_PROTOCOL, FACTS,
        ADAPTER.replace("{<<.LabelMatchers>>}", "{<<.LabelMatchers>>,code!=\"200\"}"));
    assertThat(query.path()).isEqualTo("data.\"config.yaml\".rules[0].metricsQuery");
    assertThat(query.message()).isEqualTo("metricsQuery matches code 200 but not OK: REST reports success as 200"
        + " and gRPC as OK, so gRPC requests are counted wrongly");
    assertThat(query.position()).contains(Position.of(7, 3));
  }

  @Test
  void rateWindowTooShort() {
    Finding f = only(LintCode.RATE_WINDOW_TOO_SHORT, LintFacts.builder().scrapeInterval(Duration.ofMinutes(1)).build(),
        ADAPTER.replace("[2m]", "[90s]"));
    assertThat(f.path()).isEqualTo("data.\"config.yaml\".rules[0].metricsQuery");
    assertThat(f.message()).isEqualTo("rate window 90s is shorter than twice the scrape interval 1m: the window may"
        + " hold one sample and rate() then returns nothing (was 90s)");
    assertThat(f.fix()).isEqualTo("widen the window to at least 2m");
  }

  @Test
  void rateWindowOfTwiceTheScrapeIntervalIsEnough() {
    assertThat(lint(LintFacts.builder().scrapeInterval(Duration.ofMinutes(1)).build(), ADAPTER)).isEmpty();
    assertThat(lint(LintFacts.builder().scrapeInterval(Duration.ofMinutes(1)).build(),
        ADAPTER.replace("[2m]", "[2m:1m]"))).isEmpty();
    assertThat(lint(LintFacts.builder().scrapeInterval(Duration.ofSeconds(61)).relistInterval(Duration.ofMinutes(2))
        .build(), ADAPTER))
        .extracting(Finding::code).containsExactly(LintCode.RATE_WINDOW_TOO_SHORT);
  }

  @Test
  void relistShorterThanScrape() {
    Finding f = only(LintCode.RELIST_SHORTER_THAN_SCRAPE,
        LintFacts.builder().relistInterval(Duration.ofSeconds(10)).build(), ADAPTER);
    assertThat(f.path()).isEqualTo("data.\"config.yaml\"");
    assertThat(f.message()).isEqualTo("the adapter's metrics relist interval 10s is shorter than the scrape interval"
        + " 15s, so metrics intermittently go missing");
  }

  @Test
  void rulesProducingTheSameMetric() {
    String twice = ADAPTER + """
          - seriesQuery: 'seldon_model_infer_total'
            resources:
              overrides:
                model: {group: mlops.seldon.io, resource: models}
            name: {as: infer_rps}
            metricsQuery: sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[5m]))
        """.indent(2);
    Finding f = only(LintCode.RULES_SAME_METRIC, FACTS, twice);
    assertThat(f.path()).isEqualTo("data.\"config.yaml\".rules[1].name");
    assertThat(f.message()).isEqualTo("data.\"config.yaml\".rules[1] also produces infer_rps for"
        + " models.mlops.seldon.io, like data.\"config.yaml\".rules[0]: the adapter keeps only the later rule's query");
  }

  @Test
  void externalRuleWithoutNamespaceMapping() {
    String external = ADAPTER + """
        externalRules:
        - seriesQuery: '{__name__="seldon_model_aggregate_infer_total"}'
          metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m]))
        """.indent(4);
    Finding f = only(LintCode.EXTERNAL_RULE_NO_NAMESPACE, FACTS, external);
    assertThat(f.path()).isEqualTo("data.\"config.yaml\".externalRules[0].resources");
    assertThat(f.message()).isEqualTo("the external rule maps no label to namespaces while namespaced (the default),"
        + " so every query fails with \"unable to fetch metrics\"");
    assertThat(lint(FACTS, external.replace("  metricsQuery: sum(", "  resources: {namespaced: false}\n      metricsQuery: sum(")))
        .isEmpty();
  }

  @Test
  void seriesQueryMatchingNoSeldonMetric() {
    Finding f = only(LintCode.SERIES_QUERY_NO_SELDON_METRIC, FACTS,
        ADAPTER.replace("__name__=\"seldon_model_infer_total\"", "__name__=~\"seldon_models_.*\""));
    assertThat(f.path()).isEqualTo("data.\"config.yaml\".rules[0].seriesQuery");
    assertThat(f.message()).isEqualTo("seriesQuery \"{__name__=~\\\"seldon_models_.*\\\",namespace!=\\\"\\\"}\" with"
        + " the rule's filters and name.matches keeps no metric Seldon exports, though the rule maps Seldon resources");
    Finding typo = only(LintCode.SERIES_QUERY_NO_SELDON_METRIC, FACTS,
        ADAPTER.replace("__name__=\"seldon_model_infer_total\"", "__name__=\"seldon_model_infer_totl\""));
    assertThat(typo.message()).endsWith("; near miss: seldon_model_infer_total");
  }

  @Test
  void invalidAdapterConfig() {
    Finding unknown = only(LintCode.ADAPTER_CONFIG_INVALID, FACTS, ADAPTER.replace("metricsQuery:", "metricQuery:"));
    assertThat(unknown.path()).isEqualTo("data.\"config.yaml\"");
    assertThat(unknown.message()).isEqualTo("data.\"config.yaml\".rules[0].metricQuery is not a field the adapter"
        + " knows (was \"sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))\")");
    Finding yaml = only(LintCode.ADAPTER_CONFIG_INVALID, FACTS, ADAPTER.replace("rules:\n", "rules: [\n"));
    assertThat(yaml.message()).isEqualTo("data.\"config.yaml\" is not valid YAML: malformed YAML: expected the node"
        + " content, but found '-' (at line 2, column 1 of the value)");
    Finding as = only(LintCode.ADAPTER_CONFIG_INVALID, FACTS, ADAPTER.replace(
        "{matches: seldon_model_infer_total, as: infer_rps}", "{matches: \"^(seldon)_(.*)$\"}"));
    assertThat(as.path()).isEqualTo("data.\"config.yaml\".rules[0]");
    assertThat(as.message()).isEqualTo("data.\"config.yaml\".rules[0]: must specify an 'as' value for name matcher"
        + " \"^(seldon)_(.*)$\" associated with series query"
        + " \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\"");
  }

  @Test
  void scaleUpFasterThanServersStart() {
    Finding f = only(LintCode.SCALE_UP_FASTER_THAN_SERVER_START,
        LintFacts.builder().serverStartup(Duration.ofSeconds(90)).build(), modelHpa("irisa0", """
          behavior:
            scaleUp:
              policies:
              - {type: Percent, value: 100, periodSeconds: 30}
        """));
    assertThat(f.path()).isEqualTo("spec.behavior.scaleUp.policies[0].periodSeconds");
    assertThat(f.message()).isEqualTo("scale-up policy adds up to 100% every 30 s but a server pod takes 90 s to"
        + " start, so the HPA asks for more before the last pods are ready (was 30)");
  }

  @Test
  void percentScaleUpOnPair() {
    Finding defaults = only(LintCode.PERCENT_SCALE_UP_ON_PAIR, FACTS, modelHpa("irisa0", ""),
        hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", ""));
    assertThat(defaults.object()).isEqualTo("HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa");
    assertThat(defaults.path()).isEqualTo("spec.behavior.scaleUp.policies");
    assertThat(defaults.message()).isEqualTo("scale-up uses the default policies, which allow 100% more replicas"
        + " (or 4 pods) every 15 s: more server pods than can start, leaving the Model ScheduleFailed (was unset)");
    String percent = "  behavior:\n    scaleUp:\n      policies:\n      - {type: Percent, value: 50, periodSeconds: 90}\n";
    Finding explicit = only(LintCode.PERCENT_SCALE_UP_ON_PAIR, FACTS, modelHpa("irisa0", percent),
        hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", percent));
    assertThat(explicit.path()).isEqualTo("spec.behavior.scaleUp.policies[0].type");
    assertThat(explicit.message()).isEqualTo("a Percent scale-up policy on a Model/Server pair grows with the"
        + " replicas, asking for more server pods than can start (was Percent)");
  }

  @Test
  void behaviorOutOfRange() {
    List<Finding> all = lint(FACTS, modelHpa("irisa0", """
          behavior:
            scaleUp:
              selectPolicy: Maximum
              tolerance: "-1"
              policies:
              - {type: Replicas, value: 0, periodSeconds: 1801}
            scaleDown:
              stabilizationWindowSeconds: -1
              policies: []
        """));
    assertThat(all).allMatch(f -> f.code() == LintCode.BEHAVIOR_OUT_OF_RANGE);
    assertThat(all).extracting(f -> f.path() + ": " + f.message()).containsExactly(
        "spec.behavior.scaleDown.policies: spec.behavior.scaleDown.policies must list at least one policy (was [])",
        "spec.behavior.scaleDown.stabilizationWindowSeconds: spec.behavior.scaleDown.stabilizationWindowSeconds must"
            + " be in 0..3600 (was -1)",
        "spec.behavior.scaleUp.policies[0].periodSeconds: spec.behavior.scaleUp.policies[0].periodSeconds must be in"
            + " 1..1800 (was 1801)",
        "spec.behavior.scaleUp.policies[0].type: spec.behavior.scaleUp.policies[0].type must be Pods or Percent"
            + " (was \"Replicas\")",
        "spec.behavior.scaleUp.policies[0].value: spec.behavior.scaleUp.policies[0].value must be > 0 (was 0)",
        "spec.behavior.scaleUp.selectPolicy: spec.behavior.scaleUp.selectPolicy must be Max, Min or Disabled"
            + " (was \"Maximum\")",
        "spec.behavior.scaleUp.tolerance: spec.behavior.scaleUp.tolerance must be >= 0 (was \"-1\")");
  }

  @Test
  void replicasOutOfRange() {
    Finding above = only(LintCode.HPA_REPLICAS_OUT_OF_RANGE, FACTS,
        modelHpa("irisa0", "").replace("minReplicas: 1", "minReplicas: 4"));
    assertThat(above.path()).isEqualTo("spec.maxReplicas");
    assertThat(above.message()).isEqualTo("spec.maxReplicas must be >= minReplicas (was maxReplicas=3, minReplicas=4)");
    Finding zero = only(LintCode.HPA_REPLICAS_OUT_OF_RANGE, FACTS,
        modelHpa("irisa0", "").replace("minReplicas: 1", "minReplicas: 0"));
    assertThat(zero.message()).isEqualTo("spec.minReplicas must be >= 1: 0 needs the HPAScaleToZero feature gate"
        + " (alpha, off by default) and an Object or External metric; KEDA scales to zero without it (was 0)");
    assertThat(zero.fix()).isEqualTo("set spec.minReplicas to at least 1, or scale to zero with KEDA");
    Finding max = only(LintCode.HPA_REPLICAS_OUT_OF_RANGE, FACTS,
        modelHpa("irisa0", "").replace("  maxReplicas: 3\n", ""));
    assertThat(max.path()).isEqualTo("spec.maxReplicas");
    assertThat(max.message()).isEqualTo("spec.maxReplicas must be set (was unset)");
    assertThat(only(LintCode.HPA_REPLICAS_OUT_OF_RANGE, FACTS,
        modelHpa("irisa0", "").replace("minReplicas: 1\n  maxReplicas: 3", "maxReplicas: 0")).message())
        .isEqualTo("spec.maxReplicas must be >= 1 (was 0)");
  }

  @Test
  void nativeScalingInertFromSeldon210() {
    String tfsimple = model("tfsimple", "  replicas: 1\n  minReplicas: 1\n");
    Finding f = only(LintCode.NATIVE_SCALING_INERT, LintFacts.builder().seldonVersion("v2.10.0").build(), tfsimple);
    assertThat(f.path()).isEqualTo("spec.minReplicas");
    assertThat(f.message()).isEqualTo("spec.minReplicas asks for Seldon's native model scaling, which Seldon v2.10.0"
        + " ignores: it is disabled from 2.10.0 (was 1)");
    assertThat(lint(LintFacts.builder().seldonVersion("2.9.1").build(), tfsimple)).isEmpty();
    assertThat(lint(FACTS, tfsimple)).isEmpty();
  }

  @Test
  void modelHpaBeforeSeldon284() {
    Finding f = only(LintCode.MODEL_HPA_NEEDS_SELECTOR, LintFacts.builder().seldonVersion("2.8.3").build(),
        modelHpa("irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.scaleTargetRef.kind");
    assertThat(f.message()).isEqualTo("Seldon 2.8.3 Models have no label selector (added in 2.8.4), so an HPA on a"
        + " Model fails with InvalidSelector");
    assertThat(lint(LintFacts.builder().seldonVersion("2.8.4").build(), modelHpa("irisa0", ""))).isEmpty();
  }

  @Test
  void serverUnderHpaWithNativeBounds() {
    Finding f = only(LintCode.SERVER_NATIVE_BOUNDS, FACTS, """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata: {name: mlserver, namespace: seldon-mesh}
        spec: {serverConfig: mlserver, minReplicas: 1}
        """, hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", ""));
    assertThat(f.path()).isEqualTo("spec.minReplicas");
    assertThat(f.message()).isEqualTo("spec.minReplicas must not be set on a Server scaled by HorizontalPodAutoscaler"
        + " seldon-mesh/mlserver-server-hpa: Seldon's native server scaling then writes spec.replicas too (was 1)");
  }

  @Test
  void hpaApiVersion() {
    Finding f = only(LintCode.HPA_API_VERSION, FACTS,
        modelHpa("irisa0", "").replace("autoscaling/v2", "autoscaling/v2beta2"));
    assertThat(f.path()).isEqualTo("apiVersion");
    assertThat(f.message()).isEqualTo("apiVersion should be autoscaling/v2: autoscaling/v2beta2 is no longer served"
        + " from Kubernetes 1.26; lint reads it as v2 (was autoscaling/v2beta2)");
    assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
  }

  @Test
  void invalidFieldTypes() {
    List<Finding> all = lint(FACTS, modelHpa("irisa0", "").replace("maxReplicas: 3", "maxReplicas: three")
        .replace("metrics:\n", "metrics_:\n") + "  metrics: {type: Object}\n");
    assertThat(all).extracting(f -> f.code().id() + " " + f.path() + ": " + f.message()).containsExactly(
        "SHPA029 spec.maxReplicas: spec.maxReplicas must be an integer (was \"three\")",
        "SHPA029 spec.metrics: spec.metrics must be a sequence (was a mapping)",
        "SHPA032 spec.metrics_: spec.metrics_ is not a field of autoscaling/v2 HorizontalPodAutoscaler spec (was"
            + " [{\"type\":\"Object\",\"object\":{\"metric\":{\"name\":\"infer_rps\"},\"describedObject\":{...)");
  }

  @Test
  void notChecked() {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gw}\n";
    assertThat(lint(FACTS, deployment, "foo: bar\n")).isEmpty();
    LintFacts asked = LintFacts.builder().reportNotChecked(true).build();
    Finding f = only(LintCode.NOT_CHECKED, asked, deployment);
    assertThat(f.path()).isEqualTo("kind");
    assertThat(f.message()).isEqualTo("kind Deployment (apps/v1) is not checked");
    assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
    assertThat(only(LintCode.NOT_CHECKED, asked, "foo: bar\n").message()).isEqualTo("the document has no kind and"
        + " is neither a prometheus-adapter config nor the adapter chart's values");
  }

  @Test
  void bareAdapterConfigIsCheckedWithExactPositions() {
    String bare = "rules:\n- seriesQuery: '{__name__=\"seldon_model_infer_total\"}'\n"
        + "  resources: {overrides: {model: {group: mlops.seldon.io, resource: model}}}\n"
        + "  metricsQuery: rate(<<.Series>>{<<.LabelMatchers>>}[20s])\n";
    Finding f = only(LintCode.RATE_WINDOW_TOO_SHORT, FACTS, bare);
    assertThat(f.object()).isEqualTo("prometheus-adapter config");
    assertThat(f.path()).isEqualTo("rules[0].metricsQuery");
    assertThat(f.position()).contains(Position.of(4, 3));
  }

  @Test
  void adapterConfigGivenAsValue() {
    AdapterConfig config = AdapterConfig.builder().addRule(DiscoveryRule.builder()
        .seriesQuery("{__name__=\"seldon_model_infer_total\",namespace!=\"\"}")
        .resources(ResourceMapping.builder()
            .putOverride("model", GroupResource.of("mlops.seldon.io", "model"))
            .putOverride("namespace", GroupResource.core("namespace")).build())
        .name(NameMapping.of("seldon_model_infer_total", "infer_rps"))
        .metricsQuery("sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))")
        .build()).build();
    List<Manifest> manifests = ManifestReader.create().read("hpa.yaml",
        modelHpa("irisa0", "").replace("name: infer_rps", "name: infer_rpm"));
    List<Finding> all = Lint.check(manifests, Optional.of(config), FACTS);
    assertThat(all).extracting(Finding::toString).containsExactly("ERROR SHPA011 hpa.yaml:17:9"
        + " HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa spec.metrics[0].object.metric.name: metric infer_rpm"
        + " is served by no prometheus-adapter rule; near misses: rule 0 (seriesQuery"
        + " \"{__name__=\\\"seldon_model_infer_total\\\",namespace!=\\\"\\\"}\") serves series seldon_model_infer_total"
        + " for models.mlops.seldon.io as infer_rps, not infer_rpm (name.as \"infer_rps\"); fix: use a metric name the"
        + " adapter serves, or add a rule whose name.as gives infer_rpm");
    assertThat(Lint.check(manifests, Optional.of(config),
        LintFacts.builder().relistInterval(Duration.ofSeconds(5)).build()))
        .filteredOn(f -> f.code() == LintCode.RELIST_SHORTER_THAN_SCRAPE)
        .extracting(f -> f.source() + " " + f.document() + " " + f.object() + " " + f.position())
        .containsExactly("<adapter config> 0 prometheus-adapter config Optional.empty");
  }

  @Test
  void factsAreValidated() {
    assertThatThrownBy(() -> LintFacts.builder().seldonVersion("latest").build())
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("seldonVersion must be a version such as 2.10.1 (was \"latest\")");
    assertThatThrownBy(() -> LintFacts.builder().scrapeInterval(Duration.ZERO).build())
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("scrapeInterval must be whole milliseconds in 1ms..24h (was PT0S)");
  }

  @Test
  void metricsQueryLosingTheObject() {
    Finding unmatched = only(LintCode.METRICS_QUERY_LOSES_OBJECT, FACTS,
        ADAPTER.replace("<<.Series>>{<<.LabelMatchers>>}", "<<.Series>>"));
    assertThat(unmatched.path()).isEqualTo("data.\"config.yaml\".rules[0].metricsQuery");
    assertThat(unmatched.message()).isEqualTo("metricsQuery does not use <<.LabelMatchers>>, so every object the"
        + " metric is asked for (every pod, Model or Deployment) gets the value of all series together");
    Finding aggregated = only(LintCode.METRICS_QUERY_LOSES_OBJECT, FACTS,
        ADAPTER.replace("sum by (<<.GroupBy>>) (", "sum("));
    assertThat(aggregated.message()).isEqualTo("metricsQuery aggregates without by (<<.GroupBy>>), which drops the"
        + " object's label, so the adapter finds no value for any object");
    assertThat(lint(FACTS, ADAPTER.replace("sum by (<<.GroupBy>>) (", "(").replace("))", ")"))).isEmpty();
  }

  @Test
  void everyCodeIsStableAndUnique() {
    assertThat(List.of(LintCode.values())).extracting(LintCode::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("SHPA[01][0-9][0-9]"));
    assertThat(List.of(LintCode.values())).extracting(LintCode::slug).doesNotHaveDuplicates();
    assertThat(LintCode.values()).hasSize(47);
  }
}
