package org.example.consumer;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.scaling.HpaController;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Derives two plans from a team default, renders them as fabric8 objects and YAML, decides once, and reads
 * the YAML back.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ScalingPlan team = scalingPlan("team-default").namespace("seldon-mesh")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3)
        .putLabel("app.kubernetes.io/managed-by", "seldon-hpa")
        .build();
    for (String name : List.of("iris", "income")) {
      ScalingPlan plan = team.toBuilder().modelName(name).serverName("mlserver-" + name).build();
      for (HorizontalPodAutoscaler hpa : Manifests.hpas(plan)) {
        System.out.println(hpa.getMetadata().getName() + " " + hpa.getMetadata().getLabels()
            + " target " + hpa.getSpec().getMetrics().get(0).getObject().getTarget().getAverageValue());
      }
      for (HasMetadata object : Manifests.of(plan)) {
        System.out.println(object.getKind() + " " + object.getMetadata().getName());
      }
      System.out.println(HpaController.of(plan.modelHpa())
          .step(Instant.EPOCH, 1, Quantity.parse("9150m")).desiredReplicas() + " replicas at 9.15 rps");
    }
    String yaml = Manifests.hpasYaml(team);
    System.out.print(yaml);
    // read back: plain strings and maps, no JSON library's types
    for (Manifest m : ManifestReader.create().read("team.yaml", yaml)) {
      Map<?, ?> spec = (Map<?, ?>) m.tree().get("spec");
      List<?> metrics = (List<?>) spec.get("metrics");
      System.out.println(m.kind().equals("HorizontalPodAutoscaler") + " " + m.name() + " maxReplicas "
          + spec.get("maxReplicas") + " (" + spec.get("maxReplicas").getClass().getSimpleName() + "), "
          + metrics.size() + " metric");
    }
  }
}
