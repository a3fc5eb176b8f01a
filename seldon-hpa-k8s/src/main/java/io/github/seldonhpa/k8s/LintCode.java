package io.github.seldonhpa.k8s;

/**
 * The stable code of each {@link Lint} check: an id ({@code SHPA003}) that never changes meaning, a readable
 * slug and the severity its findings have.
 */
public enum LintCode {
  /** The HPA targets a Seldon kind without a scale subresource (Pipeline, Experiment, ...). */
  HPA_TARGET_NOT_SCALABLE("SHPA001", "hpa-target-not-scalable", Finding.Severity.ERROR),
  /** The HPA is described as Seldon but its target is not a Seldon Model or Server. */
  HPA_TARGET_NOT_SELDON("SHPA002", "hpa-target-not-seldon", Finding.Severity.ERROR),
  /** An Object metric on a Model or Server HPA has a target type other than AverageValue. */
  OBJECT_TARGET_NOT_AVERAGE_VALUE("SHPA003", "object-target-not-average-value", Finding.Severity.ERROR),
  /** A Model scaled by an HPA has no {@code spec.replicas}. */
  MODEL_REPLICAS_MISSING("SHPA004", "model-replicas-missing", Finding.Severity.ERROR),
  /** A Model scaled by an HPA sets {@code minReplicas}/{@code maxReplicas} (native scaling). */
  MODEL_NATIVE_BOUNDS("SHPA005", "model-native-bounds", Finding.Severity.WARNING),
  /** A Model's {@code spec.replicas} lies outside its HPA's [minReplicas, maxReplicas]. */
  MODEL_REPLICAS_OUT_OF_RANGE("SHPA006", "model-replicas-out-of-range", Finding.Severity.WARNING),
  /** The Server HPA of a single-model-serving pair differs from the Model HPA. */
  HPA_PAIR_OUT_OF_SYNC("SHPA007", "hpa-pair-out-of-sync", Finding.Severity.ERROR),
  /** A Model HPA uses a Resource, ContainerResource or Pods metric (the Model selects no pods). */
  MODEL_HPA_POD_METRIC("SHPA008", "model-hpa-pod-metric", Finding.Severity.ERROR),
  /** Two HPAs scale the same object. */
  DUPLICATE_HPA_TARGET("SHPA009", "duplicate-hpa-target", Finding.Severity.ERROR),
  /** A Server or ServerConfig carries the label key {@code server}, so the Model selector matches its pods. */
  SERVER_LABEL_SERVER("SHPA010", "server-label-server", Finding.Severity.ERROR),
  /** No prometheus-adapter rule serves the HPA metric's name. */
  METRIC_NOT_SERVED("SHPA011", "metric-not-served", Finding.Severity.ERROR),
  /** The rule that names the metric maps no label to the described object's resource or to namespaces. */
  METRIC_RESOURCE_NOT_MAPPED("SHPA012", "metric-resource-not-mapped", Finding.Severity.ERROR),
  /** The HPA metric selector uses a label the Seldon series do not carry. */
  SELECTOR_LABEL_NOT_ON_SERIES("SHPA013", "selector-label-not-on-series", Finding.Severity.WARNING),
  /** A {@code code} filter keeps one protocol's success code only ({@code 200} REST, {@code OK} gRPC). */
  SUCCESS_CODE_ONE_PROTOCOL("SHPA014", "success-code-one-protocol", Finding.Severity.WARNING),
  /** A rate window in a {@code metricsQuery} is shorter than twice the scrape interval. */
  RATE_WINDOW_TOO_SHORT("SHPA015", "rate-window-too-short", Finding.Severity.WARNING),
  /** The adapter's relist interval is shorter than the scrape interval. */
  RELIST_SHORTER_THAN_SCRAPE("SHPA016", "relist-shorter-than-scrape", Finding.Severity.WARNING),
  /** Two adapter rules produce the same metric for the same resource (the later silently wins). */
  RULES_SAME_METRIC("SHPA017", "rules-same-metric", Finding.Severity.WARNING),
  /** An external rule is namespaced but maps no label to namespaces (every query fails). */
  EXTERNAL_RULE_NO_NAMESPACE("SHPA018", "external-rule-no-namespace", Finding.Severity.ERROR),
  /** A Seldon rule's {@code seriesQuery} (with its filters and name) can match no Seldon metric. */
  SERIES_QUERY_NO_SELDON_METRIC("SHPA019", "series-query-no-seldon-metric", Finding.Severity.WARNING),
  /** The prometheus-adapter config does not load (the adapter reads it strictly). */
  ADAPTER_CONFIG_INVALID("SHPA020", "adapter-config-invalid", Finding.Severity.ERROR),
  /** A scale-up policy's period is shorter than a server pod's start-up time. */
  SCALE_UP_FASTER_THAN_SERVER_START("SHPA021", "scale-up-faster-than-server-start", Finding.Severity.WARNING),
  /** A Seldon Model/Server HPA pair scales up by Percent (explicitly or by the default policies). */
  PERCENT_SCALE_UP_ON_PAIR("SHPA022", "percent-scale-up-on-pair", Finding.Severity.WARNING),
  /** A {@code spec.behavior} field is outside the autoscaling/v2 range. */
  BEHAVIOR_OUT_OF_RANGE("SHPA023", "behavior-out-of-range", Finding.Severity.ERROR),
  /** {@code minReplicas}/{@code maxReplicas} of an HPA are missing or outside their range. */
  HPA_REPLICAS_OUT_OF_RANGE("SHPA024", "hpa-replicas-out-of-range", Finding.Severity.ERROR),
  /** A Model relies on native min/max scaling with Seldon 2.10 or later, where it is disabled. */
  NATIVE_SCALING_INERT("SHPA025", "native-scaling-inert", Finding.Severity.WARNING),
  /** A Model HPA with Seldon before 2.8.4, whose Models have no label selector. */
  MODEL_HPA_NEEDS_SELECTOR("SHPA026", "model-hpa-needs-selector", Finding.Severity.ERROR),
  /** A Server scaled by an HPA also sets {@code minReplicas}/{@code maxReplicas} (native server scaling). */
  SERVER_NATIVE_BOUNDS("SHPA027", "server-native-bounds", Finding.Severity.WARNING),
  /**
   * An HPA is written in {@code autoscaling/v1} or {@code v2beta2} (read as converted to v2), or in a version no longer
   * served.
   */
  HPA_API_VERSION("SHPA028", "hpa-api-version", Finding.Severity.WARNING),
  /** A field lint reads has the wrong type. */
  INVALID_FIELD("SHPA029", "invalid-field", Finding.Severity.ERROR),
  /**
   * An object lint does not check (unknown kind, a ConfigMap that is not an adapter config); reported only
   * when {@link LintFacts#reportNotChecked()} asks for it.
   */
  NOT_CHECKED("SHPA030", "not-checked", Finding.Severity.INFO),
  /** A custom rule's {@code metricsQuery} ignores the object or aggregates its label away. */
  METRICS_QUERY_LOSES_OBJECT("SHPA031", "metrics-query-loses-object", Finding.Severity.WARNING),
  /** The API server rejects the HPA: a required field, a name, an enum spelling, a quantity, a metric source. */
  HPA_REJECTED("SHPA032", "hpa-rejected-by-api-server", Finding.Severity.ERROR),
  /** A Seldon Model or Server breaks its CRD schema: a missing required field, a wrong type, an unknown field. */
  SELDON_CRD_INVALID("SHPA033", "seldon-crd-invalid", Finding.Severity.ERROR),
  /** The same object (kind, namespace, name) is in several places with different content. */
  OBJECT_COPIES_DIFFER("SHPA034", "object-copies-differ", Finding.Severity.WARNING),
  /** A rule's query cannot run: an empty or malformed range window, an unrendered template placeholder. */
  METRICS_QUERY_INVALID("SHPA035", "metrics-query-invalid", Finding.Severity.ERROR),
  /** A Model/Server HPA pair can settle on different replica counts (tolerance band). */
  HPA_PAIR_CAN_DIVERGE("SHPA036", "hpa-pair-can-diverge", Finding.Severity.WARNING),
  /** A mean-latency metric has an AverageValue target, which is not a per-replica quantity. */
  LATENCY_AVERAGE_VALUE("SHPA037", "latency-average-value", Finding.Severity.ERROR),

