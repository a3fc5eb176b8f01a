package io.github.seldonhpa.test;

import io.github.seldonhpa.promql.Explanation;
import org.assertj.core.api.AbstractAssert;

/** Assertions on what prometheus-adapter does with one HPA Object metric ({@code AdapterConfig.explain}). */
public final class ExplanationAssert extends AbstractAssert<ExplanationAssert, Explanation> {
  ExplanationAssert(Explanation actual) {
    super(actual, ExplanationAssert.class);
  }

  /** {@return a rule serves the metric for the object} */
  public ExplanationAssert isServed() {
    isNotNull();
    if (!actual.served()) {
      failWithMessage(Texts.literal("expected the adapter to serve " + subject() + ", but it does not: "
          + String.join("; ", actual.reasons())
          + (actual.nearMisses().isEmpty() ? "" : "; near misses: " + String.join("; ", actual.nearMisses()))));
    }
    return this;
  }

  /** {@return no rule serves the metric for the object} */
  public ExplanationAssert isNotServed() {
    isNotNull();
    if (actual.served()) {
      failWithMessage(Texts.literal("expected the adapter not to serve " + subject() + ", but rule "
          + actual.ruleIndex().map(String::valueOf).orElse("?") + " serves it with the query:\n"
          + actual.query().orElse("")));
    }
    return this;
  }

  /**
   * The adapter runs exactly this PromQL (a YAML {@code |} block keeps its final newline).
   *
   * @param expected the whole PromQL
   * @return this assertion, to chain more
   */
  public ExplanationAssert hasQuery(String expected) {
    isNotNull();
    String query = actual.query().orElse(null);
    if (query == null) {
      failWithMessage(Texts.literal("expected the adapter to run a query for " + subject() + ", but it runs none: "
          + String.join("; ", actual.reasons())));
    } else if (!query.equals(expected)) {
      failWithMessage(Texts.literal("expected the adapter to run the given query for " + subject()
          + ", but it differs at " + Texts.firstDifference(expected, query) + "; it runs:\n" + query));
    }
    return this;
  }

  /**
   * The HPA requests exactly this custom-metrics API path.
   *
   * @param expected the whole path, query string included
   * @return this assertion, to chain more
   */
  public ExplanationAssert hasApiPath(String expected) {
    isNotNull();
    if (!actual.apiPath().equals(expected)) {
      failWithMessage(Texts.literal("expected the HPA to request " + expected + " for " + subject()
          + ", but it requests " + actual.apiPath()));
    }
    return this;
  }

  /**
   * One of the reasons the metric is not served contains {@code text}.
   *
   * @param text a part of the reason, matched as is
   * @return this assertion, to chain more
   */
  public ExplanationAssert hasReasonContaining(String text) {
    isNotNull();
    if (actual.reasons().stream().noneMatch(r -> r.contains(text))) {
      failWithMessage(Texts.literal("expected a reason containing \"" + text + "\" for " + subject()
          + ", but the reasons are " + actual.reasons()));
    }
    return this;
  }

  /** {@code infer_rps for models.mlops.seldon.io irisa0 in seldon-mesh}. */
  private String subject() {
    return actual.metricName() + " for " + actual.resource() + " " + actual.objectName()
        + (actual.namespace().isEmpty() ? "" : " in " + actual.namespace())
        + (actual.metricLabelSelector().isEmpty() ? "" : " with selector " + actual.metricLabelSelector());
  }
}
