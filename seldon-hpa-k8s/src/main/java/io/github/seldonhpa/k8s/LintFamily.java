package io.github.seldonhpa.k8s;

/**
 * One family of {@link Lint} checks: reads the index of the objects and reports findings on their subjects.
 * Families are independent of each other; a new family (KEDA objects, say) is one more entry in
 * {@link LintRun}'s list.
 */
interface LintFamily {
  void check(LintIndex index);
}