  // KEDA ScaledObjects (KedaLint); ids from 101 so the HPA checks keep their range
  /** A ScaledObject and an HPA not generated from it scale the same Model or Server (KEDA's webhook refuses it). */
  KEDA_SCALED_OBJECT_AND_HPA("SHPA101", "keda-scaled-object-and-hpa", Finding.Severity.ERROR),
  /** Two ScaledObjects scale the same Model or Server (KEDA's webhook refuses the second). */
  KEDA_DUPLICATE_TARGET("SHPA102", "keda-duplicate-target", Finding.Severity.ERROR),
  /** A Model scaled by a ScaledObject has no {@code spec.replicas}. */
  KEDA_MODEL_REPLICAS_MISSING("SHPA103", "keda-model-replicas-missing", Finding.Severity.ERROR),
  /** A Model or Server scaled by a ScaledObject sets {@code minReplicas}/{@code maxReplicas} (native scaling). */
  KEDA_NATIVE_BOUNDS("SHPA104", "keda-native-bounds", Finding.Severity.WARNING),
  /** The Model and Server ScaledObjects of a pair differ in query, threshold, bounds or behaviour. */
  KEDA_PAIR_OUT_OF_SYNC("SHPA105", "keda-pair-out-of-sync", Finding.Severity.ERROR),
  /** A Model's ScaledObject leaves {@code minReplicaCount} at KEDA's default 0. */
  KEDA_MIN_REPLICA_COUNT_DEFAULT("SHPA106", "keda-min-replica-count-default", Finding.Severity.WARNING),
  /** A ScaledObject scales to zero on a metric the Model's own server pods count: it never wakes up. */
  KEDA_ZERO_ON_MODEL_METRIC("SHPA107", "keda-zero-on-model-metric", Finding.Severity.ERROR),
  /** A prometheus trigger on a Seldon model metric does not match the scaled Model's label. */
  KEDA_QUERY_WITHOUT_MODEL("SHPA108", "keda-query-without-model", Finding.Severity.WARNING),
  /** A trigger on a Model uses metricType Value (the Model's selector matches no pods). */
  KEDA_VALUE_ON_MODEL("SHPA109", "keda-value-on-model", Finding.Severity.ERROR),
  /** minReplicaCount, maxReplicaCount and idleReplicaCount break KEDA's bounds rule. */
  KEDA_REPLICA_BOUNDS("SHPA110", "keda-replica-bounds", Finding.Severity.ERROR);

  private final String id;
  private final String slug;
  private final Finding.Severity severity;

  LintCode(String id, String slug, Finding.Severity severity) {
    this.id = id;
    this.slug = slug;
    this.severity = severity;
  }

  /** {@return the stable id, {@code SHPA001}..} */
  public String id() {
    return id;
  }

  /** {@return the readable name, {@code hpa-target-not-scalable}..} */
  public String slug() {
    return slug;
  }

  /** {@return the severity of this check's findings} */
  public Finding.Severity severity() {
    return severity;
  }
}
