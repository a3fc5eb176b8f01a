package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public query builders, repeated calls included (they remember the last resource and selector). */
class MetricsQueryTest {
  private static MetricsQuery query(ResourceMapping resources) {
    return MetricsQuery.of(DiscoveryRule.builder().seriesQuery("q").resources(resources)
        .metricsQuery("sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)").build());
  }

  private static final MetricsQuery PODS_ONLY = query(ResourceMapping.builder()
      .putOverride("pod", GroupResource.core("pod")).build());

  @Test
  void errorsComeInTheAdaptersOrderOnEveryCall() {
    Optional<LabelSelector> none = Optional.empty();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> PODS_ONLY.build("m", GroupResource.core("pods"), "ns1", none, "p1"))
          .isInstanceOf(HpaValidationException.class)
          .hasMessage("unable to convert resource namespaces into label: no generic resource label form specified"
              + " for this metric");
      assertThatThrownBy(() -> PODS_ONLY.build("m", GroupResource.core("service"), "", none, "s1"))
          .hasMessage("unable to convert resource services into label: no generic resource label form specified"
              + " for this metric");
      assertThat(PODS_ONLY.build("m", GroupResource.core("Pod"), "", none, "p1", "p2"))
          .isEqualTo("sum(m{pod=~\"p1|p2\"}) by (pod)");
    }
  }

  @Test
  void anUnknownResourceIsRejected() {
    assertThatThrownBy(() -> PODS_ONLY.build("m", GroupResource.core("widgets"), "", Optional.empty(), "w"))
        .isInstanceOf(HpaValidationException.class).hasMessage("resource must be a known resource (was \"widgets\")");
  }

  @Test
  void selectorsChangeBetweenCalls() {
    MetricsQuery q = query(ResourceMapping.template("<<.Resource>>"));
    GroupResource models = GroupResource.of("mlops.seldon.io", "models");
    for (String method : List.of("rest", "grpc", "rest")) {
      assertThat(q.build("m", models, "ns", Optional.of(LabelSelector.matchLabel("method_type", method)), "iris"))
          .isEqualTo("sum(m{method_type=\"" + method + "\",namespace=\"ns\",model=\"iris\"}) by (model)");
    }
    assertThat(q.buildExternal("queue_depth", "ns", Optional.of(LabelSelector.matchLabel("queue", "q1"))))
        .isEqualTo("sum(queue_depth{queue=\"q1\",namespace=\"ns\"}) by ()");
  }

  @Test
  void externalRulesMayDropTheNamespace() {
    MetricsQuery q = MetricsQuery.of(DiscoveryRule.builder().seriesQuery("q")
        .resources(ResourceMapping.builder().namespaced(false).build())
        .metricsQuery("<<.Series>>{<<.LabelMatchers>>}").build());
    assertThat(q.buildExternal("x", "prod", Optional.empty())).isEqualTo("x{}");
  }
}
