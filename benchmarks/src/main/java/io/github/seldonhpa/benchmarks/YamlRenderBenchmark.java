package io.github.seldonhpa.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.github.seldonhpa.ScalingPlan;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 10,000 single-model-serving plans to YAML (Model + Model HPA + Server HPA each): seldon-hpa's renderer
 * against the peer a user would otherwise write, fabric8 builders serialised by Jackson YAML.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class YamlRenderBenchmark {
  private static final int PLANS = 10_000;

  private List<ScalingPlan> plans;
  private ObjectMapper yamlMapper;

  @Setup
  public void setUp() {
    plans = SeldonPairs.plans(PLANS);
    yamlMapper = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  }

  @Benchmark
  public void seldonHpaYaml(Blackhole bh) {
    for (ScalingPlan plan : plans) {
      bh.consume(Manifests.yaml(plan));
    }
  }

  @Benchmark
  public void fabric8BuildersJacksonYaml(Blackhole bh) throws JsonProcessingException {
    for (ScalingPlan plan : plans) {
      StringBuilder out = new StringBuilder();
      out.append(yamlMapper.writeValueAsString(fabric8Model(plan)));
      String server = plan.server().orElseThrow();
      out.append("---\n").append(yamlMapper.writeValueAsString(fabric8Hpa(plan, plan.modelName() + "-model-hpa",
          "Model", plan.modelName())));
      out.append("---\n").append(yamlMapper.writeValueAsString(fabric8Hpa(plan, server + "-server-hpa",
          "Server", server)));
      bh.consume(out.toString());
    }
  }

  private static GenericKubernetesResource fabric8Model(ScalingPlan plan) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("memory", plan.memory().orElseThrow().toString());
    spec.put("replicas", plan.minReplicas());
    spec.put("requirements", plan.requirements());
    spec.put("storageUri", plan.storageUri().orElseThrow());
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("mlops.seldon.io/v1alpha1").withKind("Model")
        .withNewMetadata().withName(plan.modelName()).withNamespace(plan.namespace()).endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  private static HorizontalPodAutoscaler fabric8Hpa(ScalingPlan plan, String name, String kind, String target) {
    String average = ((io.github.seldonhpa.ObjectMetric) plan.metrics().get(0)).target().averageValue()
        .orElseThrow().toString();
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName(name).withNamespace(plan.namespace()).endMetadata()
        .withNewSpec()
          .withNewScaleTargetRef("mlops.seldon.io/v1alpha1", kind, target)
          .withMinReplicas(plan.minReplicas()).withMaxReplicas(plan.maxReplicas())
          .addNewMetric()
            .withType("Object")
            .withNewObject()
              .withNewDescribedObject("mlops.seldon.io/v1alpha1", "Model", plan.modelName())
              .withNewMetric().withName("infer_rps").endMetric()
              .withNewTarget().withType("AverageValue").withAverageValue(new Quantity(average)).endTarget()
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
