package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.testing.Generators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Invariants of the controller over random HPAs and random load histories. */
class HpaControllerPropertyTest {
  private static final long SEED = Long.getLong("seldonhpa.qt.seed", 0x5e1d0_4a5L);
  private static final int EXAMPLES = 3000;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static {
    System.out.println("HpaControllerPropertyTest QuickTheories seed " + SEED
        + " (rerun with -Dseldonhpa.qt.seed=" + SEED + ")");
  }

  /** An HPA (bounds, legacy or behavior rules) and a load history at irregular sync times. */
  static final class Scenario {
    final int min;
    final int max;
    final boolean behavior;
    final Optional<ScalingRules> up;
    final Optional<ScalingRules> down;
    final long target;
    final List<int[]> steps; // {seconds since the previous sync, usage in milli-units}

    Scenario(int min, int max, boolean behavior, Optional<ScalingRules> up, Optional<ScalingRules> down,
        long target, List<int[]> steps) {
      this.min = min;
      this.max = max;
      this.behavior = behavior;
      this.up = up;
      this.down = down;
      this.target = target;
      this.steps = steps;
    }

    HpaController controller() {
      HpaController.Builder b = HpaController.builder().minReplicas(min).maxReplicas(max);
      if (behavior) {
        b.behavior();
        up.ifPresent(b::scaleUp);
        down.ifPresent(b::scaleDown);
      }
      return b.build();
    }

    @Override
    public String toString() {
      List<String> s = new ArrayList<>();
      steps.forEach(x -> s.add("+" + x[0] + "s:" + x[1] + "m"));
      return "Scenario{min=" + min + ", max=" + max + ", behavior=" + behavior + ", up=" + up + ", down=" + down
          + ", target=" + target + "m, steps=" + s + "}";
    }
  }

  static Gen<Scenario> scenarios() {
    Gen<int[]> bounds = integers().between(1, 20).zip(integers().between(0, 40), (min, extra) -> new int[] {min, min + extra});
    Gen<int[]> step = integers().between(1, 120).zip(integers().between(0, 400_000), (dt, usage) -> new int[] {dt, usage});
    Gen<ScalingRules> rules = Generators.scalingRules();
    return bounds.zip(Generate.booleans(), rules.toOptionals(60), rules.toOptionals(60),
        (b, behavior, up, down) -> new Object[] {b, behavior, up, down})
        .zip(integers().between(100, 20_000), lists().of(step).ofSizeBetween(1, 40), (o, target, steps) -> {
          int[] b = (int[]) o[0];
          @SuppressWarnings("unchecked")
          Optional<ScalingRules> up = (Optional<ScalingRules>) o[2];
          @SuppressWarnings("unchecked")
          Optional<ScalingRules> down = (Optional<ScalingRules>) o[3];
          return new Scenario(b[0], b[1], (Boolean) o[1], up, down, target, steps);
        });
  }

  /** Replays the scenario, feeding each decision back as the next current replicas. */
  private static List<ScaleDecision> replay(Scenario s, HpaController hpa, int start) {
    List<ScaleDecision> out = new ArrayList<>();
    int current = start;
    long t = 0;
    for (int[] step : s.steps) {
      t += step[0];
      ScaleDecision d = hpa.step(T0.plusSeconds(t), current, MetricReading.objectAverageValue(step[1], s.target));
      out.add(d);
      current = d.desiredReplicas();
    }
    return out;
  }

  @Test
  void decisionsStayWithinMinAndMax() {
    qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(scenarios(), integers().between(1, 70))
        .checkAssert((s, start) -> {
          for (ScaleDecision d : replay(s, s.controller(), start)) {
            assertThat(d.desiredReplicas()).as(d.toString()).isBetween(s.min, s.max);
          }
        });
  }

