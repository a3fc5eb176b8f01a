package io.github.seldonhpa.benchmarks;

import static java.time.Duration.ofSeconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.promql.SeldonPresets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and linting 1,000 single-model-serving setups (Model, Model HPA, Server HPA; 3,000 documents,
 * about 1.5 MB) plus the adapter ConfigMap: seldon-hpa's lossless reader against a plain Jackson YAML tree
 * read of the same stream, and lint over what was read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {
  private static final int SETUPS = 1_000;

  private String yaml;
  private List<Manifest> manifests;
  private ObjectMapper jackson;
  private final LintFacts facts = LintFacts.builder().seldonVersion("2.10.1").serverStartup(ofSeconds(60)).build();

  @Setup
  public void setUp() {
    List<String> documents = new ArrayList<>();
    documents.add(Manifests.adapterConfigMapYaml("hpa-metrics", "seldon-monitoring",
        SeldonPresets.inferRpsConfig(ofSeconds(120))));
    for (ScalingPlan plan : SeldonPairs.plans(SETUPS)) {
      documents.add(Manifests.yaml(plan));
    }
    yaml = Manifests.join(documents);
    manifests = ManifestReader.create().read("bench.yaml", yaml);
    jackson = new ObjectMapper(new YAMLFactory());
  }

  @Benchmark
  public List<Manifest> readSeldonHpa() {
    return ManifestReader.create().read("bench.yaml", yaml);
  }

  @Benchmark
  public List<JsonNode> readJacksonTrees() throws IOException {
    return jackson.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
  }

  @Benchmark
  public Object lint() {
    return Lint.check(manifests, facts);
  }
}
