package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.KedaExplain;
import io.github.seldonhpa.k8s.KedaManifests;
import io.github.seldonhpa.k8s.KedaReading;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import io.github.seldonhpa.test.PrometheusExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rendered ScaledObjects' prometheus triggers run against a real Prometheus holding
 * {@link SyntheticSeldonSeries}: each query returns the one sample KEDA needs, with the known rate, and the
 * replicas follow from KEDA's activation and its HPA's arithmetic.
 */
class KedaTriggersIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  private static final AdapterConfig SEEDS_CONFIG = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));
  private static final List<Series> KNOWN = SyntheticSeldonSeries.SERIES.stream()
      .map(s -> Series.of(SeldonPresets.MODEL_INFER_TOTAL, s.labels())).collect(Collectors.toList());

  private static List<ScaledObject> render(String model, String server, String target, KedaOptions options) {
    ScalingPlan plan = scalingPlan(model).namespace("seldon-mesh").serverName(server)
        .addMetric(objectMetric("infer_rps", averageValue(target))).replicas(1, 5).build();
    return KedaManifests.scaledObjects(plan, options, SEEDS_CONFIG, KNOWN);
  }

  private static KedaReading read(ScaledObject so, int current) {
    return KedaExplain.read(so, PROMETHEUS.client(), END, current);
  }

  @Test
  void theSeedsPairsTriggersReturnTheKnownRate() {
    List<ScaledObject> pair = render("irisa0", "mlserver", "3", keda("http://127.0.0.1:9090").build());
    assertThat(pair).extracting(ScaledObject::name).containsExactly("irisa0-model", "mlserver-server");
    for (ScaledObject so : pair) {
      KedaReading r = read(so, 1);
      assertThat(r.values()).singleElement().satisfies(v -> {
        assertThat(v.metricName()).isEqualTo("s0-prometheus");
        assertThat(Math.abs(v.value() - 7.5)).isLessThan(1e-9);
        assertThat(v.milliValue()).isEqualTo(7500);
        assertThat(v.active()).isTrue();
        assertThat(v.proposal()).isEqualTo(3); // ceil(7.5 / 3)
      });
      assertThat(r.desiredReplicas()).isEqualTo(3);
      // at 3 replicas the ratio 7.5 / 9 is outside the tolerance: still 3
      assertThat(read(so, 3).desiredReplicas()).isEqualTo(3);
    }
  }

  @Test
  void replicasFollowTheRateTheTargetAndTheBounds() {
    // income: 4.0625 rps, target 2 -> at 2 replicas the ratio 1.016 is within tolerance
    ScaledObject income = render("income", "mlserver", "2", keda("http://127.0.0.1:9090").build()).get(0);
    KedaReading r = read(income, 2);
    assertThat(Math.abs(r.values().get(0).value() - 4.0625)).isLessThan(1e-9);
    assertThat(r.desiredReplicas()).isEqualTo(2);
    // tfsimple: 10 rps, target 1.5 -> ceil(6.67) = 7, clamped to maxReplicaCount 5
    ScaledObject tfsimple = render("tfsimple", "triton", "1.5", keda("http://127.0.0.1:9090").build()).get(0);
    assertThat(read(tfsimple, 2).values().get(0).proposal()).isEqualTo(7);
    assertThat(read(tfsimple, 2).desiredReplicas()).isEqualTo(5);
  }

  @Test
  void activationFromZeroNeedsTheValueAboveTheActivationThreshold() {
    ScaledObject below = render("irisa0", "mlserver", "3", keda("http://127.0.0.1:9090").activationThreshold("8")
        .minReplicaCount(2).idleReplicaCount(0).build()).get(0);
    assertThat(read(below, 0).active()).isFalse();
    assertThat(read(below, 0).desiredReplicas()).isEqualTo(0);
    ScaledObject above = render("irisa0", "mlserver", "3", keda("http://127.0.0.1:9090").activationThreshold("7")
        .minReplicaCount(2).idleReplicaCount(0).build()).get(0);
    assertThat(read(above, 0).active()).isTrue();
    assertThat(read(above, 0).desiredReplicas()).isEqualTo(2); // KEDA activates to minReplicaCount
  }

  @Test
  void aModelWithoutSeriesReadsAsZero() {
    ScaledObject idle = render("absent", "mlserver", "3", keda("http://127.0.0.1:9090").build()).get(0);
    KedaReading r = read(idle, 1);
    assertThat(r.values().get(0).value()).isZero();
    assertThat(r.active()).isFalse();
    assertThat(r.desiredReplicas()).isEqualTo(1);
  }
}
