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
     * Fill a builder with attribute values from the provided {@code Finding} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Finding instance);

    /**
     * Initializes the value for the {@link Finding#code() code} attribute.
     * @param code The value for code 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder code(LintCode code);

    /**
     * Initializes the value for the {@link Finding#source() source} attribute.
     * @param source The value for source 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder source(String source);

    /**
     * Initializes the value for the {@link Finding#document() document} attribute.
     * @param document The value for document 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder document(int document);

    /**
     * Initializes the value for the {@link Finding#object() object} attribute.
     * @param object The value for object 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder object(String object);

    /**
     * Initializes the value for the {@link Finding#path() path} attribute.
     * @param path The value for path 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder path(String path);

    /**
     * Initializes the optional value {@link Finding#position() position} to position.
     * @param position The value for position
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder position(Position position);

    /**
     * Initializes the optional value {@link Finding#position() position} to position.
     * @param position The value for position
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder position(Optional<? extends Position> position);

    /**
     * Initializes the value for the {@link Finding#message() message} attribute.
     * @param message The value for message 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder message(String message);

    /**
     * Initializes the value for the {@link Finding#fix() fix} attribute.
     * @param fix The value for fix 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder fix(String fix);

    /**
     * Builds a new {@link Finding Finding}.
     * @return An immutable instance of Finding
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
