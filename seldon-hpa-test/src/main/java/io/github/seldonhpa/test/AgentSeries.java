package io.github.seldonhpa.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The labels of one Seldon Core 2 agent series: one model version served by one server replica (pod), called
 * with one method and answered with one code. They are the labels of Seldon's documented example (seed 002,
 * {@code seldon_model_infer_total}): {@code code}, {@code container="agent"}, {@code endpoint="metrics"},
 * {@code instance}, {@code job="<namespace>/agent"}, {@code method_type}, {@code model},
 * {@code model_internal="<model>_<version>"}, {@code namespace}, {@code pod="<server>-<replica>"},
 * {@code server} and {@code server_replica}.
 *
 * <p>Immutable: every setter returns a copy, so one value can be the base of several series:
 *
 * <pre>{@code
 * AgentSeries irisa0 = AgentSeries.model("irisa0").namespace("seldon-mesh").server("mlserver");
 * irisa0.replica(1).methodType("grpc").code("OK");
 * }</pre>
 */
public final class AgentSeries {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final String model;
  private final int modelVersion;
  private final String namespace;
  private final String server;
  private final int replica;
  private final String methodType;
  private final String code;
  private final double secondsPerRequest;
  private final Map<String, String> extraLabels;

  private AgentSeries(String model, int modelVersion, String namespace, String server, int replica,
      String methodType, String code, double secondsPerRequest, Map<String, String> extraLabels) {
    this.model = model;
    this.modelVersion = modelVersion;
    this.namespace = namespace;
    this.server = server;
    this.replica = replica;
    this.methodType = methodType;
    this.code = code;
    this.secondsPerRequest = secondsPerRequest;
    this.extraLabels = extraLabels;
  }

  /**
   * {@return a series of the model with the defaults: version 1, namespace {@code seldon-mesh}, server
   * {@code mlserver}, replica 0, method {@code rest}, code {@code 200}, 1/32 s per request}
   *
   * @param model the Model's name, the {@code model} label
   */
  public static AgentSeries model(String model) {
    return new AgentSeries(nonEmpty("model", model), 1, "seldon-mesh", "mlserver", 0, "rest", "200", 1.0 / 32,
        Map.of());
  }

  /** {@return the {@code model} label} */
  public String model() {
    return model;
  }

  /** {@return the model version: {@code model_internal} is {@code <model>_<version>}} */
  public int modelVersion() {
    return modelVersion;
  }

  /**
   * {@return a copy with this model version (>= 1)}
   *
   * @param version the model version, at least 1
   */
  public AgentSeries modelVersion(int version) {
    Validation.check(version >= 1, "modelVersion must be >= 1 (was %d)", version);
    return new AgentSeries(model, version, namespace, server, replica, methodType, code, secondsPerRequest,
        extraLabels);
  }

  /** {@return the {@code namespace} label: where the Model, its Server and the pods are} */
  public String namespace() {
    return namespace;
  }

  /**
   * {@return a copy in this namespace}
   *
   * @param namespace the {@code namespace} label
   */
  public AgentSeries namespace(String namespace) {
    return new AgentSeries(model, modelVersion, nonEmpty("namespace", namespace), server, replica, methodType,
        code, secondsPerRequest, extraLabels);
  }

  /** {@return the {@code server} label} */
  public String server() {
    return server;
  }

  /**
   * {@return a copy on this server}
   *
   * @param server the Server's name, the {@code server} label
   */
  public AgentSeries server(String server) {
    return new AgentSeries(model, modelVersion, namespace, nonEmpty("server", server), replica, methodType, code,
        secondsPerRequest, extraLabels);
  }

  /** {@return the {@code server_replica} label: the ordinal of the server's pod} */
  public int replica() {
    return replica;
  }

  /**
   * {@return a copy on this server replica (>= 0), that is on pod {@code <server>-<replica>}}
   *
   * @param replica the server replica, at least 0
   */
  public AgentSeries replica(int replica) {
    Validation.check(replica >= 0, "replica must be >= 0 (was %d)", replica);
    return new AgentSeries(model, modelVersion, namespace, server, replica, methodType, code, secondsPerRequest,
        extraLabels);
  }

