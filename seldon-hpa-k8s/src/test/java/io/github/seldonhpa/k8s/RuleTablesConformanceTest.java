package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.seldonhpa.internal.SeldonCrd;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rule tables against the official schemas in ../shared/schemas (skipped without them): the HPA spec's
 * fields and the required ones in the autoscaling/v2 OpenAPI document, and every Seldon Model and Server spec
 * field with its type and the required field in the CRDs.
 */
class RuleTablesConformanceTest {
  private static JsonNode openApi() throws IOException {
    Path file = SharedFiles.require("schemas/k8s-autoscaling-v2-openapi.json");
    return new ObjectMapper().readTree(file.toFile()).path("components").path("schemas");
  }

  private static JsonNode crdSpec(String name) throws IOException {
    Path file = SharedFiles.require("schemas/" + name);
    JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema").path("properties")
        .path("spec");
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> out = new TreeSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void hpaSpecFieldsAreTheOpenApiOnes() throws IOException {
    JsonNode spec = openApi().path("io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec");
    assertThat(new TreeSet<>(ApiServerValidation.V2_SPEC)).isEqualTo(keys(spec.path("properties")));
    assertThat(spec.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("scaleTargetRef",
        "maxReplicas");
    ApiServerValidation.V2_FIELDS.forEach((type, fields) -> {
      try {
        assertThat(new TreeSet<>(fields)).as(type)
            .isEqualTo(keys(openApi().path("io.k8s.api.autoscaling.v2." + type).path("properties")));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    ApiServerValidation.META_V1_FIELDS.forEach((type, fields) -> {
      try {
        assertThat(new TreeSet<>(fields)).as(type)
            .isEqualTo(keys(openApi().path("io.k8s.apimachinery.pkg.apis.meta.v1." + type).path("properties")));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    // this copy of the schema predates Kubernetes 1.33's tolerance
    Set<String> rules = new TreeSet<>(ApiServerValidation.RULES_FIELDS);
    rules.remove("tolerance");
    assertThat(rules).isEqualTo(keys(openApi().path("io.k8s.api.autoscaling.v2.HPAScalingRules").path("properties")));
    assertThat(new TreeSet<>(ApiServerValidation.POLICY_FIELDS))
        .isEqualTo(keys(openApi().path("io.k8s.api.autoscaling.v2.HPAScalingPolicy").path("properties")));
    JsonNode policy = openApi().path("io.k8s.api.autoscaling.v2.HPAScalingPolicy");
    assertThat(policy.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("type", "value",
        "periodSeconds");
    assertThat(openApi().path("io.k8s.api.autoscaling.v2.MetricTarget").path("required"))
        .extracting(JsonNode::asText).containsExactly("type");
  }

  @Test
  void seldonSpecFieldsAreTheCrdOnes() throws IOException {
    check(crdSpec("seldon-model-crd.yaml"), SeldonCrd.MODEL_SPEC, SeldonCrd.MODEL_REQUIRED);
    check(crdSpec("seldon-server-crd.yaml"), SeldonCrd.SERVER_SPEC, SeldonCrd.SERVER_REQUIRED);
  }

  private static void check(JsonNode spec, Map<String, SeldonCrd.Type> table, String required) {
    Map<String, SeldonCrd.Type> schema = new LinkedHashMap<>();
    spec.path("properties").fields().forEachRemaining(e -> schema.put(e.getKey(), type(e.getValue())));
    assertThat(new TreeSet<>(table.keySet())).isEqualTo(new TreeSet<>(schema.keySet()));
    assertThat(table).containsAllEntriesOf(schema);
    assertThat(spec.path("required")).extracting(JsonNode::asText).isEqualTo(List.of(required));
    schema.keySet().forEach(k -> assertThat(spec.path("properties").path(k).path("nullable").asBoolean(false))
        .as(k + " nullable").isFalse());
  }

  private static SeldonCrd.Type type(JsonNode property) {
    if (property.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return SeldonCrd.Type.INT_OR_STRING;
    }
    switch (property.path("type").asText()) {
      case "integer":
        return SeldonCrd.Type.INTEGER;
      case "string":
        return SeldonCrd.Type.STRING;
      case "boolean":
        return SeldonCrd.Type.BOOLEAN;
      case "array":
        return SeldonCrd.Type.ARRAY;
      default:
        return SeldonCrd.Type.OBJECT;
    }
  }
}
