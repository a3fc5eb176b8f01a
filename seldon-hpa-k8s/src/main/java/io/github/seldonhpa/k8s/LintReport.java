package io.github.seldonhpa.k8s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** The findings of one lint run, each with the order of its object; the same finding is kept once. */
final class LintReport {
  private final List<Emitted> emitted = new ArrayList<>();

  private static final class Emitted {
    final int order;
    final Finding finding;

    Emitted(int order, Finding finding) {
      this.order = order;
      this.finding = finding;
    }
  }

  void add(int order, Finding finding) {
    emitted.add(new Emitted(order, finding));
  }

  /** In the order of the objects, then by code and path; duplicates dropped. */
  List<Finding> findings() {
    LinkedHashSet<Finding> out = new LinkedHashSet<>();
    emitted.stream()
        .sorted(Comparator.<Emitted>comparingInt(e -> e.order)
            .thenComparing(e -> e.finding.code().id())
            .thenComparing(e -> e.finding.path()))
        .forEach(e -> out.add(e.finding));
    return List.copyOf(out);
  }
}