  /** {@return the {@code pod} label: {@code <server>-<replica>}, as the Server's StatefulSet names its pods} */
  public String pod() {
    return server + "-" + replica;
  }

  /** {@return the {@code method_type} label: {@code rest} or {@code grpc}} */
  public String methodType() {
    return methodType;
  }

  /**
   * {@return a copy with this {@code method_type}}
   *
   * @param methodType {@code rest} or {@code grpc}
   */
  public AgentSeries methodType(String methodType) {
    return new AgentSeries(model, modelVersion, namespace, server, replica, nonEmpty("methodType", methodType),
        code, secondsPerRequest, extraLabels);
  }

  /** {@return the {@code code} label: the HTTP status ({@code 200}) or gRPC code ({@code OK})} */
  public String code() {
    return code;
  }

  /**
   * {@return a copy with this {@code code}}
   *
   * @param code the response code: an HTTP status such as {@code 200} for REST, a status name such as
   *     {@code OK} for gRPC
   */
  public AgentSeries code(String code) {
    return new AgentSeries(model, modelVersion, namespace, server, replica, methodType, nonEmpty("code", code),
        secondsPerRequest, extraLabels);
  }

  /** {@return the mean inference time per request, which {@code seldon_model_infer_seconds_total} counts} */
  public double secondsPerRequest() {
    return secondsPerRequest;
  }

  /**
   * {@return a copy with this mean inference time per request (finite, >= 0)}
   *
   * @param seconds the mean inference time per request in seconds, finite and at least 0
   */
  public AgentSeries secondsPerRequest(double seconds) {
    Validation.check(Double.isFinite(seconds) && seconds >= 0, "secondsPerRequest must be a finite number >= 0 (was %s)",
        seconds);
    return new AgentSeries(model, modelVersion, namespace, server, replica, methodType, code, seconds, extraLabels);
  }

  /**
   * {@return a copy with one more label, or another value for a label above (such as {@code instance}): what a
   * PodMonitor's relabelling adds in your cluster}
   *
   * @param name the label name, a Prometheus label name
   * @param value the label value
   */
  public AgentSeries label(String name, String value) {
    Validation.check(name != null && LABEL_NAME.matcher(name).matches() && !name.startsWith("__"),
        "label name must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __ (was %s)",
        name == null ? "null" : "\"" + name + "\"");
    Validation.check(value != null, "label %s must have a value (was null)", name);
    Map<String, String> labels = new TreeMap<>(extraLabels);
    labels.put(name, value);
    return new AgentSeries(model, modelVersion, namespace, server, replica, methodType, code, secondsPerRequest,
        Map.copyOf(labels));
  }

  /**
   * {@return every label, in the order of Seldon's example, then the added ones by name} {@code instance} is
   * {@code 10.244.<a>.<b>:9006} with {@code a} and {@code b} derived from the namespace and pod, so a pod keeps
   * its address in every series.
   */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("code", code);
    labels.put("container", "agent");
    labels.put("endpoint", "metrics");
    int address = (namespace + "/" + pod()).hashCode();
    labels.put("instance", "10.244." + ((address >>> 8) & 0xff) + "." + (address & 0xff) + ":9006");
    labels.put("job", namespace + "/agent");
    labels.put("method_type", methodType);
    labels.put("model", model);
    labels.put("model_internal", model + "_" + modelVersion);
    labels.put("namespace", namespace);
    labels.put("pod", pod());
    labels.put("server", server);
    labels.put("server_replica", Integer.toString(replica));
    labels.putAll(new TreeMap<>(extraLabels));
    return labels;
  }

  private static String nonEmpty(String field, String value) {
    Validation.check(value != null && !value.isEmpty(), "%s must not be empty (was %s)", field,
        value == null ? "null" : "\"\"");
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentSeries && ((AgentSeries) o).labels().equals(labels())
        && ((AgentSeries) o).secondsPerRequest == secondsPerRequest;
  }

  @Override
  public int hashCode() {
    return labels().hashCode();
  }

  /** The series as PromQL selects it: {@code {code="200",...}}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    labels().forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(k).append("=\"")
        .append(OpenMetrics.escape(v)).append('"'));
    return out.append('}').toString();
  }
}
