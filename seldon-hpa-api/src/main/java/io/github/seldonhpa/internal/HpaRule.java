package io.github.seldonhpa.internal;

import io.github.seldonhpa.HpaValidationException;
import java.util.List;

/**
 * The autoscaling/v2 HorizontalPodAutoscaler rules the API server enforces, each with the one wording the
 * library uses for it (value types, the read side's API-server validation and lint) and the API server's own
 * detail text, kept to match its errors. Source: kubernetes/kubernetes
 * {@code pkg/apis/autoscaling/validation/validation.go} at commit
 * {@code 0fec7b0f7e2dfd4b0c6c57e086472546f6c69efa} ({@code validateHorizontalPodAutoscalerSpec},
 * {@code validateMetricSpec}, {@code validate*Source}, {@code validateMetricTarget},
 * {@code validateScalingRules}, {@code validateScalingPolicy}), plus the object name and namespace rules
 * of {@code ValidateObjectMeta} and the JSON decoding of typed fields. Not API.
 */
public enum HpaRule {
  /** A field the API server requires. */
  REQUIRED("must be set", "Required"),
  /** A field of the wrong JSON type: the API server fails to decode the object. */
  TYPE("must be of the field's type", "json: cannot unmarshal"),
  /** A field the version's schema does not have: kubectl's strict field validation refuses the object. */
  UNKNOWN_FIELD("is not a field of its type", "unknown field"),
  /** {@code metadata.name}. */
  NAME("must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a"
      + " letter or digit, at most 253 characters", "a lowercase RFC 1123 subdomain must consist of"),
  /** {@code metadata.namespace}. */
  NAMESPACE("must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter"
      + " or digit, at most 63 characters", "a lowercase RFC 1123 label must consist of"),
  /** {@code spec.minReplicas} with the HPAScaleToZero gate off. */
  MIN_REPLICAS("must be >= 1: 0 needs the HPAScaleToZero feature gate (alpha, off by default) and an Object or"
      + " External metric; KEDA scales to zero without it", "must be greater than or equal to 1"),
  /** {@code spec.maxReplicas}. */
  MAX_REPLICAS("must be >= 1", "must be greater than 0"),
  /** {@code spec.maxReplicas} below {@code spec.minReplicas}. */
  MAX_BELOW_MIN("must be >= minReplicas", "must be greater than or equal to `minReplicas`"),
  /** {@code minReplicas: 0} (gate on) without an Object or External metric. */
  SCALE_TO_ZERO("must list an Object or External metric when minReplicas is 0",
      "must specify at least one Object or External metric to support scaling to zero replicas"),
  /** Kinds, object names and metric names go into URL paths. */
  PATH_SEGMENT("must be a valid path segment: not empty, not . or .., without / or %", "may not contain '/'",
      "may not contain '%'", "may not be"),
  /** {@code metrics[].type} unset. */
  METRIC_TYPE_MISSING("must be set", "must specify a metric source type"),
  /** {@code metric.name} of a Object, Pods or External metric unset. */
  METRIC_NAME("must be set", "must specify a metric name"),
  /** {@code target.type} unset. */
  TARGET_TYPE_MISSING("must be set", "must specify a metric target type"),
  /** {@code metrics[].type}. */
  METRIC_TYPE("must be Object, Pods, Resource, ContainerResource or External", "Unsupported value"),
  /** The source field named by the metric's type is missing. */
  METRIC_SOURCE_MISSING("must be set for the metric's type", "must populate information for the given metric source"),
  /** A source field other than the one the type names is set. */
  METRIC_SOURCE_OTHER("must not be set: a metric has only the source its type names",
      "must populate the given metric source only"),
  /** {@code target.type}. */
  TARGET_TYPE("must be Utilization, Value or AverageValue", "must be either Utilization, Value, or AverageValue"),
  /** A quantity that does not parse. */
  QUANTITY("must be a quantity such as 3, 500m or 1.5k", "quantities must match the regular expression"),
  /** {@code target.value}, {@code target.averageValue}. */
  POSITIVE("must be > 0", "must be positive"),
  /** {@code target.averageUtilization}. */
  UTILIZATION("must be > 0", "must be greater than 0"),
  /** An Object metric's target without value or averageValue. */
  OBJECT_TARGET("must be set (or target.value)", "must set either a target value or averageValue"),
  /** An External metric's target without value or averageValue. */
  EXTERNAL_TARGET("must be set (or target.value)", "must set either a target value for metric or a per-pod target"),
  /** An External metric's target with both. */
  EXTERNAL_BOTH("must not be set together with target.averageValue",
      "may not set both a target value for metric and a per-pod target"),
  /** A Pods metric's target without averageValue. */
  PODS_TARGET("must be set", "must specify a positive target averageValue"),
  /** A Resource or ContainerResource metric without a resource name. */
  RESOURCE_NAME("must be set", "must specify a resource name"),
  /** A ContainerResource metric without a container. */
  CONTAINER("must be set", "must specify a container"),
  /** A Resource or ContainerResource target without averageUtilization or averageValue. */
  RESOURCE_TARGET("must be set (or target.averageValue)", "must set either a target raw value or a target utilization"),
  /** A Resource or ContainerResource target with both. */
  RESOURCE_BOTH("must not be set together with target.averageUtilization",
      "may not set both a target raw value and a target utilization"),
  /** {@code behavior.*.stabilizationWindowSeconds}. */
  STABILIZATION_WINDOW("must be in 0..3600", "must be greater than or equal to zero",
      "must be less than or equal to 3600"),
  /** {@code behavior.*.selectPolicy}. */
  SELECT_POLICY("must be Max, Min or Disabled", "Unsupported value"),
  /** {@code behavior.*.policies} set but empty. */
  POLICIES("must list at least one policy", "must specify at least one Policy"),
  /** {@code behavior.*.policies[].type}. */
  POLICY_TYPE("must be Pods or Percent", "Unsupported value"),
  /** {@code behavior.*.policies[].value}. */
  POLICY_VALUE("must be > 0", "must be greater than zero"),
  /** {@code behavior.*.policies[].periodSeconds}. */
  POLICY_PERIOD("must be in 1..1800", "must be greater than zero", "must be less than or equal to 1800"),
  /** {@code behavior.*.tolerance}. */
  TOLERANCE("must be >= 0", "must be greater than or equal to zero");

