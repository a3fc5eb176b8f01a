package io.github.seldonhpa.scaling;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Kubernetes API server's validation ({@code ValidateHorizontalPodAutoscaler}) says about an
 * {@code autoscaling/v2} HPA spec read as generic data (the maps and lists a YAML or JSON parser gives):
 * the errors in the API server's wording ({@code spec.maxReplicas: Invalid value: 0: must be greater than
 * 0}), first error first. It checks any HPA, Seldon target or not; seldon-hpa's own value types are
 * stricter and cannot hold most of these mistakes.
 */
public final class ApiServerValidation {
  /** Feature gate: {@code minReplicas: 0} allowed. */
  public static final String HPA_SCALE_TO_ZERO = "HPAScaleToZero";
  /** Feature gate: {@code behavior.*.tolerance} honoured. */
  public static final String HPA_CONFIGURABLE_TOLERANCE = "HPAConfigurableTolerance";

  private static final List<String> SOURCE_TYPES =
      List.of("ContainerResource", "External", "Object", "Pods", "Resource");

  private ApiServerValidation() {}

  /**
   * Validates {@code spec} (the object under {@code spec:}) with the given feature gates switched on.
   *
   * @return the errors, empty when the API server would accept the spec
   */
  public static List<String> validate(Map<String, ?> spec, Set<String> featureGates) {
    List<String> errors = new ArrayList<>();
    Object min = spec.get("minReplicas");
    int lowerBound = featureGates.contains(HPA_SCALE_TO_ZERO) ? 0 : 1;
    Long minReplicas = min == null ? null : integer(min);
    if (minReplicas != null && minReplicas < lowerBound) {
      errors.add(invalid("spec.minReplicas", minReplicas, "must be greater than or equal to " + lowerBound));
    }
    long maxReplicas = spec.get("maxReplicas") == null ? 0 : integer(spec.get("maxReplicas"));
    if (maxReplicas < 1) {
      errors.add(invalid("spec.maxReplicas", maxReplicas, "must be greater than 0"));
    }
    if (minReplicas != null && maxReplicas < minReplicas) {
      errors.add(invalid("spec.maxReplicas", maxReplicas, "must be greater than or equal to `minReplicas`"));
    }
    // as in the API server, metrics are looked at only with a valid target, behavior only with valid metrics
    List<String> next = reference(map(spec.get("scaleTargetRef")), "spec.scaleTargetRef");
    if (next.isEmpty()) {
      next = metrics(list(spec.get("metrics")), minReplicas);
      if (next.isEmpty()) {
        next = behavior(map(spec.get("behavior")), featureGates);
      }
    }
    errors.addAll(next);
    return Collections.unmodifiableList(errors);
  }

  private static List<String> reference(Map<String, ?> ref, String path) {
    List<String> errors = new ArrayList<>();
    for (String field : new String[] {"kind", "name"}) {
      String value = string(ref.get(field));
      if (value.isEmpty()) {
        errors.add(required(path + "." + field, ""));
      } else {
        for (String msg : pathSegment(value)) {
          errors.add(invalid(path + "." + field, quote(value), msg));
        }
      }
    }
    return errors;
  }

  private static List<String> metrics(List<?> metrics, Long minReplicas) {
    List<String> errors = new ArrayList<>();
    boolean objectOrExternal = false;
    for (int i = 0; i < metrics.size(); i++) {
      Map<String, ?> m = map(metrics.get(i));
      String path = "spec.metrics[" + i + "]";
      String type = string(m.get("type"));
      if (type.isEmpty()) {
        errors.add(required(path + ".type", "must specify a metric source type"));
      }
      if (!SOURCE_TYPES.contains(type)) {
        errors.add(unsupported(path + ".type", type, SOURCE_TYPES));
      }
      Set<String> present = new TreeSet<>();
      for (String source : new String[] {"object", "external", "pods", "resource", "containerResource"}) {
        if (m.get(source) != null) {
          present.add(source);
          if (present.size() == 1) {
            errors.addAll(source(source, map(m.get(source)), path + "." + source));
          }
        }
      }
      String expected = type.isEmpty() ? "" : Character.toLowerCase(type.charAt(0)) + type.substring(1);
      if (!present.contains(expected)) {
        errors.add(required(path + "." + expected, "must populate information for the given metric source"));
      }
      if (present.size() != 1) {
        present.remove(expected);
        for (String other : present) {
          errors.add(path + "." + other + ": Forbidden: must populate the given metric source only");
        }
      }
      objectOrExternal |= type.equals("Object") || type.equals("External");
    }
    if (minReplicas != null && minReplicas == 0 && !objectOrExternal) {
      errors.add("spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling"
          + " to zero replicas");
    }
    return errors;
  }

