package io.github.seldonhpa.scaling;

/**
 * One HPA status condition ({@code status.conditions[*]}) as set by a reconcile: type, status and reason.
 */
public final class HpaCondition {
  /** The condition types the controller sets. */
  public enum Type {
    /** {@code AbleToScale}. */
    ABLE_TO_SCALE("AbleToScale"),
    /** {@code ScalingActive}. */
    SCALING_ACTIVE("ScalingActive"),
    /** {@code ScalingLimited}. */
    SCALING_LIMITED("ScalingLimited");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** {@return the spelling in the HPA status} */
    public String yamlName() {
      return yaml;
    }
  }

  private final Type type;
  private final boolean status;
  private final String reason;

  HpaCondition(Type type, boolean status, String reason) {
    this.type = type;
    this.status = status;
    this.reason = reason;
  }

  /** {@return the condition type} */
  public Type type() {
    return type;
  }

  /** {@return {@code True} or {@code False}} */
  public boolean status() {
    return status;
  }

  /** {@return the reason, e.g. {@code ScaleUpLimit}} */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HpaCondition && ((HpaCondition) o).type == type && ((HpaCondition) o).status == status
        && ((HpaCondition) o).reason.equals(reason);
  }

  @Override
  public int hashCode() {
    return (type.hashCode() * 31 + Boolean.hashCode(status)) * 31 + reason.hashCode();
  }

  /** {@code AbleToScale=True/SucceededRescale}. */
  @Override
  public String toString() {
    return type.yamlName() + "=" + (status ? "True" : "False") + "/" + reason;
  }
}
