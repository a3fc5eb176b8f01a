package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The replica and metadata rules Seldon's controller applies to Models and Servers alike
 * ({@code GetValidatedScalingSpec}): counts &gt;= 0, a maxReplicas of 0 or unset means unbounded.
 */
final class SeldonReplicas {
  private SeldonReplicas() {}

  static void check(Optional<Integer> replicas, Optional<Integer> minReplicas, Optional<Integer> maxReplicas) {
    replicas.ifPresent(r -> Checks.check(r >= 0, "replicas must be >= 0 (was %d)", r));
    minReplicas.ifPresent(r -> Checks.check(r >= 0, "minReplicas must be >= 0 (was %d)", r));
    maxReplicas.ifPresent(r -> Checks.check(r >= 0, "maxReplicas must be >= 0 (was %d)", r));
    int min = minReplicas.orElse(0);
    int max = maxReplicas.orElse(0);
    if (max > 0) {
      Checks.check(min <= max, "maxReplicas must be >= minReplicas (was maxReplicas=%d, minReplicas=%d)",
          max, min);
      replicas.ifPresent(r -> Checks.check(r <= max,
          "replicas must be <= maxReplicas (was replicas=%d, maxReplicas=%d)", r, max));
    }
    if (min > 0) {
      replicas.ifPresent(r -> Checks.check(r >= min,
          "replicas must be >= minReplicas (was replicas=%d, minReplicas=%d)", r, min));
    }
  }

  static void checkMetadata(String name, Optional<String> namespace, Map<String, String> labels,
      Map<String, String> annotations) {
    Checks.dns1123Subdomain("name", name);
    namespace.ifPresent(ns -> Checks.dns1123Label("namespace", ns));
    checkLabels(labels, annotations);
  }

  /** Label keys and values, annotation keys (annotation values are free text). */
  static void checkLabels(Map<String, String> labels, Map<String, String> annotations) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      Checks.labelKey("labels key", e.getKey());
      Checks.labelValue("labels." + e.getKey(), e.getValue());
    }
    for (String key : annotations.keySet()) {
      Checks.labelKey("annotations key", key);
    }
  }

  /** Typed fields cannot hide in extraSpec: one value per field, nothing rendered twice. */
  static void checkExtraSpec(Map<String, Object> extraSpec, Set<String> typed) {
    for (Map.Entry<String, Object> e : extraSpec.entrySet()) {
      Checks.check(!typed.contains(e.getKey()), "extraSpec.%s must be set with %s(), not in extraSpec (was %s)",
          e.getKey(), e.getKey(), e.getValue());
    }
  }
}