  @Test
  void moreLoadNeverGivesFewerReplicas() {
    qt().withExamples(EXAMPLES).withFixedSeed(SEED)
        .forAll(scenarios(), integers().between(0, 400_000), integers().between(0, 400_000))
        .checkAssert((s, a, b) -> {
          HpaController low = s.controller();
          HpaController high = s.controller();
          List<ScaleDecision> history = replay(s, low, s.min);
          replay(s, high, s.min);
          int current = history.get(history.size() - 1).desiredReplicas();
          long t = s.steps.stream().mapToLong(x -> x[0]).sum() + 15;
          ScaleDecision dl = low.step(T0.plusSeconds(t), current, MetricReading.objectAverageValue(Math.min(a, b), s.target));
          ScaleDecision dh = high.step(T0.plusSeconds(t), current, MetricReading.objectAverageValue(Math.max(a, b), s.target));
          assertThat(dh.desiredReplicas()).as(dl + " vs " + dh).isGreaterThanOrEqualTo(dl.desiredReplicas());
        });
  }

  @Test
  void disabledDirectionNeverMoves() {
    qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(scenarios(), Generate.booleans())
        .checkAssert((s, disableUp) -> {
          ScalingRules disabled = ScalingRules.builder().selectPolicy(ScalingRules.SelectPolicy.DISABLED).build();
          Scenario d = new Scenario(s.min, s.max, true, disableUp ? Optional.of(disabled) : s.up,
              disableUp ? s.down : Optional.of(disabled), s.target, s.steps);
          for (ScaleDecision x : replay(d, d.controller(), s.min)) {
            if (disableUp) {
              assertThat(x.desiredReplicas()).as(x.toString()).isLessThanOrEqualTo(x.currentReplicas());
            } else {
              assertThat(x.desiredReplicas()).as(x.toString()).isGreaterThanOrEqualTo(x.currentReplicas());
            }
          }
        });
  }

  @Test
  void scaleDownNeverGoesBelowTheHighestRecommendationInItsWindow() {
    qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(scenarios()).checkAssert(s -> {
      HpaController hpa = s.controller();
      long window = s.behavior ? hpa.scaleDownRules().stabilizationWindow().orElseThrow().getSeconds()
          : HpaController.DEFAULT_DOWNSCALE_STABILIZATION.getSeconds();
      List<long[]> recommendations = new ArrayList<>(); // {time, replicas}
      int current = s.min;
      long t = 0;
      for (int[] step : s.steps) {
        t += step[0];
        if (recommendations.isEmpty()) {
          recommendations.add(new long[] {t, current}); // the first sight seeds the history
        }
        MetricProposal p = ReplicaCalculator.objectAverageValue(step[1], s.target, current,
            hpa.downTolerance(), hpa.upTolerance());
        recommendations.add(new long[] {t, p.replicas()});
        ScaleDecision d = hpa.step(T0.plusSeconds(t), current, MetricReading.objectAverageValue(step[1], s.target));
        if (d.desiredReplicas() < current) {
          long now = t;
          long highest = recommendations.stream().filter(r -> now - r[0] < window).mapToLong(r -> r[1]).max()
              .orElseThrow();
          assertThat((long) d.desiredReplicas()).as(d + " window " + window + " s")
              .isGreaterThanOrEqualTo(Math.min(highest, s.max));
        }
        current = d.desiredReplicas();
      }
    });
  }

  @Test
  void theSimulatorsFastPathDecidesAsStepDoes() {
    qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(scenarios()).checkAssert(s -> {
      HpaController slow = s.controller();
      HpaController fast = s.controller();
      int a = s.min;
      int b = s.min;
      long t = 0;
      for (int[] step : s.steps) {
        t += step[0];
        a = slow.step(T0.plusSeconds(t), a, MetricReading.objectAverageValue(step[1], s.target)).desiredReplicas();
        b = fast.stepAverageValue(T0.plusSeconds(t).toEpochMilli(), b, step[1], s.target);
        assertThat(b).isEqualTo(a);
      }
    });
  }
}
