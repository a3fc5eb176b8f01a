package io.github.seldonhpa.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The controller's classification of the pods matched by the scale selector ({@code groupPods}): how many
 * count as ready, and which are unready, missing a sample, or ignored.
 */
public final class PodGroups {
  /** The controller's default CPU initialization period (5 min). */
  public static final Duration DEFAULT_CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
  /** The controller's default initial readiness delay (30 s). */
  public static final Duration DEFAULT_INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

  private final int readyPodCount;
  private final List<String> unready;
  private final List<String> missing;
  private final List<String> ignored;
  private final List<PodState> states;

  private PodGroups(int readyPodCount, List<String> unready, List<String> missing, List<String> ignored,
      List<PodState> states) {
    this.readyPodCount = readyPodCount;
    this.unready = Collections.unmodifiableList(unready);
    this.missing = Collections.unmodifiableList(missing);
    this.ignored = Collections.unmodifiableList(ignored);
    this.states = Collections.unmodifiableList(states);
  }

  /**
   * Classifies pods as the controller does: deleted, Failed or Succeeded pods are ignored, Pending ones
   * unready, pods without a sample missing; for {@code cpu} only, readiness is consulted (a pod still in
   * its CPU initialization period is unready unless Ready with a sample covering a full window since it
   * became ready; after it, only a pod that turned unready within the initial readiness delay of its
   * start is).
   *
   * @param pods the pods matching the scale selector
   * @param cpu whether the metric is the {@code cpu} resource
   * @param now the time of the reconcile
   * @param cpuInitializationPeriod {@code --horizontal-pod-autoscaler-cpu-initialization-period}, 5 min by default
   * @param initialReadinessDelay {@code --horizontal-pod-autoscaler-initial-readiness-delay}, 30 s by default
   * @return the pods' states and the names in each group
   */
  public static PodGroups of(List<PodInfo> pods, boolean cpu, Instant now, Duration cpuInitializationPeriod,
      Duration initialReadinessDelay) {
    int ready = 0;
    List<String> unready = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<PodState> states = new ArrayList<>();
    for (PodInfo pod : pods) {
      PodState state;
      if (pod.deleted() || pod.phase() == PodInfo.Phase.FAILED || pod.phase() == PodInfo.Phase.SUCCEEDED) {
        ignored.add(pod.name());
        state = PodState.IGNORED;
      } else if (pod.phase() == PodInfo.Phase.PENDING) {
        unready.add(pod.name());
        state = PodState.UNREADY;
      } else if (!pod.hasMetric()) {
        missing.add(pod.name());
        state = PodState.READY;
      } else if (cpu && cpuUnready(pod, now, cpuInitializationPeriod, initialReadinessDelay)) {
        unready.add(pod.name());
        state = PodState.UNREADY;
      } else {
        ready++;
        state = PodState.READY;
      }
      states.add(state);
    }
    return new PodGroups(ready, unready, missing, ignored, states);
  }

  private static boolean cpuUnready(PodInfo pod, Instant now, Duration init, Duration delay) {
    if (pod.ready().isEmpty() || pod.startTime().isEmpty()) {
      return true;
    }
    boolean readyTrue = pod.ready().get();
    Instant start = pod.startTime().get();
    if (start.plus(init).isAfter(now)) {
      return !readyTrue || pod.metricTimestamp().isBefore(pod.readyTransitionTime().plus(pod.metricWindow()));
    }
    return !readyTrue && start.plus(delay).isAfter(pod.readyTransitionTime());
  }

  /** {@return pods that count as ready} */
  public int readyPodCount() {
    return readyPodCount;
  }

  /** {@return names of unready pods, in list order} */
  public List<String> unready() {
    return unready;
  }

  /** {@return names of pods without a sample, in list order} */
  public List<String> missing() {
    return missing;
  }

  /** {@return names of ignored pods, in list order} */
  public List<String> ignored() {
    return ignored;
  }

  /**
   * {@return the state of each pod, in list order, for {@link PodSample}s (a missing pod is READY without a sample)}
   */
  public List<PodState> states() {
    return states;
  }
}
