package io.github.seldonhpa.cli;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.Quantity;
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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seldon-hpa explain}: what prometheus-adapter does for an HPA's Object metrics. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Show the adapter rule, PromQL and API path behind an HPA metric.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = {"The adapter rule and series that serve an HPA Object metric, the exact PromQL the adapter"
        + " runs, the custom-metrics API path and the kubectl command to check it; with --prometheus, the"
        + " value Prometheus returns and, for an HPA, the replicas the controller would choose."},
    footer = {"%nExamples:",
        "  seldon-hpa explain --adapter-config adapter-configmap.yaml --hpa irisa0-model-hpa.yaml",
        "  seldon-hpa explain --adapter-config values.yaml \\",
        "      --metric infer_rps --object Model/irisa0 -n seldon-mesh --selector method_type=rest",
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
        description = "An HPA manifest: every Object metric of every HPA in it.")
    Path hpa;

    @ArgGroup(exclusive = false)
    Single single;
  }

  static final class Single {
    @Option(names = "--metric", paramLabel = "NAME", required = true, description = "The metric name.")
    String metric;

    @Option(names = "--object", paramLabel = "KIND/NAME", required = true,
        description = "The described object: Model/irisa0, Server/mlserver, Pod/..., Namespace/..., Deployment/...")
    String object;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", required = true, description = "The HPA's namespace.")
    String namespace;

    @Option(names = "--selector", paramLabel = "k=v,...", split = ",",
        description = "The metric selector's matchLabels.")
    Map<String, String> selector = new LinkedHashMap<>();
  }

  @Option(names = "--prometheus", paramLabel = "URL", description = "Run each query on this Prometheus.")
  URI prometheus;

  @Option(names = "--time", paramLabel = "T",
      description = "The evaluation time: RFC 3339 (2026-12-07T15:00:00Z) or Unix seconds. Default: now.")
  String time;

  @Option(names = "--current", paramLabel = "N",
      description = "With --hpa and --prometheus: the target's current replicas. Default: the HPA's minReplicas.")
  Integer current;

  @Override
  public Integer call() {
    AdapterConfig config = AdapterConfigFile.read(adapterConfig);
    PrintWriter out = spec.commandLine().getOut();
    Instant at = instant();
    boolean served = true;
    if (target.hpa != null) {
      List<Hpa> hpas = hpas();
      for (Hpa hpa : hpas) {
        if (hpa != hpas.get(0)) {
          out.println();
        }
        out.printf("HorizontalPodAutoscaler %s/%s%n", hpa.namespace(), hpa.name());
        Map<String, Quantity> values = new LinkedHashMap<>();
        for (int i = 0; i < hpa.metrics().size(); i++) {
          Metric m = hpa.metrics().get(i);
          out.printf("%nspec.metrics[%d]: %s metric %s%n", i, m.type().yamlName(), Readings.name(m));
          if (!(m instanceof ObjectMetric)) {
            out.println("  not explained: seldon-hpa explains Object metrics");
            continue;
          }
          Explanation e = config.explain((ObjectMetric) m, hpa.namespace(), SeldonPresets.defaultSeries());
          served &= print(e, out);
          if (e.served() && prometheus != null) {
            values.put(Readings.name(m), query(e, at, out));
          }
        }
        if (prometheus != null) {
          int replicas = current != null ? current : hpa.minReplicas().orElse(1);
          out.println();
          DecideCommand.print(hpa, replicas, values, out);
        }
      }
    } else {
      out.printf("Object metric %s of %s in %s%n", target.single.metric, target.single.object,
          target.single.namespace);
      Explanation e = config.explain(single(), target.single.namespace, SeldonPresets.defaultSeries());
      served = print(e, out);
      if (e.served() && prometheus != null) {
        query(e, at, out);
      }
    }
    return served ? Main.OK : Main.FINDINGS;
  }

  private List<Hpa> hpas() {
    List<Hpa> hpas = new ArrayList<>();
    ManifestReader.create().read(target.hpa).stream()
        .filter(m -> m.kind().orElse("").equals("HorizontalPodAutoscaler"))
        .forEach(m -> hpas.add(m.toHpa()));
    if (hpas.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), target.hpa + " holds no HorizontalPodAutoscaler");
    }
    return hpas;
  }

  private ObjectMetric single() {
    String[] kindName = target.single.object.split("/", 2);
    String apiVersion = API_VERSIONS.get(kindName[0]);
    if (kindName.length != 2 || apiVersion == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--object must be KIND/NAME with KIND one of "
          + String.join(", ", API_VERSIONS.keySet()) + " (was \"" + target.single.object + "\")");
    }
    ObjectMetric.Builder b = ObjectMetric.builder().metricName(target.single.metric)
        .describedObject(ObjectReference.of(apiVersion, kindName[0], kindName[1]))
        // explain does not read the target; any valid one will do
        .target(MetricTarget.averageValue(1));
    if (!target.single.selector.isEmpty()) {
      b.selector(LabelSelector.builder().putAllMatchLabels(target.single.selector).build());
    }
    return b.build();
  }

  /** Prints the explanation; whether the metric is served. */
  private static boolean print(Explanation e, PrintWriter out) {
    out.printf("  object:   %s %s%s%n", e.resource(), e.namespace().isEmpty() ? "" : e.namespace() + "/", e.objectName());
    out.printf("  api path: %s%n", e.apiPath());
    out.printf("  check:    %s%n", e.kubectlCommand());
    if (!e.served()) {
      out.println("  served:   no");
      e.reasons().forEach(r -> out.printf("  reason:   %s%n", r));
      e.nearMisses().forEach(r -> out.printf("  near miss: %s%n", r));
      return false;
    }
    DiscoveryRule rule = e.rule().orElseThrow();
    out.printf("  rule:     rules[%d] seriesQuery %s%n", e.ruleIndex().orElse(-1), rule.seriesQuery().strip());
    e.seriesName().ifPresent(s -> out.printf("  series:   %s%n", s));
    out.printf("  query:    %s%n", e.query().orElseThrow().replace("\n", "\n            "));
    return true;
  }

  /** Runs the explained query and prints the object's value. */
  private Quantity query(Explanation e, Instant at, PrintWriter out) {
    QueryResult result = PrometheusClient.of(prometheus).query(e.query().orElseThrow(), at);
    QuerySample sample = sampleOf(result, e);
    Quantity value = Quantity.of(BigDecimal.valueOf(sample.value()));
    out.printf("  value:    %s at %s (%s)%n", value.canonical(), sample.timestamp(), sample.labels());
    return value;
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
