package io.github.seldonhpa.benchmarks;

import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.MetricsQuery;
import io.github.seldonhpa.promql.SeldonPresets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One prometheus-adapter query build + render, as the adapter does for each HPA request: convert the
 * metric selector, write the label matchers with Go's quoting and execute Seldon's documented
 * {@code infer_rps} template, for a Model in a namespace with a one-requirement selector. Every operation
 * takes the next of {@value #POOL} distinct requests (model name, namespace, selector value and fresh
 * {@link GroupResource} and {@link LabelSelector} objects), more than any cache of the query holds, so
 * each one converts its selector and writes its matchers as the Go peer
 * ({@code ../shared/peers/go-template}, {@code BenchmarkBuildAndRender}) formats its matchers and executes
 * its template every time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryRenderBenchmark {
  static final int POOL = 4096;

  private final DiscoveryRule seed = SeldonPresets.modelInferRps(Duration.ofMinutes(2));
  private final MetricsQuery query = MetricsQuery.of(seed);
  /** The same template with a comment action, which takes the general template engine. */
  private final MetricsQuery engineQuery = MetricsQuery.of(DiscoveryRule.builder()
      .seriesQuery(seed.seriesQuery()).resources(seed.resources())
      .metricsQuery(seed.metricsQuery() + "<</* general engine */>>").build());

  private final String[] names = new String[POOL];
  private final String[] namespaces = new String[POOL];
  private final GroupResource[] resources = new GroupResource[POOL];
  private final Optional<LabelSelector>[] selectors = newSelectors();
  private int next;

  @SuppressWarnings("unchecked")
  private static Optional<LabelSelector>[] newSelectors() {
    return new Optional[POOL];
  }

  @Setup
  public void setUp() {
    for (int i = 0; i < POOL; i++) {
      names[i] = "model-" + i;
      namespaces[i] = "seldon-" + (i % 61);
      resources[i] = GroupResource.of("mlops.seldon.io", "models");
      selectors[i] = Optional.of(LabelSelector.matchLabel("method_type", i % 2 == 0 ? "rest-" + i : "grpc-" + i));
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (POOL - 1);
    return i;
  }

  /** Matchers plus template execution, the fast path (the template only prints string fields). */
  @Benchmark
  public String modelWithSelector() {
    int i = nextIndex();
    return query.build("seldon_model_infer_total", resources[i], namespaces[i], selectors[i], names[i]);
  }

  /** The same through the general Go template engine (any template beyond printing string fields). */
  @Benchmark
  public String modelWithSelectorThroughEngine() {
    int i = nextIndex();
    return engineQuery.build("seldon_model_infer_total", resources[i], namespaces[i], selectors[i], names[i]);
  }
}
