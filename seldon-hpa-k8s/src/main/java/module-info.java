/**
 * fabric8 objects and deterministic YAML for seldon-hpa plans, lossless reading and lint of existing
 * manifests, the Prometheus query client. fabric8's model jars (7.x) declare no module name, so they are
 * required by the names the JDK derives from their file names; see {@code docs/rendering.md}. Jackson is
 * used inside only (no Jackson type is in this module's API), so it is not required transitively; see
 * {@code docs/dependency.md}.
 */
@SuppressWarnings({"requires-transitive-automatic", "requires-automatic"})
module io.github.seldonhpa.k8s {
  requires transitive io.github.seldonhpa;
  requires transitive io.github.seldonhpa.promql;
  requires com.fasterxml.jackson.databind;
  requires transitive kubernetes.model.core;
  requires transitive kubernetes.model.autoscaling;
  requires kubernetes.model.common;
  requires org.yaml.snakeyaml;
  requires java.net.http;
  requires static org.immutables.value.annotations;

  exports io.github.seldonhpa.k8s;
}
