package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The autoscaling/v2 view of an HPA written in an older version, as the API server converts it. Sources:
 * kubernetes/kubernetes {@code pkg/apis/autoscaling/v1/conversion.go} at commit
 * {@code 6672a99eab3b5559bccf66fbac27d9d3717e43f6} ({@code Convert_v1_HorizontalPodAutoscaler_To_autoscaling_...}
 * and the spec conversion: {@code targetCPUUtilizationPercentage} becomes a cpu Utilization Resource metric,
 * and with no metric at all the default cpu 80% is filled in); autoscaling/v2beta2 has the fields of v2 and
 * converts field by field. The v1 annotation {@code autoscaling.alpha.kubernetes.io/metrics} (metrics written
 * by a v2 client) is not read.
 */
final class HpaVersions {
  static final String V2 = "autoscaling/v2";
  static final String V2BETA2 = "autoscaling/v2beta2";
  static final String V1 = "autoscaling/v1";
  /** autoscaling/v1's implicit target, made explicit by the conversion. */
  static final int DEFAULT_CPU_UTILIZATION = 80;

  private HpaVersions() {}

  /** Whether the apiVersion is one the view converts from. */
  static boolean convertible(String apiVersion) {
    return apiVersion.equals(V2) || apiVersion.equals(V2BETA2) || apiVersion.equals(V1);
  }

  /** The v2 spec of an HPA in v2, v2beta2 or v1; empty for other versions. */
  static Optional<JsonNode> v2Spec(JsonNode root, String apiVersion) {
    JsonNode spec = root.path("spec");
    if (apiVersion.equals(V2) || apiVersion.equals(V2BETA2)) {
      return Optional.of(spec);
    }
    if (!apiVersion.equals(V1)) {
      return Optional.empty();
    }
    if (!spec.isObject()) {
      return Optional.of(spec);
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("targetCPUUtilizationPercentage")) {
        out.set(e.getKey(), e.getValue());
      }
    }
    JsonNode cpu = spec.get("targetCPUUtilizationPercentage");
    ObjectNode target = f.objectNode().put("type", "Utilization");
    if (Fields.present(cpu)) {
      target.set("averageUtilization", cpu);
    } else {
      target.put("averageUtilization", DEFAULT_CPU_UTILIZATION);
    }
    ObjectNode metric = f.objectNode().put("type", "Resource");
    metric.set("resource", f.objectNode().put("name", "cpu").set("target", target));
    out.set("metrics", f.arrayNode().add(metric));
    return Optional.of(out);
  }
}