  /** The longest stabilization window, in seconds. */
  public static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
  /** The longest policy period, in seconds. */
  public static final int MAX_PERIOD_SECONDS = 1800;

  private final String wording;
  private final List<String> apiServerTexts;

  HpaRule(String wording, String... apiServerTexts) {
    this.wording = wording;
    this.apiServerTexts = List.of(apiServerTexts);
  }

  /** The library's wording of the rule: {@code must be in 0..3600}. */
  public String wording() {
    return wording;
  }

  /** Parts of the API server's messages for this rule (one per bound), to match its errors against. */
  public List<String> apiServerTexts() {
    return apiServerTexts;
  }

  /** {@code <field> <wording> (was <was>)}. */
  public String message(String field, Object was) {
    return field + " " + wording + " (was " + was + ")";
  }

  /** {@code <field> must be <expected> (was <was>)}, for {@link #TYPE}. */
  public static String typeMessage(String field, String expected, Object was) {
    return field + " must be " + expected + " (was " + was + ")";
  }

  /** Throws {@link HpaValidationException} with {@link #message} unless {@code ok}. */
  public void require(boolean ok, String field, Object was) {
    if (!ok) {
      throw new HpaValidationException(message(field, was));
    }
  }

  /** Whether a stabilization window in seconds is allowed. */
  public static boolean windowOk(long seconds) {
    return seconds >= 0 && seconds <= MAX_STABILIZATION_WINDOW_SECONDS;
  }

  /** Whether a policy period in seconds is allowed. */
  public static boolean periodOk(long seconds) {
    return seconds >= 1 && seconds <= MAX_PERIOD_SECONDS;
  }
}
