package io.github.seldonhpa.cli;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.k8s.QuerySample;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.SeldonPresets;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seldon-hpa explain}: what prometheus-adapter does for an HPA's Object, Pods, External and Resource metrics. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Show the adapter rule, PromQL and API path behind an HPA metric.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = {"The adapter rule and series that serve an HPA metric, the exact PromQL the adapter runs,"
        + " the custom-, external- or resource-metrics API path and the kubectl command to check it; with"
        + " --prometheus, the value Prometheus returns and, for an HPA, the replicas the controller would choose.",
        "With --metric: an Object metric with --object, an External metric with --external, else a Pods metric"
        + " of the pods --pod-selector and --pods name. With --hpa: Pods and Resource metrics (on a Server HPA)"
        + " query the Server <s>'s pods, seldon-server-name=<s> and <s>-0 to <s>-<N-1> (its StatefulSet's, N"
        + " the current replicas), unless --pod-selector and --pods say otherwise; Resource metrics are"
        + " explained when the adapter config has resourceRules."},
    footer = {"%nExamples:",
        "  seldon-hpa explain --adapter-config adapter-configmap.yaml --hpa irisa0-model-hpa.yaml",
        "  seldon-hpa explain --adapter-config values.yaml \\",
        "      --metric infer_rps --object Model/irisa0 -n seldon-mesh --selector method_type=rest",
        "  seldon-hpa explain --adapter-config values.yaml --metric model_infer_rps --external \\",
        "      -n seldon-mesh --selector model=irisa0",
        "  seldon-hpa explain --adapter-config values.yaml --metric infer_rps -n seldon-mesh \\",
        "      --pod-selector seldon-server-name=mlserver --pods mlserver-0,mlserver-1",
        "  seldon-hpa explain --adapter-config adapter.yaml --hpa hpa.yaml --prometheus http://127.0.0.1:9090",
        "%nExit codes: 0 every metric served, 1 a metric no rule serves, 2 bad usage, unreadable input or a"
            + " failed query."})
final class ExplainCommand implements Callable<Integer> {
  private static final Map<String, String> API_VERSIONS = new LinkedHashMap<>();

  static {
    for (String seldon : List.of("Model", "Server", "Pipeline", "Experiment")) {
      API_VERSIONS.put(seldon, ObjectReference.SELDON_API_VERSION);
    }
    for (String core : List.of("Pod", "Service", "Namespace")) {
      API_VERSIONS.put(core, "v1");
    }
    for (String apps : List.of("Deployment", "StatefulSet", "ReplicaSet")) {
      API_VERSIONS.put(apps, "apps/v1");
    }
  }

  @Spec
  CommandSpec spec;

