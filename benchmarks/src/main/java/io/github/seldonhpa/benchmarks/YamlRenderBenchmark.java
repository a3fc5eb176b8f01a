package io.github.seldonhpa.benchmarks;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ObjectMetricSource;
import io.github.seldonhpa.k8s.Manifests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link #plans} single-model-serving setups to YAML (Model + Model HPA + Server HPA each), from the same
 * raw inputs (names, target, bounds) on both sides: seldon-hpa builds each plan with its DSL and renders
 * it; the peer a user would otherwise write builds the same objects with fabric8 builders and serialises
 * them with Jackson YAML, with the seeds' key order (Jackson mix-ins), so both write the same bytes, which
 * {@link #setUp} checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class YamlRenderBenchmark {
  /** The number of setups per operation. */
  @Param({"10000"})
  public int plans;

  private ObjectWriter yaml;

  @JsonPropertyOrder({"scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior"})
  interface SpecOrder {}

  @JsonPropertyOrder({"type", "object"})
  interface MetricOrder {}

  @JsonPropertyOrder({"metric", "describedObject", "target"})
  interface ObjectOrder {}

  @JsonPropertyOrder({"type", "averageValue"})
  interface TargetOrder {}

  @JsonPropertyOrder({"stabilizationWindowSeconds", "policies"})
  interface RulesOrder {}

  @JsonPropertyOrder({"type", "value", "periodSeconds"})
  interface PolicyOrder {}

  @Setup
  public void setUp() throws JsonProcessingException {
    yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
        .addMixIn(HorizontalPodAutoscalerSpec.class, SpecOrder.class)
        .addMixIn(MetricSpec.class, MetricOrder.class)
        .addMixIn(ObjectMetricSource.class, ObjectOrder.class)
        .addMixIn(MetricTarget.class, TargetOrder.class)
        .addMixIn(HPAScalingRules.class, RulesOrder.class)
        .addMixIn(HPAScalingPolicy.class, PolicyOrder.class)
        .writer();
    for (int i : new int[] {0, 1, plans - 1}) {
      String ours = Manifests.yaml(SeldonPairs.plan(i));
      String peer = fabric8(i);
      if (!ours.equals(peer)) {
        throw new IllegalStateException("the peer writes other bytes for setup " + i + ":\n" + ours + "\n<<>>\n" + peer);
      }
    }
  }

  @Benchmark
  public void seldonHpaYaml(Blackhole bh) {
    for (int i = 0; i < plans; i++) {
      bh.consume(Manifests.yaml(SeldonPairs.plan(i)));
    }
  }

  @Benchmark
  public void fabric8BuildersJacksonYaml(Blackhole bh) throws JsonProcessingException {
    for (int i = 0; i < plans; i++) {
      bh.consume(fabric8(i));
    }
  }

  private String fabric8(int i) throws JsonProcessingException {
    String model = SeldonPairs.modelName(i);
    String server = SeldonPairs.serverName(i);
    StringBuilder out = new StringBuilder();
    out.append(yaml.writeValueAsString(fabric8Model(i)));
    out.append("---\n").append(yaml.writeValueAsString(fabric8Hpa(i, model + "-model-hpa", "Model", model)));
    out.append("---\n").append(yaml.writeValueAsString(fabric8Hpa(i, server + "-server-hpa", "Server", server)));
    return out.toString();
  }

  private static GenericKubernetesResource fabric8Model(int i) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("memory", "3M");
    spec.put("replicas", 1);
    spec.put("requirements", List.of("sklearn"));
    spec.put("storageUri", SeldonPairs.storageUri(i));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("mlops.seldon.io/v1alpha1").withKind("Model")
        .withNewMetadata().withName(SeldonPairs.modelName(i)).withNamespace("seldon-mesh").endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  private static HorizontalPodAutoscaler fabric8Hpa(int i, String name, String kind, String target) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName(name).withNamespace("seldon-mesh").endMetadata()
        .withNewSpec()
          .withNewScaleTargetRef("mlops.seldon.io/v1alpha1", kind, target)
          .withMinReplicas(1).withMaxReplicas(SeldonPairs.maxReplicas(i))
          .addNewMetric()
            .withType("Object")
            .withNewObject()
              .withNewDescribedObject("mlops.seldon.io/v1alpha1", "Model", SeldonPairs.modelName(i))
              .withNewMetric().withName("infer_rps").endMetric()
              .withNewTarget().withType("AverageValue")
                .withAverageValue(new Quantity(Integer.toString(SeldonPairs.target(i)))).endTarget()
            .endObject()
          .endMetric()
          .withNewBehavior()
            .withNewScaleUp().withStabilizationWindowSeconds(60)
              .addNewPolicy().withType("Pods").withValue(5).withPeriodSeconds(90).endPolicy()
            .endScaleUp()
          .endBehavior()
        .endSpec()
        .build();
  }
}
