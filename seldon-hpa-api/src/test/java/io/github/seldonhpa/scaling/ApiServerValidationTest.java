package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiServerValidationTest {
  private static Map<String, Object> seldonModelHpa(Object behavior) {
    return Map.of(
        "scaleTargetRef", Map.of("apiVersion", "mlops.seldon.io/v1alpha1", "kind", "Model", "name", "irisa0"),
        "minReplicas", 1, "maxReplicas", 3,
        "metrics", List.of(Map.of("type", "Object", "object", Map.of(
            "metric", Map.of("name", "infer_rps"),
            "describedObject", Map.of("apiVersion", "mlops.seldon.io/v1alpha1", "kind", "Model", "name", "irisa0"),
            "target", Map.of("type", "AverageValue", "averageValue", 3)))),
        "behavior", behavior);
  }

  @Test
  void theSeedsModelHpaIsAccepted() {
    assertThat(ApiServerValidation.validate(seldonModelHpa(Map.of("scaleUp", Map.of("stabilizationWindowSeconds", 60,
        "policies", List.of(Map.of("type", "Pods", "value", 5, "periodSeconds", 90))))), Set.of())).isEmpty();
  }

  @Test
  void behaviorErrorsReadAsTheApiServerWritesThem() {
    assertThat(ApiServerValidation.validate(seldonModelHpa(Map.of("scaleUp", Map.of("stabilizationWindowSeconds", 4000,
        "selectPolicy", "Maximum", "policies", List.of(Map.of("type", "Pod", "value", 0, "periodSeconds", 3600))))),
        Set.of())).containsExactly(
            "spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600",
            "spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Maximum\": supported values: \"Disabled\","
                + " \"Max\", \"Min\"",
            "spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Pod\": supported values: \"Percent\","
                + " \"Pods\"",
            "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero",
            "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800");
  }

  @Test
  void metricsAreCheckedOnlyWithAValidTarget() {
    assertThat(ApiServerValidation.validate(Map.of("scaleTargetRef", Map.of("kind", "Model"), "maxReplicas", 0,
        "metrics", List.of(Map.of("type", "Cheese"))), Set.of())).containsExactly(
            "spec.maxReplicas: Invalid value: 0: must be greater than 0",
            "spec.scaleTargetRef.name: Required value");
  }
}
