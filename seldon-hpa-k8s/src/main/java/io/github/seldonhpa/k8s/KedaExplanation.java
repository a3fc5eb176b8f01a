package io.github.seldonhpa.k8s;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.promql.ShellWords;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What KEDA makes of one ScaledObject ({@link KedaExplain#explain}): the HPA it generates and, per trigger,
 * the External metric that HPA reads from KEDA's metrics server, with the request path to check it by hand.
 */
@Value.Immutable
public abstract class KedaExplanation {
  KedaExplanation() {}

  /** {@return the ScaledObject explained} */
  public abstract ScaledObject scaledObject();

  /** {@return the generated HPA ({@code keda-hpa-<name>})} */
  public abstract Hpa hpa();

  /** {@return the generated HPA as YAML} */
  public final String hpaYaml() {
    return Manifests.yaml(hpa());
  }

  /** {@return one entry per trigger, in order} */
  public abstract List<Trigger> triggers();

  /** One trigger's External metric. */
  @Value.Immutable
  public abstract static class Trigger {
    Trigger() {}

    /** {@return the External metric name, {@code s<index>-prometheus}} */
    public abstract String metricName();

    /** {@return the PromQL KEDA runs on every poll and on every HPA read} */
    public abstract String query();

    /** {@return the HPA's target: the threshold rounded to milli-units} */
    public abstract Quantity hpaTarget();

    /**
     * {@return the value above which KEDA activates the target from 0 (or the idle count): the activation threshold, or
     * 0}
     */
    public abstract Quantity activationThreshold();

    /**
     * {@return the HPA's request, e.g.
     * {@code /apis/external.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/s0-prometheus?labelSelector=scaledobject.keda.sh%2Fname%3Dirisa0-model}}
     */
    public abstract String apiPath();

    /** {@return {@code kubectl get --raw <apiPath>}, the path single-quoted where a shell would read it} */
    public final String kubectlCommand() {
      return "kubectl get --raw " + ShellWords.quote(apiPath());
    }
  }

  /** {@return a short report: the generated HPA's name, bounds and every trigger's metric and request} */
  public final String report() {
    StringBuilder sb = new StringBuilder();
    ScaledObject so = scaledObject();
    sb.append("ScaledObject ").append(so.namespace()).append('/').append(so.name()).append(" -> HPA ")
        .append(hpa().name()).append(" on ").append(so.scaleTargetRef().kind()).append(' ')
        .append(so.scaleTargetRef().name()).append(", replicas ").append(hpa().effectiveMinReplicas()).append("..")
        .append(hpa().maxReplicas()).append(" (KEDA: minReplicaCount ").append(so.effectiveMinReplicaCount())
        .append(so.idleReplicaCount().map(i -> ", idleReplicaCount " + i).orElse("")).append(", polling every ")
        .append(so.effectivePollingInterval().getSeconds()).append(" s, cooldown ")
        .append(so.effectiveCooldownPeriod().getSeconds()).append(" s)\n");
    for (Trigger t : triggers()) {
      sb.append("  ").append(t.metricName()).append(": AverageValue ").append(t.hpaTarget())
          .append(" per replica, active above ").append(t.activationThreshold()).append('\n')
          .append("    ").append(t.kubectlCommand()).append('\n');
    }
    return sb.toString();
  }

  static ImmutableKedaExplanation.Builder builder() {
    return ImmutableKedaExplanation.builder();
  }

  static ImmutableTrigger.Builder trigger() {
    return ImmutableTrigger.builder();
  }
}