  private static List<String> source(String source, Map<String, ?> src, String path) {
    List<String> errors = new ArrayList<>();
    Map<String, ?> target = map(src.get("target"));
    boolean value = target.get("value") != null;
    boolean average = target.get("averageValue") != null;
    boolean utilization = target.get("averageUtilization") != null;
    switch (source) {
      case "object":
        errors.addAll(reference(map(src.get("describedObject")), path + ".describedObject"));
        errors.addAll(identifier(map(src.get("metric")), path + ".metric"));
        errors.addAll(target(target, path + ".target"));
        if (!value && !average) {
          errors.add(required(path + ".target.averageValue", "must set either a target value or averageValue"));
        }
        break;
      case "external":
        errors.addAll(identifier(map(src.get("metric")), path + ".metric"));
        errors.addAll(target(target, path + ".target"));
        if (!value && !average) {
          errors.add(required(path + ".target.averageValue",
              "must set either a target value for metric or a per-pod target"));
        }
        if (value && average) {
          errors.add(path + ".target.value: Forbidden: may not set both a target value for metric and a per-pod target");
        }
        break;
      case "pods":
        errors.addAll(identifier(map(src.get("metric")), path + ".metric"));
        errors.addAll(target(target, path + ".target"));
        if (!average) {
          errors.add(required(path + ".target.averageValue", "must specify a positive target averageValue"));
        }
        break;
      default: // resource, containerResource
        if (string(src.get("name")).isEmpty()) {
          errors.add(required(path + ".name", "must specify a resource name"));
        }
        if (source.equals("containerResource") && string(src.get("container")).isEmpty()) {
          errors.add(required(path + ".container", "must specify a container"));
        }
        errors.addAll(target(target, path + ".target"));
        if (!utilization && !average) {
          errors.add(required(path + ".target.averageUtilization",
              "must set either a target raw value or a target utilization"));
        }
        if (utilization && average) {
          errors.add(path + ".target.averageValue: Forbidden: may not set both a target raw value and a target"
              + " utilization");
        }
    }
    return errors;
  }

  private static List<String> identifier(Map<String, ?> id, String path) {
    List<String> errors = new ArrayList<>();
    String name = string(id.get("name"));
    if (name.isEmpty()) {
      errors.add(required(path + ".name", "must specify a metric name"));
    } else {
      for (String msg : pathSegment(name)) {
        errors.add(invalid(path + ".name", quote(name), msg));
      }
    }
    return errors;
  }

  private static List<String> target(Map<String, ?> t, String path) {
    List<String> errors = new ArrayList<>();
    String type = string(t.get("type"));
    if (type.isEmpty()) {
      errors.add(required(path + ".type", "must specify a metric target type"));
    }
    if (!type.equals("Utilization") && !type.equals("Value") && !type.equals("AverageValue")) {
      errors.add(invalid(path + ".type", quote(type), "must be either Utilization, Value, or AverageValue"));
    }
    for (String field : new String[] {"value", "averageValue"}) {
      Object q = t.get(field);
      if (q != null && quantity(path + "." + field, q).signum() != 1) {
        errors.add(invalid(path + "." + field, quote(String.valueOf(q)), "must be positive"));
      }
    }
    Object u = t.get("averageUtilization");
    if (u != null && integer(u) < 1) {
      errors.add(invalid(path + ".averageUtilization", integer(u), "must be greater than 0"));
    }
    return errors;
  }

  private static List<String> behavior(Map<String, ?> behavior, Set<String> gates) {
    List<String> errors = new ArrayList<>();
    for (String direction : new String[] {"scaleUp", "scaleDown"}) {
      Object rules = behavior.get(direction);
      if (rules != null) {
        errors.addAll(rules(map(rules), "spec.behavior." + direction, gates));
      }
    }
    return errors;
  }

