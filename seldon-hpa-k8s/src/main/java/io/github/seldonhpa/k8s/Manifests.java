package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.Server;
import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.promql.AdapterConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders plans and value types as Kubernetes manifests: fresh fabric8 objects on every call (they are
 * mutable, so none is shared or kept; Seldon's kinds, which fabric8 has no class for, as
 * {@code GenericKubernetesResource}s, hence {@link #modelResource} and {@link #serverResource}), or deterministic YAML in the layout of the Seldon docs (same input,
 * same bytes; {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}; in an HPA spec {@code
 * scaleTargetRef}, {@code minReplicas}, {@code maxReplicas}, {@code metrics}, {@code behavior}). Both come
 * from one mapping, so the YAML always parses to objects equal to the fabric8 ones.
 *
 * <pre>{@code
 * List<HorizontalPodAutoscaler> hpas = Manifests.hpas(plan); // irisa0-model-hpa, mlserver-server-hpa
 * String yaml = Manifests.yaml(plan);                         // Model, Model HPA, Server HPA
 * }</pre>
 */
public final class Manifests {
  // Jackson is loaded only when fabric8 objects are asked for: YAML rendering does not need it
  static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper().registerModule(
        new SimpleModule("seldon-hpa").addSerializer(Quantity.class, ToStringSerializer.instance));
  }

  private Manifests() {}

  /**
   * {@return the plan's manifests in the order to apply them: the Model (when the plan has a {@code storageUri}),
   * the Model HPA and, for single-model serving, the Server HPA}
   *
   * @param plan the plan to render
   */
  public static List<HasMetadata> of(ScalingPlan plan) {
    List<HasMetadata> objects = new ArrayList<>(3);
    plan.modelResource().ifPresent(m -> objects.add(modelResource(m)));
    objects.addAll(hpas(plan));
    return objects;
  }

  /**
   * {@return the plan's HPAs: {@code <modelName>-model-hpa} and, when the plan names a server,
   * {@code <serverName>-server-hpa}}
   *
   * @param plan the plan to render
   */
  public static List<HorizontalPodAutoscaler> hpas(ScalingPlan plan) {
    List<HorizontalPodAutoscaler> hpas = new ArrayList<>(2);
    hpas.add(hpa(plan.modelHpa()));
    plan.serverHpa().ifPresent(s -> hpas.add(hpa(s)));
    return hpas;
  }

  /**
   * {@return an autoscaling/v2 HorizontalPodAutoscaler}
   *
   * @param hpa the HPA to render
   */
  public static HorizontalPodAutoscaler hpa(Hpa hpa) {
    return Mapper.INSTANCE.convertValue(ManifestTrees.hpa(hpa), HorizontalPodAutoscaler.class);
  }

  /**
   * {@return a Seldon Model ({@code mlops.seldon.io/v1alpha1}) as a fabric8 generic resource} fabric8 has
   * no class for Seldon's kinds.
   *
   * @param model the Model to render
   */
  public static GenericKubernetesResource modelResource(Model model) {
    return Mapper.INSTANCE.convertValue(ManifestTrees.model(model), GenericKubernetesResource.class);
  }

  /**
   * {@return a Seldon Server ({@code mlops.seldon.io/v1alpha1}) as a fabric8 generic resource} fabric8 has
   * no class for Seldon's kinds.
   *
   * @param server the Server to render
   */
  public static GenericKubernetesResource serverResource(Server server) {
    return Mapper.INSTANCE.convertValue(ManifestTrees.server(server), GenericKubernetesResource.class);
  }

  /**
   * {@return the plan's manifests (see {@link #of(ScalingPlan)}) as one multi-document YAML text}
   *
   * @param plan the plan to render
   */
  public static String yaml(ScalingPlan plan) {
    StringBuilder out = new StringBuilder(2048);
    plan.modelResource().ifPresent(m -> document(ManifestTrees.model(m), out));
    document(ManifestTrees.hpa(plan.modelHpa()), out);
    plan.serverHpa().ifPresent(s -> document(ManifestTrees.hpa(s), out));
    return out.toString();
  }

  /**
   * {@return the plan's HPAs (see {@link #hpas(ScalingPlan)}) as one multi-document YAML text}
   *
   * @param plan the plan to render
   */
  public static String hpasYaml(ScalingPlan plan) {
    StringBuilder out = new StringBuilder(2048);
    document(ManifestTrees.hpa(plan.modelHpa()), out);
    plan.serverHpa().ifPresent(s -> document(ManifestTrees.hpa(s), out));
    return out.toString();
  }

  /**
   * {@return one HPA as YAML}
   *
   * @param hpa the HPA to render
   */
  public static String yaml(Hpa hpa) {
    return documentText(ManifestTrees.hpa(hpa));
  }

  /**
   * {@return one Model as YAML}
   *
   * @param model the Model to render
   */
  public static String yaml(Model model) {
    return documentText(ManifestTrees.model(model));
  }

  /**
   * {@return one Server as YAML}
   *
   * @param server the Server to render
   */
  public static String yaml(Server server) {
    return documentText(ManifestTrees.server(server));
  }

  /**
   * {@return Seldon's native scaling settings as a {@code seldon-core-v2-setup} helm values file: the dotted keys of
   * {@link NativeScaling#helmValues()} nested, the agent settings as strings as the chart holds them}
   *
   * @param settings the native scaling settings
   */
  public static String helmValuesYaml(NativeScaling settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : settings.helmValues().entrySet()) {
      String[] path = e.getKey().split("\\.");
      Map<String, Object> node = root;
      for (int i = 0; i < path.length - 1; i++) {
        node = cast(node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>()));
      }
      boolean flag = e.getValue().equals("true") || e.getValue().equals("false");
      node.put(path[path.length - 1], flag ? (Object) Boolean.valueOf(e.getValue()) : e.getValue());
    }
    return documentText(root);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  /**
   * {@return several YAML documents joined with {@code ---} separators}
   *
   * @param documents YAML documents, each with or without a trailing newline
   */
  public static String join(List<String> documents) {
    StringBuilder out = new StringBuilder();
    for (String d : documents) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(d);
    }
    return out.toString();
  }

  /**
   * {@return the name prometheus-adapter's Helm chart gives its ConfigMap: {@code <release>-prometheus-adapter}}
   *
   * @param release the chart's Helm release name, such as {@code hpa-metrics}
   */
  public static String adapterConfigMapName(String release) {
    return release + "-prometheus-adapter";
  }

  /**
   * {@return the adapter's {@code config.yaml} text}
   *
   * @param config the adapter's rules
   */
  public static String adapterConfigYaml(AdapterConfig config) {
    return documentText(ManifestTrees.adapterConfig(config));
  }

  /**
   * {@return the ConfigMap the prometheus-adapter Helm release {@code release} reads its rules from
   * ({@code <release>-prometheus-adapter} in the adapter's namespace, key {@code config.yaml})}
   *
   * @param release the chart's Helm release name, such as {@code hpa-metrics}
   * @param namespace the release's namespace, such as {@code seldon-monitoring}
   * @param config the adapter's rules, the ConfigMap's {@code config.yaml}
   */
  public static ConfigMap adapterConfigMap(String release, String namespace, AdapterConfig config) {
    return Mapper.INSTANCE.convertValue(adapterConfigMapTree(release, namespace, config), ConfigMap.class);
  }

  /**
   * {@return {@link #adapterConfigMap(String, String, AdapterConfig)} as YAML}
   *
   * @param release the chart's Helm release name, such as {@code hpa-metrics}
   * @param namespace the release's namespace, such as {@code seldon-monitoring}
   * @param config the adapter's rules, the ConfigMap's {@code config.yaml}
   */
  public static String adapterConfigMapYaml(String release, String namespace, AdapterConfig config) {
    return documentText(adapterConfigMapTree(release, namespace, config));
  }

  private static Map<String, Object> adapterConfigMapTree(String release, String namespace, AdapterConfig config) {
    Checks.dns1123Label("release", release);
    Checks.dns1123Label("namespace", namespace);
    return ManifestTrees.configMap(adapterConfigMapName(release), namespace,
        Map.of("config.yaml", adapterConfigYaml(config)));
  }

  private static String documentText(Map<String, Object> tree) {
    StringBuilder out = new StringBuilder(1024);
    YamlEmitter.document(tree, out);
    return out.toString();
  }

  private static void document(Map<String, Object> tree, StringBuilder out) {
    if (out.length() > 0) {
      out.append("---\n");
    }
    YamlEmitter.document(tree, out);
  }
}
