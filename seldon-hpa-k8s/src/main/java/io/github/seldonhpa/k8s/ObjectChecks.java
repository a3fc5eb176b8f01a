package io.github.seldonhpa.k8s;

/** What lint says about objects as such: differing copies of one object, kinds it does not check. */
final class ObjectChecks implements LintFamily {
  @Override
  public void check(LintIndex index) {
    for (LintIndex.Copy c : index.copies) {
      c.later.report(LintCode.OBJECT_COPIES_DIFFER, c.path, c.later.describe() + " is also at "
          + c.first.where("") + " (document " + c.first.manifest.document() + ") and the copies differ at "
          + (c.path.isEmpty() ? "the top" : c.path) + " (was " + LintTrees.show(LintTrees.at(c.later.node(), c.path))
          + " here, " + LintTrees.show(LintTrees.at(c.first.node(), c.path)) + " there)",
          "keep one copy of the object, or make the copies the same; lint checks the first one");
    }
    for (LintSubject s : index.oldHpas) {
      s.report(LintCode.HPA_API_VERSION, "apiVersion", "apiVersion " + s.manifest.apiVersion()
          + " is no longer served (autoscaling/v2beta1 was removed in Kubernetes 1.25), so lint does not read"
          + " the HPA (was " + s.manifest.apiVersion() + ")", "rewrite the HPA in autoscaling/v2");
    }
    if (!index.facts.reportNotChecked()) {
      return;
    }
    for (LintSubject s : index.unchecked) {
      String kind = s.manifest.kind();
      s.report(LintCode.NOT_CHECKED, kind.isEmpty() ? "" : "kind", kind.isEmpty()
          ? "the document has no kind and is neither a prometheus-adapter config nor the adapter chart's values"
          : "kind " + kind + " (" + Manifest.or(s.manifest.apiVersion(), "no apiVersion") + ") is not checked",
          "nothing to do; lint checks HPAs, Seldon objects and prometheus-adapter configs");
    }
  }
}
