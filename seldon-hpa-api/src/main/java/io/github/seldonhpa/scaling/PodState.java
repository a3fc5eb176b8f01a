package io.github.seldonhpa.scaling;

/**
 * How the HPA controller classifies a pod matched by the scale selector ({@code groupPods}). A pod whose
 * state is {@link #READY} or {@link #UNREADY} but that has no metric sample counts as missing.
 */
public enum PodState {
  /** Counted: its sample is used as is. */
  READY,
  /** Pending, or (CPU only) not ready yet: its sample is dropped; it counts as 0 on a scale-up. */
  UNREADY,
  /** Being deleted, Failed or Succeeded: neither its sample nor the pod count. */
  IGNORED
}
