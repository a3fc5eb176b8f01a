package io.github.seldonhpa.benchmarks;

import static java.time.Duration.ofSeconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Finding;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and linting single-model-serving setups (Model, Model HPA, Server HPA: three documents each, about
 * 500 bytes per document) plus the adapter ConfigMap, for {@code documents} documents
 * ({@code -p documents=3000,30000}): seldon-hpa's lossless reader against a plain Jackson YAML tree read of
 * the same stream, lint over what was read, and the two together as a CI gate runs them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {
  /** The number of documents (three per setup). */
  @Param({"3000"})
  public int documents;

  private String yaml;
  /** 30,000 documents are about 12 MB, above the reader's default 4 MiB per stream. */
  private final ManifestReader reader = ManifestReader.create().withMaxBytes(64 << 20);
  private List<Manifest> manifests;
  private ObjectMapper jackson;
  private final LintFacts facts = LintFacts.builder().seldonVersion("2.10.1").serverStartup(ofSeconds(60)).build();

  @Setup
  public void setUp() {
    List<String> docs = new ArrayList<>();
    docs.add(Manifests.adapterConfigMapYaml("hpa-metrics", "seldon-monitoring",
        SeldonPresets.inferRpsConfig(ofSeconds(120))));
    for (ScalingPlan plan : SeldonPairs.plans(documents / 3)) {
      docs.add(Manifests.yaml(plan));
    }
    yaml = Manifests.join(docs);
    manifests = reader.read("bench.yaml", yaml);
    jackson = new ObjectMapper(new YAMLFactory());
  }

  @Benchmark
  public List<Manifest> readSeldonHpa() {
    return reader.read("bench.yaml", yaml);
  }

  @Benchmark
  public List<JsonNode> readJacksonTrees() throws IOException {
    return jackson.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
  }

  @Benchmark
  public List<Finding> lint() {
    return Lint.check(manifests, facts);
  }

  @Benchmark
  public List<Finding> readAndLint() {
    return Lint.check(reader.read("bench.yaml", yaml), facts);
  }
}
