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

  /** The check that produced it. */
  public abstract LintCode code();

  /** The severity, the code's. */
  public final Severity severity() {
    return code().severity();
  }

  /** The file or stream the object was read from; {@code <adapter config>} for a config given as a value. */
  public abstract String source();

  /** The document in the source, counted from 1; 0 for a config given as a value. */
  public abstract int document();

  /** The object: {@code HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa}. */
  public abstract String object();

  /** The path of the field in the object; empty for the object as a whole. */
  public abstract String path();

  /** Where the field (or its nearest written parent) is in the source, when known. */
  public abstract Optional<Position> position();

  /** What is wrong, in the library's {@code <field> <rule> (was <value>)} style where it fits. */
  public abstract String message();

  /** How to fix it. */
  public abstract String fix();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Finding}. */
  public static class Builder extends ImmutableFinding.Builder {}

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