  @Option(names = "--adapter-config", paramLabel = "FILE", required = true,
      description = "The adapter's ConfigMap, a bare config.yaml or the adapter chart's values.")
  Path adapterConfig;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--hpa", paramLabel = "FILE", required = true,
        description = "An HPA manifest: every metric of every HPA in it.")
    Path hpa;

    @ArgGroup(exclusive = false)
    Single single;
  }

  static final class Single {
    @Option(names = "--metric", paramLabel = "NAME", required = true, description = "The metric name.")
    String metric;

    @Option(names = "--object", paramLabel = "KIND/NAME", description = "An Object metric of this described"
        + " object: Model/irisa0, Server/mlserver, Pod/..., Namespace/..., Deployment/...")
    String object;

    @Option(names = "--external", description = "An External metric.")
    boolean external;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", required = true, description = "The HPA's namespace.")
    String namespace;

    @Option(names = "--selector", paramLabel = "k=v,...", split = ",",
        description = "The metric selector's matchLabels.")
    Map<String, String> selector = new LinkedHashMap<>();
  }

  @Option(names = "--pod-selector", paramLabel = "k=v,...", split = ",", description = "The pods of a Pods or"
      + " Resource metric: the scale target's pod selector, its scale subresource's status.selector.")
  Map<String, String> podSelector = new LinkedHashMap<>();

  @Option(names = "--pods", paramLabel = "NAME,...", split = ",",
      description = "The pods that selector lists now (kubectl get pods -l SELECTOR), in name order.")
  List<String> pods = new ArrayList<>();

  @Option(names = "--prometheus", paramLabel = "URL", description = "Run each query on this Prometheus.")
  URI prometheus;

  @Option(names = "--time", paramLabel = "T",
      description = "The evaluation time: RFC 3339 (2026-12-07T15:00:00Z) or Unix seconds. Default: now.")
  String time;

  @Option(names = "--current", paramLabel = "N",
      description = "With --hpa: the target's current replicas. Default: the number of --pods, else the HPA's"
          + " minReplicas.")
  Integer current;

  @Override
  public Integer call() {
    AdapterConfig config = AdapterConfigFile.read(adapterConfig);
    PrintWriter out = spec.commandLine().getOut();
    Instant at = instant();
    if (current != null && current < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--current must be >= 0 (was " + current + ")");
    }
    boolean served = true;
    if (target.hpa != null) {
      List<Hpa> hpas = hpas();
      for (Hpa hpa : hpas) {
        if (hpa != hpas.get(0)) {
          out.println();
        }
        out.printf("HorizontalPodAutoscaler %s/%s%n", hpa.namespace(), hpa.name());
        int replicas = current != null ? current : !pods.isEmpty() ? pods.size() : hpa.minReplicas().orElse(1);
        Map<String, Quantity> values = new LinkedHashMap<>();
        for (int i = 0; i < hpa.metrics().size(); i++) {
          Metric m = hpa.metrics().get(i);
          out.printf("%nspec.metrics[%d]: %s metric %s%n", i, m.type().yamlName(), Readings.name(m));
          if (m instanceof ResourceMetric && config.resourceRules().isEmpty()) {
            out.println("  not explained: the adapter config has no resourceRules, so another server (such as"
                + " metrics-server) serves metrics.k8s.io");
            continue;
          }
          Explanation e = explain(config, m, hpa, replicas);
          served &= print(e, out);
          if (e.served() && prometheus != null) {
            query(e, m, at, out).ifPresent(v -> values.put(Readings.name(m), v));
          }
        }
        if (prometheus != null) {
          out.println();
          DecideCommand.print(hpa, replicas, values, out);
        }
      }
    } else {
      Metric m = single();
      String ns = target.single.namespace;
      Explanation e;
      if (m instanceof ObjectMetric) {
        out.printf("Object metric %s of %s in %s%n", target.single.metric, target.single.object, ns);
        e = config.explain((ObjectMetric) m, ns, SeldonPresets.defaultSeries());
      } else if (m instanceof ExternalMetric) {
        out.printf("External metric %s in %s%n", target.single.metric, ns);
        e = config.explain((ExternalMetric) m, ns, SeldonPresets.defaultSeries());
      } else {
        out.printf("Pods metric %s of %s in %s%n", target.single.metric, String.join(",", pods), ns);
        e = config.explain((PodsMetric) m, ns, LabelSelector.builder().putAllMatchLabels(podSelector).build(), pods,
            SeldonPresets.defaultSeries());
      }
      served = print(e, out);
      if (e.served() && prometheus != null) {
        query(e, m, at, out);
      }
    }
    return served ? Main.OK : Main.FINDINGS;
  }

  private List<Hpa> hpas() {
    List<Hpa> hpas = new ArrayList<>();
    ManifestReader.create().read(target.hpa).stream()
        .filter(m -> m.kind().equals("HorizontalPodAutoscaler"))
        .forEach(m -> hpas.add(m.toHpa()));
    if (hpas.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), target.hpa + " holds no HorizontalPodAutoscaler");
    }
    return hpas;
  }

  /** One metric of an HPA explained; Pods and Resource metrics over the pods of its target. */
  private Explanation explain(AdapterConfig config, Metric m, Hpa hpa, int replicas) {
    String ns = hpa.namespace();
    if (m instanceof ObjectMetric) {
      return config.explain((ObjectMetric) m, ns, SeldonPresets.defaultSeries());
    }
    if (m instanceof ExternalMetric) {
      return config.explain((ExternalMetric) m, ns, SeldonPresets.defaultSeries());
    }
    LabelSelector selector = podSelector(hpa);
    List<String> names = podNames(hpa, replicas);
    if (m instanceof PodsMetric) {
      return config.explain((PodsMetric) m, ns, selector, names, SeldonPresets.defaultSeries());
    }
    return config.explain((ResourceMetric) m, ns, selector, names);
  }

  /**
   * --pod-selector, else the Server's (Pods and Resource metrics are refused on a Model HPA): the operator
   * sets its status.selector to seldon-server-name=<server>.
   */
  private LabelSelector podSelector(Hpa hpa) {
    return podSelector.isEmpty() ? LabelSelector.matchLabel("seldon-server-name", hpa.scaleTargetRef().name())
        : LabelSelector.builder().putAllMatchLabels(podSelector).build();
  }

  /** --pods, else the Server's StatefulSet pods {@code <server>-0} to {@code <server>-<replicas-1>}. */
  private List<String> podNames(Hpa hpa, int replicas) {
    if (!pods.isEmpty()) {
      return pods;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      names.add(hpa.scaleTargetRef().name() + "-" + i);
    }
    return names;
  }

  /** The metric of the --metric form: Object with --object, External with --external, else Pods. */
  private Metric single() {
    Single single = target.single;
    if (single.object != null && single.external) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--object (an Object metric) and --external (an External metric) are mutually exclusive");
    }
    LabelSelector selector = target.single.selector.isEmpty() ? null
        : LabelSelector.builder().putAllMatchLabels(target.single.selector).build();
    // explain does not read the target; any valid one will do
    MetricTarget any = MetricTarget.averageValue(1);
    if (single.external) {
      ExternalMetric.Builder b = ExternalMetric.builder().metricName(target.single.metric).target(any);
      return selector == null ? b.build() : b.selector(selector).build();
    }
    if (single.object == null) {
      if (podSelector.isEmpty() || pods.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--metric needs --object KIND/NAME (an Object"
            + " metric), --external (an External metric) or --pod-selector and --pods (a Pods metric)");
      }
      PodsMetric.Builder b = PodsMetric.builder().metricName(target.single.metric).target(any);
      return selector == null ? b.build() : b.selector(selector).build();
    }
    String[] kindName = single.object.split("/", 2);
    String apiVersion = API_VERSIONS.get(kindName[0]);
    if (kindName.length != 2 || apiVersion == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--object must be KIND/NAME with KIND one of "
          + String.join(", ", API_VERSIONS.keySet()) + " (was \"" + single.object + "\")");
    }
    ObjectMetric.Builder b = ObjectMetric.builder().metricName(target.single.metric)
        .describedObject(ObjectReference.of(apiVersion, kindName[0], kindName[1])).target(any);
    return selector == null ? b.build() : b.selector(selector).build();
  }

  /** Prints the explanation; whether the metric is served. */
  private static boolean print(Explanation e, PrintWriter out) {
    switch (e.metricType()) {
      case OBJECT:
        out.printf("  object:   %s %s%s%n", e.resource(), e.namespace().isEmpty() ? "" : e.namespace() + "/",
            e.objectName());
        break;
      case PODS:
      case RESOURCE:
        out.printf("  pods:     %s/%s (%s)%n", e.namespace(), String.join(",", e.objectNames()), e.labelSelector());
        break;
      default:
        out.printf("  external: %s%n", e.namespace());
    }
    out.printf("  api path: %s%n", e.apiPath());
    out.printf("  check:    %s%n", e.kubectlCommand());
    if (!e.served()) {
      out.println("  served:   no");
      e.reasons().forEach(r -> out.printf("  reason:   %s%n", r));
      e.nearMisses().forEach(r -> out.printf("  near miss: %s%n", r));
      return false;
    }
    if (e.metricType() == Metric.Type.RESOURCE) {
      out.printf("  rule:     resourceRules.%s.containerQuery%n", e.metricName());
    } else {
      DiscoveryRule rule = e.rule().orElseThrow();
      out.printf("  rule:     %s[%d] seriesQuery %s%n", e.metricType() == Metric.Type.EXTERNAL ? "externalRules" : "rules",
          e.ruleIndex().orElse(-1), rule.seriesQuery().strip());
    }
    e.seriesName().ifPresent(s -> out.printf("  series:   %s%n", s));
    // a block-scalar query ends in a newline; the indented lines show it without a blank last one
    out.printf("  query:    %s%n", e.query().orElseThrow().stripTrailing().replace("\n", "\n            "));
    return true;
  }

  /**
   * Runs the explained query and prints the value the HPA reads: the object's (Object), the sum of the
   * samples (External), the average over the pods (Pods; Resource AverageValue, each pod's containers
   * summed). A Resource Utilization needs the pods' requests, so it gives no value.
   */
  private Optional<Quantity> query(Explanation e, Metric m, Instant at, PrintWriter out) {
    QueryResult result = PrometheusClient.of(prometheus).query(e.query().orElseThrow(), at);
    if (e.metricType() == Metric.Type.OBJECT) {
      QuerySample sample = sampleOf(result, e);
      Quantity value = Quantity.of(BigDecimal.valueOf(sample.value()));
      out.printf("  value:    %s at %s (%s)%n", value.canonical(), sample.timestamp(), sample.labels());
      return Optional.of(value);
    }
    if (result.samples().isEmpty()) {
      throw new IllegalArgumentException("the query of " + e.metricType().yamlName() + " metric " + e.metricName()
          + " returned no samples: the metrics API answers with no value");
    }
    Instant when = result.samples().get(0).timestamp();
    if (e.metricType() == Metric.Type.EXTERNAL) {
      // the controller sums the milli-values of every series the external metrics API returns
      BigDecimal sum = BigDecimal.ZERO;
      for (QuerySample s : result.samples()) {
        sum = sum.add(BigDecimal.valueOf(milli(s)));
      }
      Quantity value = Quantity.of(sum.movePointLeft(3));
      out.printf("  value:    %s at %s (the sum of %d series)%n", value.canonical(), when, result.samples().size());
      return Optional.of(value);
    }
    Map<String, BigDecimal> byPod = new LinkedHashMap<>();
    for (QuerySample s : result.samples()) {
      byPod.merge(s.labels().getOrDefault("pod", ""), BigDecimal.valueOf(milli(s)), BigDecimal::add);
    }
    List<String> each = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> p : byPod.entrySet()) {
      each.add(p.getKey() + " " + Quantity.of(p.getValue().movePointLeft(3)).canonical());
      sum = sum.add(p.getValue());
    }
    if (m.target().type() == MetricTarget.Type.UTILIZATION) {
      out.printf("  value:    %s at %s (utilization needs the pods' requests: not decided)%n", String.join(", ", each),
          when);
      return Optional.empty();
    }
    // the controller's average: the pods' milli-values summed, divided by their number in integers
    Quantity average = Quantity.of(sum.divideToIntegralValue(BigDecimal.valueOf(byPod.size())).movePointLeft(3));
    out.printf("  value:    %s at %s (the average of %s)%n", average.canonical(), when, String.join(", ", each));
    return Optional.of(average);
  }

  /** A sample's milli-value, rounded up as the metrics APIs' quantities are read. */
  private static long milli(QuerySample s) {
    return Quantity.of(BigDecimal.valueOf(s.value())).milliValue();
  }

  /** The sample of the described object: labelled with its name, or the only one. */
  private static QuerySample sampleOf(QueryResult result, Explanation e) {
    List<QuerySample> mine = new ArrayList<>();
    for (QuerySample s : result.samples()) {
      if (s.labels().containsValue(e.objectName())) {
        mine.add(s);
      }
    }
    if (mine.size() == 1) {
      return mine.get(0);
    }
    if (result.samples().size() == 1) {
      return result.samples().get(0);
    }
    GroupResource r = e.resource();
    throw new IllegalArgumentException("the query returned " + result.samples().size() + " samples and "
        + mine.size() + " of them carry the name " + e.objectName() + " of the " + r + ": cannot tell its value");
  }

  private Instant instant() {
    if (time == null) {
      return Instant.now();
    }
    try {
      return time.matches("\\d+(\\.\\d+)?")
          ? Instant.ofEpochMilli(new BigDecimal(time).movePointRight(3).longValueExact())
          : Instant.parse(time);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--time must be RFC 3339 (2026-12-07T15:00:00Z) or Unix seconds (was \"" + time + "\")");
    }
  }
}
