package io.github.seldonhpa.test;

import io.github.seldonhpa.k8s.QueryResult;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the result of an instant query. Values are compared exactly: backfill rates that are binary
 * fractions ({@code 2.5}, {@code 0.125}) and Prometheus returns exact results; {@link #hasValueWithin} is for
 * the others.
 */
public final class QueryResultAssert extends AbstractAssert<QueryResultAssert, QueryResult> {
  QueryResultAssert(QueryResult actual) {
    super(actual, QueryResultAssert.class);
  }

  /**
   * The result is one sample, of exactly this value.
   *
   * @param expected the sample's value, compared exactly
   * @return this assertion, to chain more
   */
  public QueryResultAssert hasValue(double expected) {
    isNotNull();
    if (actual.samples().size() != 1 || Double.compare(actual.samples().get(0).value(), expected) != 0) {
      failWithMessage(Texts.literal("expected the query to return one sample of " + Texts.number(expected) + " at "
          + actual.time() + ", but it returned " + Texts.samples(actual) + "; query: " + actual.query()));
    }
    return this;
  }

  /**
   * The sample whose {@code label} is {@code value} (the last one, as prometheus-adapter picks the sample for
   * an object) is exactly {@code expected}.
   *
   * @param label the label name, such as {@code model}
   * @param value the label value, such as {@code irisa0}
   * @param expected the sample's value, compared exactly
   * @return this assertion, to chain more
   */
  public QueryResultAssert hasValue(String label, String value, double expected) {
    return hasValueWithin(label, value, expected, 0);
  }

  /**
   * As {@link #hasValue(String, String, double)}, within {@code tolerance} of {@code expected}.
   *
   * @param label the label name, such as {@code model}
   * @param value the label value, such as {@code irisa0}
   * @param expected the sample's expected value
   * @param tolerance the largest difference allowed, at least 0
   * @return this assertion, to chain more
   */
  public QueryResultAssert hasValueWithin(String label, String value, double expected, double tolerance) {
    isNotNull();
    OptionalDouble have = actual.valueOf(label, value);
    String want = label + "=\"" + value + "\" to be " + Texts.number(expected)
        + (tolerance == 0 ? "" : " ± " + Texts.number(tolerance)) + " at " + actual.time();
    if (have.isEmpty()) {
      failWithMessage(Texts.literal("expected the sample with " + want + ", but no sample has " + label + "=\""
          + value + "\": " + Texts.samples(actual) + "; query: " + actual.query()));
    } else if (!(Math.abs(have.getAsDouble() - expected) <= tolerance)) {
      failWithMessage(Texts.literal("expected the sample with " + want + ", but it was "
          + Texts.number(have.getAsDouble()) + "; query: " + actual.query()));
    }
    return this;
  }

  /**
   * The result has exactly this many samples.
   *
   * @param expected the number of samples, at least 0
   * @return this assertion, to chain more
   */
  public QueryResultAssert hasSamples(int expected) {
    isNotNull();
    if (actual.samples().size() != expected) {
      failWithMessage(Texts.literal("expected the query to return " + expected + " samples at " + actual.time()
          + ", but it returned " + actual.samples().size() + ": " + Texts.samples(actual) + "; query: "
          + actual.query()));
    }
    return this;
  }
}
