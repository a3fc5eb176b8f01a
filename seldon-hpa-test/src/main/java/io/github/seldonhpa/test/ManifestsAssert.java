package io.github.seldonhpa.test;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on manifests as {@code ManifestReader} read them: which objects, how they lint, the adapter config. */
public final class ManifestsAssert extends AbstractAssert<ManifestsAssert, List<Manifest>> {
  ManifestsAssert(List<Manifest> actual) {
    super(actual, ManifestsAssert.class);
  }

  /**
   * The manifests are exactly these objects, in this order, each written like
   * {@code HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa}.
   *
   * @param objects one {@code <kind> <namespace>/<name>} per object, in order
   * @return this assertion, to chain more
   */
  public ManifestsAssert containsExactlyObjects(String... objects) {
    isNotNull();
    List<String> have = actual.stream().map(ManifestsAssert::describe).collect(Collectors.toList());
    if (!have.equals(Arrays.asList(objects))) {
      failWithMessage(Texts.literal("expected the objects " + Arrays.asList(objects) + ", but the manifests hold "
          + have));
    }
    return this;
  }

  /** {@return no lint finding of severity ERROR or WARNING with the default facts (INFO findings are allowed)} */
  public ManifestsAssert lintsClean() {
    return lintsClean(LintFacts.defaults());
  }

  /**
   * No lint finding of severity ERROR or WARNING with these facts (INFO findings are allowed).
   *
   * @param facts what lint cannot see in the manifests: the cluster's versions and settings
   * @return this assertion, to chain more
   */
  public ManifestsAssert lintsClean(LintFacts facts) {
    lint(facts).hasNoErrorsOrWarnings();
    return this;
  }

  /** {@return assertions on the findings of lint with the default facts} */
  public FindingsAssert lint() {
    return lint(LintFacts.defaults());
  }

  /**
   * Assertions on the findings of lint with these facts.
   *
   * @param facts what lint cannot see in the manifests: the cluster's versions and settings
   * @return assertions on the findings
   */
  public FindingsAssert lint(LintFacts facts) {
    isNotNull();
    List<Finding> findings = Lint.check(actual, facts);
    return new FindingsAssert(findings);
  }

  /**
   * {@return assertions on the one prometheus-adapter config among the manifests (a ConfigMap with
   * {@code config.yaml}, or a bare config)}
   */
  public AdapterConfigAssert adapterConfig() {
    isNotNull();
    List<AdapterConfig> configs = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Manifest m : actual) {
      if (m.kind().equals("ConfigMap") || m.kind().isEmpty()) {
        try {
          configs.add(m.toAdapterConfig());
        } catch (HpaValidationException e) {
          errors.add(m + ": " + e.getMessage());
        }
      }
    }
    if (configs.size() != 1) {
      failWithMessage(Texts.literal("expected one prometheus-adapter config among the manifests, but found "
          + configs.size() + (errors.isEmpty() ? "" : "; not read: " + String.join("; ", errors))));
    }
    return new AdapterConfigAssert(configs.get(0), SeldonPresets.defaultSeries());
  }

  static String describe(Manifest m) {
    return (m.kind().isEmpty() ? "(no kind)" : m.kind()) + " " + m.namespace().map(ns -> ns + "/").orElse("")
        + (m.name().isEmpty() ? "(no name)" : m.name());
  }
}
