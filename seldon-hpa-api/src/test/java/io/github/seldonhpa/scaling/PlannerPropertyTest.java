package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's chosen plan meets its constraints when replayed again on the input traces. */
class PlannerPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0x91A7L);

  static {
    System.out.println("PlannerPropertyTest QuickTheories seed " + SEED + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  @Test
  void theChosenPlanMeetsItsBoundOnTheTraces() {
    qt().withExamples(1000).withFixedSeed(SEED)
        .forAll(SimulationPropertyTest.traces(), integers().between(0, 120), integers().between(4, 40), longs().all())
        .checkAssert((trace, allowed, room, seed) -> {
          Planner planner = Planner.builder().template(PlannerTest.recommended()).addTraces(trace).saturationRps(10)
              .maxSecondsAboveSaturation(allowed).cluster(Cluster.podBudget(room)).samples(4).seed(seed)
              .tick(Duration.ofSeconds(15)).build();
          PlanSearch search = planner.search();
          Optional<PlanCandidate> chosen = search.chosen();
          if (chosen.isPresent()) {
            PlanCandidate again = planner.evaluate(chosen.get().plan());
            if (again.secondsAboveSaturation() > allowed || again.neverConverged() > 0
                || again.replicaSeconds() != chosen.get().replicaSeconds()) {
              fail("chosen " + chosen.get() + " replays as " + again + " (allowed " + allowed + " s)");
            }
            for (PlanCandidate c : search.evaluated()) {
              if (c.feasible() && c.replicaSeconds() < chosen.get().replicaSeconds()) {
                fail("chosen " + chosen.get() + " costs more than the feasible " + c);
              }
            }
          } else if (search.evaluated().stream().anyMatch(PlanCandidate::feasible)) {
            fail("nothing chosen though a candidate is feasible");
          }
        });
  }
}