  private static List<String> rules(Map<String, ?> rules, String path, Set<String> gates) {
    List<String> errors = new ArrayList<>();
    Object w = rules.get("stabilizationWindowSeconds");
    if (w != null) {
      long window = integer(w);
      if (window < 0) {
        errors.add(invalid(path + ".stabilizationWindowSeconds", window, "must be greater than or equal to zero"));
      }
      if (window > 3600) {
        errors.add(invalid(path + ".stabilizationWindowSeconds", window, "must be less than or equal to 3600"));
      }
    }
    Object select = rules.get("selectPolicy");
    if (select != null && !List.of("Disabled", "Max", "Min").contains(string(select))) {
      errors.add(unsupported(path + ".selectPolicy", string(select), List.of("Disabled", "Max", "Min")));
    }
    List<?> policies = list(rules.get("policies"));
    if (policies.isEmpty()) {
      errors.add(required(path + ".policies", "must specify at least one Policy"));
    }
    for (int i = 0; i < policies.size(); i++) {
      Map<String, ?> p = map(policies.get(i));
      String pp = path + ".policies[" + i + "]";
      String type = string(p.get("type"));
      if (!type.equals("Pods") && !type.equals("Percent")) {
        errors.add(unsupported(pp + ".type", type, List.of("Percent", "Pods")));
      }
      long value = p.get("value") == null ? 0 : integer(p.get("value"));
      if (value <= 0) {
        errors.add(invalid(pp + ".value", value, "must be greater than zero"));
      }
      long period = p.get("periodSeconds") == null ? 0 : integer(p.get("periodSeconds"));
      if (period <= 0) {
        errors.add(invalid(pp + ".periodSeconds", period, "must be greater than zero"));
      }
      if (period > 1800) {
        errors.add(invalid(pp + ".periodSeconds", period, "must be less than or equal to 1800"));
      }
    }
    Object tolerance = rules.get("tolerance");
    if (tolerance != null && gates.contains(HPA_CONFIGURABLE_TOLERANCE)
        && quantity(path + ".tolerance", tolerance).signum() < 0) {
      errors.add(invalid(path + ".tolerance", quote(String.valueOf(tolerance)), "must be greater than or equal to zero"));
    }
    return errors;
  }

  /** {@code IsValidPathSegmentName}. */
  private static List<String> pathSegment(String name) {
    List<String> msgs = new ArrayList<>();
    if (name.equals(".") || name.equals("..")) {
      msgs.add("may not be '" + name + "'");
      return msgs;
    }
    if (name.contains("/")) {
      msgs.add("may not contain '/'");
    }
    if (name.contains("%")) {
      msgs.add("may not contain '%'");
    }
    return msgs;
  }

  private static String required(String path, String detail) {
    return path + ": Required value" + (detail.isEmpty() ? "" : ": " + detail);
  }

  private static String invalid(String path, Object value, String detail) {
    return path + ": Invalid value: " + value + ": " + detail;
  }

  private static String unsupported(String path, String value, List<String> supported) {
    StringBuilder sb = new StringBuilder(path).append(": Unsupported value: ").append(quote(value))
        .append(": supported values: ");
    for (int i = 0; i < supported.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(supported.get(i)));
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, ?> map(Object o) {
    if (o == null) {
      return Map.of();
    }
    if (o instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) o;
      return m;
    }
    throw new HpaValidationException("expected an object (was " + o + ")");
  }

  private static List<?> list(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List) {
      return (List<?>) o;
    }
    throw new HpaValidationException("expected a list (was " + o + ")");
  }

  private static String string(Object o) {
    return o == null ? "" : o.toString();
  }

  private static long integer(Object o) {
    if (o instanceof Number && ((Number) o).doubleValue() == Math.rint(((Number) o).doubleValue())) {
      return ((Number) o).longValue();
    }
    throw new HpaValidationException("expected an integer (was " + o + ")");
  }

  private static Quantity quantity(String path, Object o) {
    return Quantity.parse(path, o instanceof Number ? o.toString() : string(o));
  }
}
