package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The resource table: RESTMapper normalisation (client-go's DefaultRESTMapper.ResourceFor as
 * prometheus-adapter's pkg/naming CustomMetricInfo.Normalized calls it), the built-in groups, and a
 * cluster's own resources.
 */
class ResourceTableTest {
  private static final ApiResource INFERENCE_SERVICE =
      ApiResource.of("serving.kserve.io", "v1beta1", "inferenceservices", "inferenceservice", "InferenceService", true);

  @Test
  void normalisesCaseSingularPluralAndGroups() {
    ResourceTable t = ResourceTable.builtIn();
    assertThat(t.normalize("", "Pod")).contains(new GroupResourceKey("", "pods"));
    assertThat(t.normalize("", "deployment")).contains(new GroupResourceKey("apps", "deployments"));
    assertThat(t.normalize("apps", "Deployments")).contains(new GroupResourceKey("apps", "deployments"));
    assertThat(t.normalize("networking", "ingress")).contains(new GroupResourceKey("networking.k8s.io", "ingresses"));
    assertThat(t.normalize("keda.sh", "scaledobject")).contains(new GroupResourceKey("keda.sh", "scaledobjects"));
    assertThat(t.normalize("", "job")).contains(new GroupResourceKey("batch", "jobs"));
    assertThat(t.normalize("", "horizontalpodautoscalers"))
        .contains(new GroupResourceKey("autoscaling", "horizontalpodautoscalers"));
    assertThat(t.normalize("", "inferenceservice")).isEmpty();
    assertThat(t.singular("scaledobjects")).contains("scaledobject");
  }

  private static DiscoveryRule kserveRule() {
    return DiscoveryRule.builder().seriesQuery("{__name__=\"revision_request_count\",namespace!=\"\"}")
        .resources(ResourceMapping.builder().putOverride("namespace", GroupResource.core("namespace"))
            .putOverride("isvc", GroupResource.of("serving.kserve.io", "inferenceservice")).build())
        .metricsQuery("sum(rate(<<.Series>>{<<.LabelMatchers>>}[1m])) by (<<.GroupBy>>)").build();
  }

  @Test
  void anOverrideNamingACustomResourceLoadsWhenTheTableKnowsIt() {
    AdapterConfig builtIn = AdapterConfig.builder().addRule(kserveRule()).build();
    assertThat(builtIn.loadErrors()).containsExactly("rules[0]: unable to normalize group-resource"
        + " {serving.kserve.io inferenceservice}: no matches for serving.kserve.io/, Resource=inferenceservice");
    AdapterConfig cluster = builtIn.inCluster(ResourceTable.builtIn().with(INFERENCE_SERVICE));
    assertThat(cluster.loadErrors()).isEmpty();

    List<Series> known = List.of(Series.of("revision_request_count", Map.of("namespace", "models", "isvc", "sklearn")));
    Explanation e = cluster.explain(ApiTypes.objectMetric("revision_request_count",
        ObjectReference.of("serving.kserve.io/v1beta1", "InferenceService", "sklearn"), Optional.empty()), "models",
        known);
    assertThat(e.served()).isTrue();
    assertThat(e.apiPath()).isEqualTo("/apis/custom.metrics.k8s.io/v1beta1/namespaces/models/"
        + "inferenceservices.serving.kserve.io/sklearn/revision_request_count");
    assertThat(e.query()).contains(
        "sum(rate(revision_request_count{namespace=\"models\",isvc=\"sklearn\"}[1m])) by (isvc)");
    assertThat(MetricsQuery.of(kserveRule(), cluster.resourceTable()).build("revision_request_count",
        GroupResource.of("serving.kserve.io", "InferenceServices"), "models", Optional.empty(), "a", "b"))
        .isEqualTo("sum(rate(revision_request_count{namespace=\"models\",isvc=~\"a|b\"}[1m])) by (isvc)");
  }

  @Test
  void aTemplateSingularisesTheTablesResources() {
    DiscoveryRule rule = DiscoveryRule.builder().seriesQuery("q").resources(ResourceMapping.template("kube_<<.Group>>_<<.Resource>>"))
        .metricsQuery("<<.LabelMatchers>>").build();
    ResourceTable table = ResourceTable.builtIn().with(INFERENCE_SERVICE);
    assertThat(MetricsQuery.of(rule, table).build("s", GroupResource.of("serving.kserve.io", "inferenceservices"),
        "ns", Optional.empty(), "x")).isEqualTo("kube__namespace=\"ns\",kube_serving_kserve_io_inferenceservice=\"x\"");
  }

  @Test
  void aResourceReplacesTheOneWithItsGroupAndName() {
    ResourceTable t = ResourceTable.builtIn()
        .with(ApiResource.of("mlops.seldon.io", "v2", "models", "mdl", "Model", true));
    assertThat(t.singular("models")).contains("mdl");
    assertThat(t).isNotEqualTo(ResourceTable.builtIn());
    assertThat(ResourceTable.builtIn().with(INFERENCE_SERVICE)).isEqualTo(ResourceTable.builtIn().with(INFERENCE_SERVICE));
  }

  @Test
  void resourcesAreValidated() {
    assertThatThrownBy(() -> ApiResource.of("", "v1", "Pods", "pod", "Pod", true))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("resource must be a lower-case DNS subdomain (was \"Pods\")");
    assertThatThrownBy(() -> ApiResource.of("x", "", "a", "a", "A", true))
        .hasMessage("version must not be empty (was \"\")");
  }
}
