package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Seldon Core 2 Model CR ({@code mlops.seldon.io/v1alpha1}, kind {@code Model}). A Model scaled by an
 * HPA sets {@code replicas} and neither {@code minReplicas} nor {@code maxReplicas} (those turn on
 * Seldon's lag-based scaling, which would fight the HPA); {@link ScalingPlan#model()} derives such a
 * Model. A Model built here with min/max uses Seldon's native scaling (see {@link NativeScaling}).
 */
@Value.Immutable
public abstract class Model {
  private static final Set<String> TYPED = Set.of(
      "storageUri", "requirements", "memory", "server", "replicas", "minReplicas", "maxReplicas");

  Model() {}

  /** {@code metadata.name}: a DNS-1123 subdomain. */
  public abstract String name();

  /** {@code metadata.namespace}: a DNS-1123 label. Default: none (the namespace applied to). */
  public abstract Optional<String> namespace();

  /** {@code metadata.labels}, in insertion order. Default: empty. */
  public abstract Map<String, String> labels();

  /** {@code spec.storageUri}: where the model artifact is ({@code gs://seldon-models/...}). Required. */
  public abstract String storageUri();

  /** {@code spec.requirements}: capabilities a Server must offer ({@code sklearn}). Default: empty. */
  public abstract List<String> requirements();

  /** {@code spec.memory}: the memory the model needs. Range: &gt; 0. Default: none. */
  public abstract Optional<Quantity> memory();

  /** {@code spec.server}: pins the model to this Server. Default: none (the scheduler picks one). */
  public abstract Optional<String> server();

  /** {@code spec.replicas}. Range: &gt;= 0. Default: none (Seldon uses 1, or minReplicas). */
  public abstract Optional<Integer> replicas();

  /** {@code spec.minReplicas}: with maxReplicas, turns on native lag-based scaling. Range: &gt;= 0. */
  public abstract Optional<Integer> minReplicas();

  /** {@code spec.maxReplicas}: 0 or unset is unbounded. Range: &gt;= minReplicas when &gt; 0. */
  public abstract Optional<Integer> maxReplicas();

  /**
   * Other {@code spec} fields of the Model CRD ({@code dedicated}, {@code parameters}, ...), rendered as
   * given. Must not repeat a typed field. Default: empty.
   */
  public abstract Map<String, Object> extraSpec();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Model}. */
  public static class Builder extends ImmutableModel.Builder {
    /** {@code spec.memory} parsed as a quantity ({@code "3M"}). */
    public final Builder memory(String memory) {
      return memory(Quantity.parse("memory", memory));
    }
  }

  /** Whether Seldon's lag-based scaling applies to this Model: minReplicas or maxReplicas is above 0. */
  public final boolean nativeScaling() {
    return minReplicas().orElse(0) > 0 || maxReplicas().orElse(0) > 0;
  }

  @Value.Check
  final void check() {
    SeldonReplicas.checkMetadata(name(), namespace(), labels());
    Checks.notBlank("storageUri", storageUri());
    for (int i = 0; i < requirements().size(); i++) {
      Checks.notBlank("requirements[" + i + "]", requirements().get(i));
    }
    memory().ifPresent(m -> Checks.check(m.signum() > 0, "memory must be > 0 (was %s)", m));
    server().ifPresent(s -> Checks.dns1123Subdomain("server", s));
    SeldonReplicas.check(replicas(), minReplicas(), maxReplicas());
    SeldonReplicas.checkExtraSpec(extraSpec(), TYPED);
  }
}
