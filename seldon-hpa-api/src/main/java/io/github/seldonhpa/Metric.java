package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;

/**
 * One entry of the HPA's {@code spec.metrics}: an {@link ObjectMetric}, {@link PodsMetric},
 * {@link ResourceMetric} or {@link ExternalMetric}. Seldon HPAs use Object metrics with AverageValue
 * targets; the other kinds are here so existing HPAs can be read and checked.
 */
public abstract sealed class Metric permits ObjectMetric, PodsMetric, ResourceMetric, ExternalMetric {
  /** The metric source ({@code type} in YAML). */
  public enum Type {
    /** A metric describing one Kubernetes object ({@code Object}). */
    OBJECT("Object"),
    /** A metric averaged over the target's pods ({@code Pods}). */
    PODS("Pods"),
    /** CPU or memory of the target's pods ({@code Resource}). */
    RESOURCE("Resource"),
    /** A metric not tied to any Kubernetes object ({@code External}). */
    EXTERNAL("External");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** {@return the spelling in YAML: {@code Object}, {@code Pods}, {@code Resource} or {@code External}} */
    public String yamlName() {
      return yaml;
    }

    /**
     * {@return the type spelled as in YAML}
     *
     * @param field the YAML path of the value, named in the error message
     * @param value the type as written in YAML, such as {@code Object}
     * @throws HpaValidationException for any other spelling
     */
    public static Type fromYaml(String field, String value) {
      return Checks.yamlConstant(field, value, values(), Type::yamlName);
    }
  }

  // sealed: the four subclasses are the only metric kinds, and each is implemented only by its generated class
  Metric() {}

  /** {@return {@code type}} */
  public abstract Type type();

  /** {@return {@code target}} */
  public abstract MetricTarget target();

  /** A short description for messages: the type and the metric or resource name ({@code Object infer_rps}). */
  abstract String describe();
}
