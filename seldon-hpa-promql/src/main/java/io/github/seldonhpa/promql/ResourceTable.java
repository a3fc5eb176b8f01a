package io.github.seldonhpa.promql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resources prometheus-adapter's RESTMapper knows, which the adapter discovers from the cluster:
 * normalising a group-resource written in a config (case-insensitive, singular or plural, an empty group
 * matching any group, a group prefix when no group matches exactly; {@code CustomMetricInfo.Normalized}
 * and client-go's {@code DefaultRESTMapper.ResourceFor}), singularising plural resources, and mapping an
 * HPA object's kind to its resource. {@link #builtIn()} holds the core group and {@code apps},
 * {@code batch}, {@code autoscaling}, {@code policy}, {@code networking.k8s.io}, Seldon Core 2's
 * {@code mlops.seldon.io} and KEDA's {@code keda.sh}; {@link #with} adds a cluster's own resources (CRDs,
 * KServe, ...), so that an override naming them loads as it does in that cluster.
 */
public final class ResourceTable {
  /** One resource: plural and singular names, kind, and whether it lives in a namespace. */
  record Entry(String group, String plural, String singular, String kind, boolean namespaced) {
    GroupResourceKey key() {
      return new GroupResourceKey(group, plural);
    }
  }

  /** A normalised group-resource: the group and the plural lower-case resource. */
  record GroupResourceKey(String group, String resource) {
    static final GroupResourceKey NAMESPACES = new GroupResourceKey("", "namespaces");
    static final GroupResourceKey NODES = new GroupResourceKey("", "nodes");
    static final GroupResourceKey PERSISTENT_VOLUMES = new GroupResourceKey("", "persistentvolumes");
    static final GroupResourceKey PODS = new GroupResourceKey("", "pods");

    /** Kubernetes' {@code GroupResource.String()}: {@code resource} or {@code resource.group}. */
    @Override
    public String toString() {
      return group.isEmpty() ? resource : resource + "." + group;
    }

    /** Whether the adapter registers this resource as root-scoped (Namespaced=false). */
    boolean rootScoped() {
      return equals(NAMESPACES) || equals(NODES) || equals(PERSISTENT_VOLUMES);
    }
  }

  private static final ResourceTable BUILT_IN = new ResourceTable(List.of(
      new Entry("", "pods", "pod", "Pod", true),
      new Entry("", "services", "service", "Service", true),
      new Entry("", "namespaces", "namespace", "Namespace", false),
      new Entry("", "nodes", "node", "Node", false),
      new Entry("", "persistentvolumes", "persistentvolume", "PersistentVolume", false),
      new Entry("", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true),
      new Entry("", "endpoints", "endpoints", "Endpoints", true),
      new Entry("", "configmaps", "configmap", "ConfigMap", true),
      new Entry("", "secrets", "secret", "Secret", true),
      new Entry("", "serviceaccounts", "serviceaccount", "ServiceAccount", true),
      new Entry("", "replicationcontrollers", "replicationcontroller", "ReplicationController", true),
      new Entry("", "events", "event", "Event", true),
      new Entry("", "limitranges", "limitrange", "LimitRange", true),
      new Entry("", "resourcequotas", "resourcequota", "ResourceQuota", true),
      new Entry("", "podtemplates", "podtemplate", "PodTemplate", true),
      new Entry("apps", "deployments", "deployment", "Deployment", true),
      new Entry("apps", "statefulsets", "statefulset", "StatefulSet", true),
      new Entry("apps", "daemonsets", "daemonset", "DaemonSet", true),
      new Entry("apps", "replicasets", "replicaset", "ReplicaSet", true),
      new Entry("apps", "controllerrevisions", "controllerrevision", "ControllerRevision", true),
      new Entry("batch", "jobs", "job", "Job", true),
      new Entry("batch", "cronjobs", "cronjob", "CronJob", true),
      new Entry("networking.k8s.io", "ingresses", "ingress", "Ingress", true),
      new Entry("networking.k8s.io", "networkpolicies", "networkpolicy", "NetworkPolicy", true),
      new Entry("networking.k8s.io", "ingressclasses", "ingressclass", "IngressClass", false),
      new Entry("autoscaling", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler",
          true),
      new Entry("policy", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true),
      new Entry("mlops.seldon.io", "models", "model", "Model", true),
      new Entry("mlops.seldon.io", "servers", "server", "Server", true),
      new Entry("mlops.seldon.io", "pipelines", "pipeline", "Pipeline", true),
      new Entry("mlops.seldon.io", "experiments", "experiment", "Experiment", true),
      new Entry("mlops.seldon.io", "serverconfigs", "serverconfig", "ServerConfig", true),
      new Entry("mlops.seldon.io", "seldonruntimes", "seldonruntime", "SeldonRuntime", true),
      new Entry("keda.sh", "scaledobjects", "scaledobject", "ScaledObject", true),
      new Entry("keda.sh", "scaledjobs", "scaledjob", "ScaledJob", true),
      new Entry("keda.sh", "triggerauthentications", "triggerauthentication", "TriggerAuthentication", true),
      new Entry("keda.sh", "clustertriggerauthentications", "clustertriggerauthentication",
          "ClusterTriggerAuthentication", false)));

  /** {@return the built-in table: the core group and the common built-in, Seldon and KEDA groups} */
  public static ResourceTable builtIn() {
    return BUILT_IN;
  }

  /**
   * {@return this table and {@code resources}; a resource with the group and plural name of one already in the
   * table replaces it}
   *
   * @param resources the resources to add or replace
   */
  public ResourceTable with(ApiResource... resources) {
    List<Entry> out = new ArrayList<>(entries);
    for (ApiResource r : resources) {
      Entry e = new Entry(r.group(), r.resource(), r.singular(), r.kind(), r.namespaced());
      out.removeIf(old -> old.key().equals(e.key()));
      out.add(e);
    }
    return new ResourceTable(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceTable t && t.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "ResourceTable" + entries.stream().map(e -> e.key().toString()).toList();
  }

  private final List<Entry> entries;
  /** "group/name" and "/name" (any group) for every plural and singular name, to their resources. */
  private final Map<String, List<GroupResourceKey>> byName = new HashMap<>();

  ResourceTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      for (String name : List.of(e.plural, e.singular)) {
        for (String g : List.of(e.group, "")) {
          List<GroupResourceKey> keys = byName.computeIfAbsent(g + "/" + name, k -> new ArrayList<>());
          if (!keys.contains(e.key())) {
            keys.add(e.key());
          }
        }
      }
    }
  }

  /**
   * {@code RESTMapper.ResourceFor}: the one resource a written group-resource names; empty when none or
   * several match.
   */
  Optional<GroupResourceKey> normalize(String group, String resource) {
    List<GroupResourceKey> exact = byName.get(group + "/" + resource);
    if (exact != null) {
      return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
    }
    String r = resource.toLowerCase(Locale.ROOT);
    String g = group.toLowerCase(Locale.ROOT);
    List<GroupResourceKey> found = matching(g, r, false);
    if (found.isEmpty() && !g.isEmpty()) {
      found = matching(g, r, true);
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private List<GroupResourceKey> matching(String group, String resource, boolean groupPrefix) {
    List<GroupResourceKey> found = new ArrayList<>();
    for (Entry e : entries) {
      boolean groupOk = group.isEmpty() || (groupPrefix ? e.group.startsWith(group) : e.group.equals(group));
      if (groupOk && (e.plural.equals(resource) || e.singular.equals(resource)) && !found.contains(e.key())) {
        found.add(e.key());
      }
    }
    return found;
  }

  /** {@code RESTMapper.ResourceSingularizer}: the singular of a plural resource, when known. */
  Optional<String> singular(String pluralResource) {
    String r = pluralResource.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      if (e.plural.equals(r)) {
        return Optional.of(e.singular);
      }
    }
    return Optional.empty();
  }

  /** The resource of an object of {@code kind} in {@code group} (the HPA's {@code RESTMapping}). */
  Optional<Entry> forKind(String group, String kind) {
    for (Entry e : entries) {
      if (e.group.equals(group) && e.kind.equals(kind)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The entry of a normalised group-resource. */
  Optional<Entry> entry(GroupResourceKey key) {
    for (Entry e : entries) {
      if (e.key().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
