package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.ResourceMetric;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pods, External and Resource metrics, with vectors derived from kubernetes-sigs/prometheus-adapter at
 * commit 01919d0ef11859bc214e0c8a8bd5368afd9d47f7: pkg/custom-provider/series_registry_test.go (the
 * container queries over several pods, on cmd/config-gen/utils/default.go's DefaultConfig(1m, "kube_")),
 * docs/externalmetrics.md (the external rules) and pkg/resourceprovider/provider_test.go (the
 * resource queries it builds for pods in some-ns and other-ns and for nodes, on DefaultConfig(1m, "")).
 */
class MetricKindsTest {
  private static final String CONTAINERS = "{__name__=~\"^container_.*\",container!=\"POD\",namespace!=\"\",pod!=\"\"}";
  private static final ResourceMapping NAMESPACE_AND_POD = ResourceMapping.builder()
      .putOverride("namespace", GroupResource.core("namespace")).putOverride("pod", GroupResource.core("pod")).build();

  /** DefaultConfig's three container rules. */
  private static final AdapterConfig DEFAULT_CONTAINERS = AdapterConfig.builder()
      .addRule(DiscoveryRule.builder().seriesQuery(CONTAINERS).resources(NAMESPACE_AND_POD)
          .name(NameMapping.of("^container_(.*)_seconds_total$", ""))
          .metricsQuery("sum(rate(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}[1m])) by (<<.GroupBy>>)").build())
      .addRule(DiscoveryRule.builder().seriesQuery(CONTAINERS).resources(NAMESPACE_AND_POD)
          .addSeriesFilter(SeriesFilter.isNot("^container_.*_seconds_total$"))
          .name(NameMapping.of("^container_(.*)_total$", ""))
          .metricsQuery("sum(rate(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}[1m])) by (<<.GroupBy>>)").build())
      .addRule(DiscoveryRule.builder().seriesQuery(CONTAINERS).resources(NAMESPACE_AND_POD)
          .addSeriesFilter(SeriesFilter.isNot("^container_.*_total$"))
          .name(NameMapping.of("^container_(.*)$", ""))
          .metricsQuery("sum(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}) by (<<.GroupBy>>)").build())
      .build();

  private static final List<Series> CONTAINER_SERIES = List.of(
      Series.of("container_some_time_seconds_total", Map.of("pod", "somepod", "namespace", "somens", "container", "c")),
      Series.of("container_some_count_total", Map.of("pod", "somepod", "namespace", "somens", "container", "c")),
      Series.of("container_some_usage", Map.of("pod", "somepod", "namespace", "somens", "container", "c")));

  private static final LabelSelector APP = LabelSelector.matchLabel("app", "web");

  private static Explanation pods(String metric, List<String> names) {
    return DEFAULT_CONTAINERS.explain(PodsMetric.of(metric, MetricTarget.averageValue(1)), "somens", APP, names,
        CONTAINER_SERIES);
  }

  @Test
  void podsMetricsQueryTheListedPods() {
    Explanation e = pods("some_usage", List.of("somepod1", "somepod2"));
    assertThat(e.served()).isTrue();
    assertThat(e.metricType()).isEqualTo(Metric.Type.PODS);
    assertThat(e.query()).contains(
        "sum(container_some_usage{namespace=\"somens\",pod=~\"somepod1|somepod2\",container!=\"POD\"}) by (pod)");
    assertThat(pods("some_count", List.of("somepod1", "somepod2")).query()).contains(
        "sum(rate(container_some_count_total{namespace=\"somens\",pod=~\"somepod1|somepod2\",container!=\"POD\"}[1m]))"
            + " by (pod)");
    assertThat(pods("some_time", List.of("somepod1", "somepod2")).query()).contains(
        "sum(rate(container_some_time_seconds_total{namespace=\"somens\",pod=~\"somepod1|somepod2\","
            + "container!=\"POD\"}[1m])) by (pod)");
    assertThat(e.apiPath()).isEqualTo("/apis/custom.metrics.k8s.io/v1beta1/namespaces/somens/pods/*/some_usage"
        + "?labelSelector=app%3Dweb");
    assertThat(e.kubectlCommand()).isEqualTo("kubectl get --raw "
        + "'/apis/custom.metrics.k8s.io/v1beta1/namespaces/somens/pods/*/some_usage?labelSelector=app%3Dweb'");
    assertThat(e.objectName()).isEqualTo("*");
    assertThat(e.objectNames()).containsExactly("somepod1", "somepod2");
    assertThat(e.labelSelector()).isEqualTo("app=web");
    assertThat(e.ruleIndex()).contains(2);
  }

  @Test
  void podsMetricsOfOnePodUseEqualsAndCarryTheMetricSelector() {
    PodsMetric metric = PodsMetric.builder().metricName("some_usage").selector(LabelSelector.matchLabel("container", "c"))
        .target(MetricTarget.averageValue(1)).build();
    Explanation e = DEFAULT_CONTAINERS.explain(metric, "somens", APP, List.of("somepod"), CONTAINER_SERIES);
    assertThat(e.query()).contains(
        "sum(container_some_usage{container=\"c\",namespace=\"somens\",pod=\"somepod\",container!=\"POD\"}) by (pod)");
    assertThat(e.apiPath()).endsWith("/pods/*/some_usage?labelSelector=app%3Dweb&metricLabelSelector=container%3Dc");
  }

  @Test
  void podsMetricsWithoutPodsOrRuleAreNotServed() {
    assertThat(pods("some_usage", List.of()).reasons())
        .containsExactly("no pods match labelSelector app=web: the adapter answers NotFound");
    Explanation e = pods("other", List.of("p"));
    assertThat(e.served()).isFalse();
    assertThat(e.reasons()).containsExactly("no rule registers metric other for pods (namespaced) from the known series");
  }

  /** docs/externalmetrics.md's two external rules. */
  private static final AdapterConfig EXTERNAL = AdapterConfig.builder()
      .addExternalRule(DiscoveryRule.builder().seriesQuery("{__name__=\"queue_consumer_lag\",name!=\"\"}")
          .metricsQuery("sum(<<.Series>>{<<.LabelMatchers>>}) by (name)")
          .resources(ResourceMapping.builder().putOverride("namespace", GroupResource.core("namespace")).build())
          .build())
      .addExternalRule(DiscoveryRule.builder().seriesQuery("{__name__=\"queue_depth\",name!=\"\"}")
          .metricsQuery("sum(<<.Series>>{<<.LabelMatchers>>}) by (name)")
          .resources(ResourceMapping.builder().namespaced(false).build()).build())
      .build();
  private static final List<Series> QUEUES = List.of(
      Series.of("queue_consumer_lag", Map.of("name", "q1", "namespace", "default")),
      Series.of("queue_depth", Map.of("name", "my-sample-queue", "namespace", "queue")));

  @Test
  void externalMetricsAddTheNamespaceUnlessTheRuleIsNotNamespaced() {
    Explanation lag = EXTERNAL.explain(ExternalMetric.builder().metricName("queue_consumer_lag")
        .selector(LabelSelector.matchLabel("name", "q1")).target(MetricTarget.value(5)).build(), "default", QUEUES);
    assertThat(lag.served()).isTrue();
    assertThat(lag.metricType()).isEqualTo(Metric.Type.EXTERNAL);
    assertThat(lag.query()).contains("sum(queue_consumer_lag{name=\"q1\",namespace=\"default\"}) by (name)");
    assertThat(lag.apiPath()).isEqualTo(
        "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_consumer_lag?labelSelector=name%3Dq1");
    assertThat(lag.ruleIndex()).contains(0);
    assertThat(lag.series()).extracting(Series::name).containsExactly("queue_consumer_lag");

    LabelSelector other = LabelSelector.builder().putMatchLabel("namespace", "queue")
        .putMatchLabel("name", "my-sample-queue").build();
    Explanation depth = EXTERNAL.explain(ExternalMetric.builder().metricName("queue_depth").selector(other)
        .target(MetricTarget.averageValue(50)).build(), "default", QUEUES);
    assertThat(depth.query()).contains("sum(queue_depth{name=\"my-sample-queue\",namespace=\"queue\"}) by (name)");
    assertThat(depth.kubectlCommand()).isEqualTo("kubectl get --raw '/apis/external.metrics.k8s.io/v1beta1/namespaces/"
        + "default/queue_depth?labelSelector=name%3Dmy-sample-queue%2Cnamespace%3Dqueue'");
  }

  @Test
  void externalMetricsWithoutANamespaceLabelFailToBuild() {
    AdapterConfig config = AdapterConfig.builder().addExternalRule(DiscoveryRule.builder()
        .seriesQuery("{__name__=\"queue_consumer_lag\",name!=\"\"}")
        .metricsQuery("sum(<<.Series>>{<<.LabelMatchers>>}) by (name)").build()).build();
    Explanation e = config.explain(ExternalMetric.of("queue_consumer_lag", MetricTarget.value(5)), "default", QUEUES);
    assertThat(e.served()).isFalse();
    assertThat(e.reasons()).containsExactly("the adapter fails to build the query: unable to convert resource namespaces"
        + " into label: no generic resource label form specified for this metric");
    assertThat(config.explain(ExternalMetric.of("nothing", MetricTarget.value(5)), "default", QUEUES).reasons())
        .containsExactly("no external rule registers metric nothing from the known series");
  }

  /** DefaultConfig(1m, "")'s resourceRules. */
  private static ResourceRule resourceRule(String container, String node) {
    return ResourceRule.builder().containerQuery(container).nodeQuery(node).containerLabel("container")
        .resources(ResourceMapping.builder().putOverride("namespace", GroupResource.core("namespace"))
            .putOverride("pod", GroupResource.core("pod")).putOverride("instance", GroupResource.core("node")).build())
        .build();
  }

  private static final AdapterConfig RESOURCES = AdapterConfig.builder().resourceRules(ResourceRules.builder()
      .cpu(resourceRule("sum(rate(container_cpu_usage_seconds_total{<<.LabelMatchers>>}[1m])) by (<<.GroupBy>>)",
          "sum(rate(container_cpu_usage_seconds_total{<<.LabelMatchers>>, id='/'}[1m])) by (<<.GroupBy>>)"))
      .memory(resourceRule("sum(container_memory_working_set_bytes{<<.LabelMatchers>>}) by (<<.GroupBy>>)",
          "sum(container_memory_working_set_bytes{<<.LabelMatchers>>,id='/'}) by (<<.GroupBy>>)"))
      .window(Duration.ofMinutes(1)).build()).build();

  @Test
  void resourceMetricsRunTheContainerQueryGroupedByPodAndContainer() {
    Explanation cpu = RESOURCES.explain(ResourceMetric.of("cpu", MetricTarget.utilization(80)), "some-ns", APP,
        List.of("pod1", "pod3"));
    assertThat(cpu.served()).isTrue();
    assertThat(cpu.metricType()).isEqualTo(Metric.Type.RESOURCE);
    assertThat(cpu.query()).contains("sum(rate(container_cpu_usage_seconds_total{namespace=\"some-ns\","
        + "pod=~\"pod1|pod3\"}[1m])) by (pod,container)");
    assertThat(cpu.apiPath()).isEqualTo("/apis/metrics.k8s.io/v1beta1/namespaces/some-ns/pods?labelSelector=app%3Dweb");
    assertThat(RESOURCES.explain(ResourceMetric.of("memory", MetricTarget.utilization(80)), "other-ns", APP,
        List.of("pod27")).query()).contains(
            "sum(container_memory_working_set_bytes{namespace=\"other-ns\",pod=\"pod27\"}) by (pod,container)");
  }

  @Test
  void nodeQueriesMatchTheNodeLabelWithoutANamespace() {
    Explanation cpu = RESOURCES.explainNodes("cpu", List.of("node1", "node2"));
    assertThat(cpu.query()).contains(
        "sum(rate(container_cpu_usage_seconds_total{instance=~\"node1|node2\", id='/'}[1m])) by (instance)");
    assertThat(cpu.kubectlCommand()).isEqualTo("kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes");
    assertThat(RESOURCES.explainNodes("memory", List.of("node1", "node2", "node3")).query()).contains(
        "sum(container_memory_working_set_bytes{instance=~\"node1|node2|node3\",id='/'}) by (instance)");
    assertThatThrownBy(() -> RESOURCES.explainNodes("gpu", List.of("n")))
        .hasMessage("resource must be cpu or memory (was gpu)");
  }

  @Test
  void resourceMetricsNeedResourceRules() {
    Explanation e = DEFAULT_CONTAINERS.explain(ResourceMetric.of("cpu", MetricTarget.utilization(80)), "ns", APP,
        List.of("p"));
    assertThat(e.served()).isFalse();
    assertThat(e.reasons()).containsExactly(
        "the config has no resourceRules: the adapter does not serve metrics.k8s.io");
  }
}
