package io.github.seldonhpa.promql;

import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the seldon-hpa-api types the tests need. */
final class ApiTypes {
  private ApiTypes() {}

  static LabelSelectorRequirement requirement(String key, String yamlOperator, List<String> values) {
    return LabelSelectorRequirement.builder().key(key)
        .operator(LabelSelectorRequirement.Operator.fromYaml("operator", yamlOperator)).addAllValues(values).build();
  }

  static LabelSelector selector(Map<String, String> matchLabels, List<LabelSelectorRequirement> expressions) {
    return LabelSelector.builder().putAllMatchLabels(matchLabels).addAllMatchExpressions(expressions).build();
  }

  static ObjectMetric objectMetric(String name, ObjectReference described, Optional<LabelSelector> selector) {
    return ObjectMetric.builder().metricName(name).selector(selector).describedObject(described)
        .target(MetricTarget.averageValue(3)).build();
  }
}
