package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Seldon Core 2 Server CR ({@code mlops.seldon.io/v1alpha1}, kind {@code Server}). A Server scaled by
 * an HPA leaves {@code minReplicas}/{@code maxReplicas} unset, so Seldon's own server scaling does not
 * also write {@code spec.replicas}.
 */
@Value.Immutable
public abstract class Server {
  private static final Set<String> TYPED = Set.of("serverConfig", "replicas", "minReplicas", "maxReplicas");

  Server() {}

  /** {@code metadata.name}: a DNS-1123 subdomain. */
  public abstract String name();

  /** {@code metadata.namespace}: a DNS-1123 label. Default: none (the namespace applied to). */
  public abstract Optional<String> namespace();

  /** {@code metadata.labels}, in insertion order. Default: empty. */
  public abstract Map<String, String> labels();

  /** {@code spec.serverConfig}: the ServerConfig to run ({@code mlserver}, {@code triton}). Required. */
  public abstract String serverConfig();

  /** {@code spec.replicas}. Range: &gt;= 0. Default: none (Seldon uses 1, or minReplicas). */
  public abstract Optional<Integer> replicas();

  /** {@code spec.minReplicas}: for Seldon's own server scaling. Range: &gt;= 0. Default: none. */
  public abstract Optional<Integer> minReplicas();

  /** {@code spec.maxReplicas}: 0 or unset is unbounded. Range: &gt;= minReplicas when &gt; 0. */
  public abstract Optional<Integer> maxReplicas();

  /**
   * Other {@code spec} fields of the Server CRD ({@code podSpec}, {@code capabilities}, ...), rendered as
   * given. Must not repeat a typed field. Default: empty.
   */
  public abstract Map<String, Object> extraSpec();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Server}. */
  public static class Builder extends ImmutableServer.Builder {}

  @Value.Check
  final void check() {
    SeldonReplicas.checkMetadata(name(), namespace(), labels());
    Checks.dns1123Subdomain("serverConfig", serverConfig());
    SeldonReplicas.check(replicas(), minReplicas(), maxReplicas());
    SeldonReplicas.checkExtraSpec(extraSpec(), TYPED);
  }
}
