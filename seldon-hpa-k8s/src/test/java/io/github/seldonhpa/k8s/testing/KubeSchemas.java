package io.github.seldonhpa.k8s.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates manifests against the official autoscaling/v2 OpenAPI document and the Seldon CRDs' {@code
 * openAPIV3Schema}, read from {@code ../shared/schemas} at run time (tests are skipped without it).
 *
 * <p>Three adjustments mirror the API server: a Quantity decodes from a JSON number as well as a string
 * (the OpenAPI document only says string); unknown fields are errors (strict field validation, as
 * {@code kubectl apply --validate=strict}; without it the API server would silently drop them); and the
 * per-direction {@code tolerance} of Kubernetes 1.33, which the shared copy predates, is admitted.
 */
public final class KubeSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  private static final String HPA = "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler";

  private static Schema hpa;
  private static Schema model;
  private static Schema server;
  private static Schema scaledObject;

  private KubeSchemas() {}

  /** The schema errors of one manifest, chosen by its kind; an unknown kind is an error itself. */
  public static List<String> errors(JsonNode manifest) {
    String kind = manifest.path("kind").asText();
    Schema schema;
    switch (kind) {
      case "HorizontalPodAutoscaler": schema = hpa(); break;
      case "Model": schema = crd("seldon-model-crd.yaml", true); break;
      case "Server": schema = crd("seldon-server-crd.yaml", false); break;
      case "ScaledObject": schema = scaledObject(); break;
      case "ConfigMap": return configMapErrors(manifest);
      default: return List.of("no schema for kind \"" + kind + "\"");
    }
    List<Error> errors = schema.validate(manifest);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .collect(Collectors.toList());
  }

  /** The schema errors of every document of a multi-document YAML text. */
  public static List<String> errorsOfYaml(String yaml) {
    List<String> all = new ArrayList<>();
    try {
      Iterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml);
      int i = 0;
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        for (String e : errors(doc)) {
          all.add("document " + i + " (" + doc.path("kind").asText() + " "
              + doc.path("metadata").path("name").asText() + "): " + e);
        }
        i++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  // core/v1 ConfigMap is not in the autoscaling document: check its shape by hand
  private static List<String> configMapErrors(JsonNode cm) {
    List<String> errors = new ArrayList<>();
    if (!"v1".equals(cm.path("apiVersion").asText())) {
      errors.add("$.apiVersion: must be v1");
    }
    cm.fieldNames().forEachRemaining(f -> {
      if (!List.of("apiVersion", "kind", "metadata", "data", "binaryData", "immutable").contains(f)) {
        errors.add("$." + f + ": unknown field");
      }
    });
    cm.path("data").fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        errors.add("$.data." + e.getKey() + ": must be a string");
      }
    });
    return errors;
  }

  private static synchronized Schema hpa() {
    if (hpa == null) {
      JsonNode doc = readJson(SharedFiles.read(null, "schemas/k8s-autoscaling-v2-openapi.json"));
      ObjectNode schemas = ((ObjectNode) doc.path("components").path("schemas")).deepCopy();
      ObjectNode quantity = JsonNodeFactory.instance.objectNode();
      ArrayNode anyOf = quantity.putArray("anyOf");
      anyOf.addObject().put("type", "string");
      anyOf.addObject().put("type", "number");
      schemas.set(QUANTITY, quantity);
      // this copy predates Kubernetes 1.33, which added behavior.scaleUp/scaleDown.tolerance (a Quantity)
      ((ObjectNode) schemas.path("io.k8s.api.autoscaling.v2.HPAScalingRules").path("properties"))
          .putObject("tolerance").put("$ref", "#/components/schemas/" + QUANTITY);
      schemas.fields().forEachRemaining(e -> strict(e.getValue()));
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("$ref", "#/components/schemas/" + HPA);
      root.putObject("components").set("schemas", schemas);
      hpa = registry().getSchema(root.toString(), InputFormat.JSON);
    }
    return hpa;
  }

  private static synchronized Schema scaledObject() {
    if (scaledObject == null) {
      scaledObject = v1alpha1("keda-scaledobject-crd.yaml");
    }
    return scaledObject;
  }

  private static Schema v1alpha1(String file) {
    JsonNode crd = readYaml(SharedFiles.read(null, "schemas/" + file));
    JsonNode schema = null;
    for (JsonNode v : crd.path("spec").path("versions")) {
      if ("v1alpha1".equals(v.path("name").asText())) {
        schema = v.path("schema").path("openAPIV3Schema").deepCopy();
      }
    }
    if (schema == null) {
      throw new IllegalStateException(file + " has no v1alpha1 openAPIV3Schema");
    }
    strict(schema);
    return registry().getSchema(schema.toString(), InputFormat.JSON);
  }

  private static synchronized Schema crd(String file, boolean isModel) {
    Schema cached = isModel ? model : server;
    if (cached == null) {
      cached = v1alpha1(file);
      if (isModel) {
        model = cached;
      } else {
        server = cached;
      }
    }
    return cached;
  }

  // strict field validation: an object schema with properties admits no other field
  private static void strict(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      if (o.has("properties") && !o.has("additionalProperties")
          && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        o.put("additionalProperties", false);
      }
      for (Map.Entry<String, JsonNode> e : iterable(o.fields())) {
        if (!e.getKey().equals("properties")) {
          strict(e.getValue());
        } else {
          e.getValue().elements().forEachRemaining(KubeSchemas::strict);
        }
      }
    } else if (node.isArray()) {
      node.elements().forEachRemaining(KubeSchemas::strict);
    }
  }

  private static <T> Iterable<T> iterable(Iterator<T> it) {
    List<T> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }

  private static SchemaRegistry registry() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readYaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
