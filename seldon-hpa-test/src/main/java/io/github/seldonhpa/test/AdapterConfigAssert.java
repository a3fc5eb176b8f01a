package io.github.seldonhpa.test;

import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a prometheus-adapter config: which Object metrics it serves and with which query
 * ({@code AdapterConfig.explain}). The series Prometheus holds default to the ones Seldon Core 2 publishes
 * ({@code SeldonPresets.defaultSeries()}); {@link #withSeriesOf} takes them from backfilled traffic.
 */
public final class AdapterConfigAssert extends AbstractAssert<AdapterConfigAssert, AdapterConfig> {
  private final List<Series> knownSeries;

  AdapterConfigAssert(AdapterConfig actual, List<Series> knownSeries) {
    super(actual, AdapterConfigAssert.class);
    this.knownSeries = knownSeries;
  }

  /**
   * Explains against these series, as {@code /api/v1/series} would list them.
   *
   * @param series the series Prometheus holds (name and labels)
   * @return this assertion, to chain more
   */
  public AdapterConfigAssert withSeries(List<Series> series) {
    return new AdapterConfigAssert(actual, List.copyOf(series));
  }

  /**
   * Explains against the series of this traffic.
   *
   * @param traffic the traffic whose series Prometheus would hold
   * @return this assertion, to chain more
   */
  public AdapterConfigAssert withSeriesOf(SeldonTraffic traffic) {
    return withSeries(traffic.series());
  }

  /**
   * The adapter serves the metric for the object to an HPA in {@code hpaNamespace}; continue on the
   * explanation ({@code .hasQuery(..)}).
   *
   * @param metricName the HPA's metric name, such as {@code infer_rps}
   * @param object the described object, such as {@code ObjectReference.model("irisa0")}
   * @param hpaNamespace the HPA's namespace
   * @return assertions on the explanation
   */
  public ExplanationAssert serves(String metricName, ObjectReference object, String hpaNamespace) {
    return explaining(metric(metricName, object), hpaNamespace).isServed();
  }

  /**
   * The adapter does not serve the metric for the object; continue on the explanation ({@code .hasReason(..)}).
   *
   * @param metricName the HPA's metric name, such as {@code infer_rps}
   * @param object the described object, such as {@code ObjectReference.model("irisa0")}
   * @param hpaNamespace the HPA's namespace
   * @return assertions on the explanation
   */
  public ExplanationAssert doesNotServe(String metricName, ObjectReference object, String hpaNamespace) {
    return explaining(metric(metricName, object), hpaNamespace).isNotServed();
  }

  /**
   * Assertions on what the adapter does with this HPA metric (its selector included) in {@code hpaNamespace}.
   *
   * @param metric the HPA's Object metric, its selector included
   * @param hpaNamespace the HPA's namespace
   * @return assertions on the explanation
   */
  public ExplanationAssert explaining(ObjectMetric metric, String hpaNamespace) {
    isNotNull();
    return new ExplanationAssert(actual.explain(metric, hpaNamespace, knownSeries));
  }

  private static ObjectMetric metric(String metricName, ObjectReference object) {
    // the target plays no part in what the adapter serves
    return ObjectMetric.builder().metricName(metricName).describedObject(object).target(MetricTarget.averageValue(1))
        .build();
  }
}
