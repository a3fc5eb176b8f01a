package io.github.seldonhpa.k8s;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem {@link Lint} found: its code and severity, the object and the path of the field
 * ({@code spec.metrics[0].object.target.type}), where it was read, what is wrong and how to fix it.
 */
@Value.Immutable
public abstract class Finding {
  /** How bad a finding is. */
  public enum Severity {
    /** The setup does not work as written. */
    ERROR,
    /** The setup works but misbehaves under some load or version. */
    WARNING,
    /** Worth knowing; nothing is wrong. */
    INFO
  }

  /** {@return the check that produced it} */
  public abstract LintCode code();

  /** {@return the severity, the code's} */
  public final Severity severity() {
    return code().severity();
  }

  /** {@return the file or stream the object was read from; {@code <adapter config>} for a config given as a value} */
  public abstract String source();

  /** {@return the document in the source, counted from 1; 0 for a config given as a value} */
  public abstract int document();

  /** {@return the object: {@code HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa}} */
  public abstract String object();

  /** {@return the path of the field in the object; empty for the object as a whole} */
  public abstract String path();

  /** {@return where the field (or its nearest written parent) is in the source, when known} */
  public abstract Optional<Position> position();

  /** {@return what is wrong, in the library's {@code <field> <rule> (was <value>)} style where it fits} */
  public abstract String message();

  /** {@return how to fix it} */
  public abstract String fix();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableFinding.builder();
  }

  /** Builds {@link Finding}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Finding whose values are copied
     * @return this builder
     */
    public abstract Builder from(Finding instance);

    /**
     * Sets {@link Finding#code()}.
     *
     * @param code the check that produced it
     * @return this builder
     */
    public abstract Builder code(LintCode code);

    /**
     * Sets {@link Finding#source()}.
     *
     * @param source the file or stream the object was read from; {@code <adapter config>} for a config given as a value
     * @return this builder
     */
    public abstract Builder source(String source);

    /**
     * Sets {@link Finding#document()}.
     *
     * @param document the document in the source, counted from 1; 0 for a config given as a value
     * @return this builder
     */
    public abstract Builder document(int document);

    /**
     * Sets {@link Finding#object()}.
     *
     * @param object the object: {@code HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa}
     * @return this builder
     */
    public abstract Builder object(String object);

    /**
     * Sets {@link Finding#path()}.
     *
     * @param path the path of the field in the object; empty for the object as a whole
     * @return this builder
     */
    public abstract Builder path(String path);

    /**
     * Sets {@link Finding#position()}.
     *
     * @param position where the field (or its nearest written parent) is in the source, when known
     * @return this builder
     */
    public abstract Builder position(Position position);

    /**
     * Sets or clears {@link Finding#position()}.
     *
     * @param position the value, or empty to clear it; where the field (or its nearest written parent) is in the
     *     source, when known
     * @return this builder
     */
    public abstract Builder position(Optional<? extends Position> position);

    /**
     * Sets {@link Finding#message()}.
     *
     * @param message what is wrong, in the library's {@code <field> <rule> (was <value>)} style where it fits
     * @return this builder
     */
    public abstract Builder message(String message);

    /**
     * Sets {@link Finding#fix()}.
     *
     * @param fix how to fix it
     * @return this builder
     */
    public abstract Builder fix(String fix);

    /**
     * Builds the {@link Finding}, checking every rule of its fields.
     *
     * @return the Finding
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Finding build();

}

  /**
   * One line for reports:
   * {@code ERROR SHPA003 hpa.yaml:22:9 HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa
   * spec.metrics[0].object.target.type: <message>; fix: <fix>}.
   */
  @Override
  public final String toString() {
    return severity() + " " + code().id() + " " + source()
        + position().map(p -> ":" + p.line() + ":" + p.column()).orElse("") + " " + object()
        + (path().isEmpty() ? "" : " " + path()) + ": " + message() + "; fix: " + fix();
  }
}
