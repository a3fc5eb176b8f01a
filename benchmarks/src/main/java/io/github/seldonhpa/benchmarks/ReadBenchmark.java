package io.github.seldonhpa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.Manifests;
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
 * Reading only: {@code documents} Seldon documents (Model, Model HPA, Server HPA per setup) in one stream,
 * with seldon-hpa's lossless reader (positions, budgets, Kubernetes' scalar resolution) and, as the peer, a
 * plain Jackson YAML tree read of the same text. Run with {@code -p documents=3000,30000}: reading is linear
 * when the 30k time is about 10x the 3k time. Retained memory: {@link ReadRetention}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ReadBenchmark {
  @Param({"3000", "30000"})
  public int documents;

  private String yaml;
  private ManifestReader reader;
  private ObjectMapper jackson;

  @Setup
  public void setUp() {
    yaml = stream(documents);
    reader = reader();
    jackson = new ObjectMapper(new YAMLFactory());
  }

  /** {@code documents} documents (a multiple of 3): Model, Model HPA and Server HPA of varied setups. */
  static String stream(int documents) {
    List<String> texts = new ArrayList<>();
    for (ScalingPlan plan : SeldonPairs.plans(documents / 3)) {
      texts.add(Manifests.yaml(plan));
    }
    return Manifests.join(texts);
  }

  /** The default reader with room for a large stream (the default input budget is 4 MiB). */
  static ManifestReader reader() {
    return ManifestReader.create().withMaxBytes(256 * 1024 * 1024).withMaxExpandedBytes(256 * 1024 * 1024);
  }

  @Benchmark
  public List<Manifest> readSeldonHpa() {
    return reader.read("bench.yaml", yaml);
  }

  @Benchmark
  public List<JsonNode> readJacksonTrees() throws IOException {
    return jackson.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
  }
}
