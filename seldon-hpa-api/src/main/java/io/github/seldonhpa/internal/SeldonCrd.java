package io.github.seldonhpa.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Seldon Core 2 CRD schemas require of a Model's and a Server's {@code spec}: the type of each
 * top-level field and the required one. Source: SeldonIO/seldon-core
 * {@code operator/config/crd/bases/mlops.seldon.io_models.yaml} (blob 694f16f3) and
 * {@code mlops.seldon.io_servers.yaml} (blob b301bd26), {@code v1alpha1}. A {@code null} value is pruned by
 * the API server (no field is nullable), so it is not an error. Not API.
 */
public final class SeldonCrd {
  /** A JSON type of the schema, with the library's wording. */
  public enum Type {
    /** {@code type: integer, format: int32}. */
    INTEGER("an integer"),
    /** {@code type: string}. */
    STRING("a string"),
    /** {@code type: boolean}. */
    BOOLEAN("true or false"),
    /** {@code type: object}. */
    OBJECT("a mapping"),
    /** {@code type: array}. */
    ARRAY("a sequence"),
    /** {@code x-kubernetes-int-or-string: true} (a quantity). */
    INT_OR_STRING("an integer or a string");

    private final String wording;

    Type(String wording) {
      this.wording = wording;
    }

    /** {@code an integer}. */
    public String wording() {
      return wording;
    }
  }

  /** Model spec fields and their types. */
  public static final Map<String, Type> MODEL_SPEC = fields(
      "artifactVersion", Type.INTEGER, "dataflow", Type.OBJECT, "dedicated", Type.BOOLEAN, "explainer", Type.OBJECT,
      "llm", Type.OBJECT, "logger", Type.OBJECT, "maxReplicas", Type.INTEGER, "memory", Type.INT_OR_STRING,
      "minReplicas", Type.INTEGER, "modelType", Type.STRING, "parameters", Type.ARRAY, "preloaded", Type.BOOLEAN,
      "replicas", Type.INTEGER, "requirements", Type.ARRAY, "schemaUri", Type.STRING, "secretName", Type.STRING,
      "server", Type.STRING, "storageUri", Type.STRING);
  /** The Model spec field the schema requires. */
  public static final String MODEL_REQUIRED = "storageUri";

  /** Server spec fields and their types. */
  public static final Map<String, Type> SERVER_SPEC = fields(
      "capabilities", Type.ARRAY, "deploymentStrategy", Type.OBJECT, "disableAutoUpdate", Type.BOOLEAN,
      "extraCapabilities", Type.ARRAY, "imageOverrides", Type.OBJECT, "maxReplicas", Type.INTEGER,
      "minReplicas", Type.INTEGER, "podSpec", Type.OBJECT, "replicas", Type.INTEGER, "serverConfig", Type.STRING,
      "statefulSetPersistentVolumeClaimRetentionPolicy", Type.OBJECT);
  /** The Server spec field the schema requires. */
  public static final String SERVER_REQUIRED = "serverConfig";

  private SeldonCrd() {}

  private static Map<String, Type> fields(Object... pairs) {
    Map<String, Type> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (Type) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
