package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One Seldon Server of a {@link Fleet} and the Models it hosts. Its replicas are set by, in this order: its
 * Server {@link #hpa()} (the 1:1 single-model-serving pair, on the same metric as the Model HPA); Seldon's
 * native server scaling (the largest model replica count, capped at {@link #maxReplicas()}), when
 * {@link #serverAutoscaling()}; or nobody, staying at {@link #initialReplicas()}.
 *
 * <p>{@link #nativeScaling()} holds the agent's {@code SELDON_*} settings, which apply to every model on the
 * Server: when present, its models are scaled by Seldon's lag-based scaling instead of their HPAs.
 */
@Value.Immutable
public abstract class FleetServer {
  FleetServer() {}

  /** {@return the Server's name, unique in the fleet} */
  public abstract String name();

  /** {@return the Models it hosts} Range: at least one; exactly one with a Server {@link #hpa()}. */
  public abstract List<FleetModel> models();

  /** {@return the Server HPA of a single-model-serving pair} Default: none. */
  public abstract Optional<Hpa> hpa();

  /** {@return when the Server HPA first reconciles} Range: 0..syncPeriod. Default: 0. */
  @Value.Default
  public Duration hpaOffset() {
    return Duration.ZERO;
  }

  /** {@return the Server's agent settings for native model scaling (per Server, not per model)} Default: none. */
  public abstract Optional<NativeScaling> nativeScaling();

  /** {@return Helm {@code autoscaling.autoscalingServerEnabled}, used without a Server HPA} Default: true. */
  @Value.Default
  public boolean serverAutoscaling() {
    return true;
  }

  /**
   * {@return the Server's {@code maxReplicas} for native server scaling} Default: the models' highest HPA maxReplicas.
   */
  public abstract OptionalInt maxReplicas();

  /** {@return replicas at the start, all ready} Default: the largest initial model replica count. */
  public abstract OptionalInt initialReplicas();

  /** {@return how long a new server pod takes, once bound to a node, to load its models and serve} Default: 60 s. */
  @Value.Default
  public StartupDelay startup() {
    return StartupDelay.fixed(Duration.ofSeconds(60));
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableFleetServer.builder();
  }

  /** Builds {@link FleetServer}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the FleetServer whose values are copied
     * @return this builder
     */
    public abstract Builder from(FleetServer instance);

    /**
     * Sets {@link FleetServer#name()}.
     *
     * @param name the Server's name, unique in the fleet
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Adds one element to {@link FleetServer#models()}.
     *
     * @param element the element to append; the list is the Models it hosts. Range: at least one; exactly one with a
     *     Server {@link #hpa()}
     * @return this builder
     */
    public abstract Builder addModel(FleetModel element);

    /**
     * Adds elements to {@link FleetServer#models()}.
     *
     * @param elements the elements to append, in order; the list is the Models it hosts. Range: at least one; exactly
     *     one with a Server {@link #hpa()}
     * @return this builder
     */
    public abstract Builder addModels(FleetModel... elements);

    /**
     * Replaces {@link FleetServer#models()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is the Models it hosts.
     *     Range: at least one; exactly one with a Server {@link #hpa()}
     * @return this builder
     */
    public abstract Builder models(Iterable<? extends FleetModel> elements);

    /**
     * Adds elements to {@link FleetServer#models()}.
     *
     * @param elements the elements to append, in iteration order; the list is the Models it hosts. Range: at least one;
     *     exactly one with a Server {@link #hpa()}
     * @return this builder
     */
    public abstract Builder addAllModels(Iterable<? extends FleetModel> elements);

    /**
     * Sets {@link FleetServer#hpa()}.
     *
     * @param hpa the Server HPA of a single-model-serving pair. Default: none
     * @return this builder
     */
    public abstract Builder hpa(Hpa hpa);

    /**
     * Sets or clears {@link FleetServer#hpa()}.
     *
     * @param hpa the value, or empty to clear it; the Server HPA of a single-model-serving pair. Default: none
     * @return this builder
     */
    public abstract Builder hpa(Optional<? extends Hpa> hpa);

    /**
     * Sets {@link FleetServer#hpaOffset()}.
     *
     * @param hpaOffset when the Server HPA first reconciles. Range: 0..syncPeriod. Default: 0
     * @return this builder
     */
    public abstract Builder hpaOffset(Duration hpaOffset);

    /**
     * Sets {@link FleetServer#nativeScaling()}.
     *
     * @param nativeScaling the Server's agent settings for native model scaling (per Server, not per model). Default:
     *     none
     * @return this builder
     */
    public abstract Builder nativeScaling(NativeScaling nativeScaling);

    /**
     * Sets or clears {@link FleetServer#nativeScaling()}.
     *
     * @param nativeScaling the value, or empty to clear it; the Server's agent settings for native model scaling (per
     *     Server, not per model). Default: none
     * @return this builder
     */
    public abstract Builder nativeScaling(Optional<? extends NativeScaling> nativeScaling);

    /**
     * Sets {@link FleetServer#serverAutoscaling()}.
     *
     * @param serverAutoscaling Helm {@code autoscaling.autoscalingServerEnabled}, used without a Server HPA. Default:
     *     true
     * @return this builder
     */
    public abstract Builder serverAutoscaling(boolean serverAutoscaling);

    /**
     * Sets {@link FleetServer#maxReplicas()}.
     *
     * @param maxReplicas the Server's {@code maxReplicas} for native server scaling. Default: the models' highest HPA
     *     maxReplicas
     * @return this builder
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Sets or clears {@link FleetServer#maxReplicas()}.
     *
     * @param maxReplicas the value, or empty to clear it; the Server's {@code maxReplicas} for native server scaling.
     *     Default: the models' highest HPA maxReplicas
     * @return this builder
     */
    public abstract Builder maxReplicas(OptionalInt maxReplicas);

    /**
     * Sets {@link FleetServer#initialReplicas()}.
     *
     * @param initialReplicas replicas at the start, all ready. Default: the largest initial model replica count
     * @return this builder
     */
    public abstract Builder initialReplicas(int initialReplicas);

    /**
     * Sets or clears {@link FleetServer#initialReplicas()}.
     *
     * @param initialReplicas the value, or empty to clear it; replicas at the start, all ready. Default: the largest
     *     initial model replica count
     * @return this builder
     */
    public abstract Builder initialReplicas(OptionalInt initialReplicas);

    /**
     * Sets {@link FleetServer#startup()}.
     *
     * @param startup how long a new server pod takes, once bound to a node, to load its models and serve. Default: 60 s
     * @return this builder
     */
    public abstract Builder startup(StartupDelay startup);

    /**
     * Builds the {@link FleetServer}, checking every rule of its fields.
     *
     * @return the FleetServer
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract FleetServer build();

}

  /**
   * {@return a single-model-serving pair: the Model with its Model HPA on this Server with the Server HPA}
   *
   * @param server the Server's name; it hosts only {@code model}
   * @param model the Model with its Model HPA
   * @param serverHpa the Server HPA, on the same metric, bounds and behaviour as the Model HPA
   */
  public static FleetServer pair(String server, FleetModel model, Hpa serverHpa) {
    return builder().name(server).addModels(model).hpa(serverHpa).build();
  }

  final int initial() {
    return initialReplicas().orElseGet(() -> models().stream().mapToInt(FleetModel::initial).max().orElse(1));
  }

  final int cap() {
    if (hpa().isPresent()) {
      return hpa().get().maxReplicas();
    }
    return maxReplicas().orElseGet(() -> models().stream().mapToInt(m -> m.hpa().maxReplicas()).max().orElse(1));
  }

  @Value.Check
  final void check() {
    Checks.notBlank("name", name());
    Checks.check(!models().isEmpty(), "servers[%s].models must not be empty (was [])", name());
    hpa().ifPresent(h -> {
      Checks.check(models().size() == 1, "servers[%s].hpa needs exactly one model, single-model serving (was %d)",
          name(), models().size());
      Simulation.targetMilli("servers[" + name() + "].hpa", h);
    });
    Checks.check(!hpaOffset().isNegative(), "servers[%s].hpaOffset must be >= 0 (was %s)", name(), hpaOffset());
    maxReplicas().ifPresent(n -> Checks.check(n >= 1, "servers[%s].maxReplicas must be >= 1 (was %d)", name(), n));
    initialReplicas().ifPresent(n -> Checks.check(n >= 1, "servers[%s].initialReplicas must be >= 1 (was %d)",
        name(), n));
    Set<String> names = new HashSet<>();
    for (FleetModel m : models()) {
      Checks.check(names.add(m.name()), "servers[%s].models has %s twice", name(), m.name());
    }
  }
}
