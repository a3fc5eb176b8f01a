package io.github.seldonhpa.testing;

import static org.quicktheories.generators.SourceDSL.lists;

import io.github.seldonhpa.Behavior;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid seldon-hpa values, shared with the other modules through the
 * test-jar. Every generated value builds without an exception; the ranges cover the API bounds
 * (period 1..1800 s, window 0..3600 s, replicas 1..1000).
 */
public final class Generators {
  private static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final List<String> SUFFIXES = List.of("", "", "m", "k", "M", "Ki", "Mi", "Gi", "u", "n", "e3", "E-2");

  private Generators() {}

  /** DNS-1123 labels of 1..{@code max} characters (namespaces, Server names). */
  public static Gen<String> dnsLabels(int max) {
    Gen<String> first = chars(LOWER_DIGITS, 1, 1);
    Gen<String> middle = chars(LOWER_DIGITS + "-", 0, Math.max(0, max - 2));
    Gen<String> last = chars(LOWER_DIGITS, 0, max > 1 ? 1 : 0);
    return first.zip(middle, last, (a, b, c) -> c.isEmpty() ? a : a + b + c);
  }

  /** Namespaces: DNS-1123 labels of up to 63 characters. */
  public static Gen<String> namespaces() {
    return dnsLabels(63);
  }

  /** Object names (Models, Servers): DNS-1123 subdomains of one to three labels, short enough for an HPA name. */
  public static Gen<String> names() {
    return lists().of(dnsLabels(20)).ofSizeBetween(1, 3).map(parts -> String.join(".", parts));
  }

  /** Metric names as prometheus-adapter exposes them: {@code [a-z_][a-z0-9_]*}. */
  public static Gen<String> metricNames() {
    return chars("abcdefghijklmnopqrstuvwxyz_", 1, 1).zip(chars("abcdefghijklmnopqrstuvwxyz0123456789_", 0, 30),
        (a, b) -> a + b);
  }

  /** Positive quantities written in every suffix family ({@code 3}, {@code 250m}, {@code 1.5Ki}, {@code 2e3}). */
  public static Gen<Quantity> positiveQuantities() {
    Gen<String> whole = Generate.longRange(1, 999_999).map(w -> Long.toString(w));
    Gen<String> fraction = Generate.range(0, 999).map(f -> f == 0 ? "" : "." + f);
    return whole.zip(fraction, Generate.pick(SUFFIXES), (w, f, s) -> w + f + s).map(text -> Quantity.parse(text));
  }

  /** Non-negative tolerances ({@code 0}, {@code 50m}, {@code 0.1}). */
  public static Gen<Quantity> tolerances() {
    return Generate.range(0, 2000).map(m -> Quantity.ofMilli(m));
  }

  /** AverageValue targets with a positive quantity. */
  public static Gen<MetricTarget> averageValueTargets() {
    return positiveQuantities().map(q -> MetricTarget.averageValue(q));
  }

  /** Label selectors over Seldon series labels: matchLabels and matchExpressions of every operator. */
  public static Gen<LabelSelector> selectors() {
    Gen<String> keys = Generate.pick(List.of("method_type", "code", "server", "model_internal", "app.kubernetes.io/name"));
    Gen<String> values = chars(LOWER_DIGITS, 1, 10);
    Gen<LabelSelectorRequirement> requirement = Generate.enumValues(LabelSelectorRequirement.Operator.class)
        .zip(keys, lists().of(values).ofSizeBetween(1, 3), (op, key, vals) -> {
          switch (op) {
            case IN: return LabelSelectorRequirement.in(key, vals.toArray(new String[0]));
            case NOT_IN: return LabelSelectorRequirement.notIn(key, vals.toArray(new String[0]));
            case EXISTS: return LabelSelectorRequirement.exists(key);
            default: return LabelSelectorRequirement.doesNotExist(key);
          }
        });
    return lists().of(keys.zip(values, List::of)).ofSizeBetween(0, 3)
        .zip(lists().of(requirement).ofSizeBetween(0, 2), (labels, exprs) -> {
          LabelSelector.Builder b = LabelSelector.builder();
          List<String> seen = new ArrayList<>();
          for (List<String> kv : labels) {
            if (!seen.contains(kv.get(0))) {
              seen.add(kv.get(0));
              b.putMatchLabel(kv.get(0), kv.get(1));
            }
          }
          return b.addAllMatchExpressions(exprs).build();
        });
  }

  /** Object metrics with AverageValue targets, sometimes with a selector, never with a described object. */
  public static Gen<ObjectMetric> objectMetrics() {
    return metricNames().zip(selectors().toOptionals(50), averageValueTargets(),
        (name, selector, target) -> ObjectMetric.builder().metricName(name).selector(selector).target(target).build());
  }

  /** Object metrics that may already describe some object (a Model, a Server or a Namespace). */
  public static Gen<ObjectMetric> describedObjectMetrics() {
    Gen<Optional<ObjectReference>> described = Generate.oneOf(
        names().map(n -> ObjectReference.model(n)),
        names().map(n -> ObjectReference.server(n)),
        dnsLabels(30).map(ns -> ObjectReference.of("v1", "Namespace", ns))).toOptionals(60);
    return objectMetrics().zip(described, (m, d) -> d.isEmpty() ? m
        : ObjectMetric.builder().metricName(m.metricName()).selector(m.selector()).describedObject(d.get())
            .target(m.target()).build());
  }

  /** Scaling policies: Pods or Percent, value 1..1000, period 1..1800 s. */
  public static Gen<ScalingPolicy> scalingPolicies() {
    return Generate.enumValues(ScalingPolicy.Type.class).zip(Generate.range(1, 1000), Generate.range(1, 1800),
        (type, value, period) -> ScalingPolicy.of(type, value, Duration.ofSeconds(period)));
  }

  /** Scaling rules with any mix of window 0..3600 s, select policy, up to three policies and tolerance. */
  public static Gen<ScalingRules> scalingRules() {
    Gen<Optional<Duration>> window = Generate.range(0, 3600).map(s -> Duration.ofSeconds(s)).toOptionals(30);
    Gen<Optional<ScalingRules.SelectPolicy>> select =
        Generate.enumValues(ScalingRules.SelectPolicy.class).toOptionals(40);
    return window.zip(select, lists().of(scalingPolicies()).ofSizeBetween(0, 3), tolerances().toOptionals(60),
        (w, s, policies, t) -> ScalingRules.builder().stabilizationWindow(w).selectPolicy(s)
            .addAllPolicies(policies).tolerance(t).build());
  }

  /** Behaviours with either, both or neither direction set. */
  public static Gen<Behavior> behaviors() {
    return scalingRules().toOptionals(50).zip(scalingRules().toOptionals(50),
        (up, down) -> Behavior.builder().scaleUp(up).scaleDown(down).build());
  }

  /** Valid plans: any names, 1..3 Object metrics, replicas 1..1000, optional server, storage and behaviour. */
  public static Gen<ScalingPlan> plans() {
    Gen<List<Metric>> metrics = lists().of(describedObjectMetrics()).ofSizeBetween(1, 3)
        .map(l -> l.stream().map(Metric.class::cast).collect(Collectors.toList()));
    Gen<int[]> bounds = Generate.range(1, 1000).zip(Generate.range(0, 1000),
        (min, extra) -> new int[] {min, min + extra});
    Gen<Optional<String>> storage = Generate.pick(List.of("gs://seldon-models/testing/iris1",
        "s3://models/triton/simple", "https://example.com/m.tar.gz")).toOptionals(60);
    return names().zip(namespaces(), names().toOptionals(70), metrics, (model, ns, server, ms) -> ScalingPlan.builder()
            .modelName(model).namespace(ns).serverName(server).addAllMetrics(ms))
        .zip(bounds, storage, scalingRules().toOptionals(50), scalingRules().toOptionals(40),
            (b, minMax, uri, up, down) -> {
              b.replicas(minMax[0], minMax[1]).storageUri(uri).scaleUp(up).scaleDown(down);
              uri.ifPresent(u -> b.addRequirement("sklearn").memory("3M"));
              return b.build();
            });
  }

  /**
   * Seldon Models: HPA-style (replicas only) or native-scaling (min/max set), with optional namespace,
   * requirements, memory, server and labels.
   */
  public static Gen<Model> models() {
    Gen<Optional<int[]>> nativeBounds = Generate.range(1, 10).zip(Generate.range(0, 10),
        (min, extra) -> new int[] {min, min + extra}).toOptionals(50);
    Gen<List<String>> requirements = lists().of(Generate.pick(List.of("sklearn", "tensorflow", "xgboost", "mlflow")))
        .ofSizeBetween(0, 2);
    return names().zip(namespaces().toOptionals(70), requirements, positiveQuantities().toOptionals(60),
            (name, ns, reqs, mem) -> Model.builder().name(name).namespace(ns).storageUri("gs://seldon-models/" + name)
                .addAllRequirements(reqs).memory(mem))
        .zip(names().toOptionals(30), nativeBounds, Generate.range(1, 10),
            (b, server, bounds, replicas) -> {
              b.server(server);
              if (bounds.isPresent()) {
                b.minReplicas(bounds.get()[0]).maxReplicas(bounds.get()[1]).replicas(bounds.get()[0]);
              } else {
                b.replicas(replicas);
              }
              return b.build();
            });
  }

  /** Seldon Servers without native scaling bounds (as an HPA needs them), sometimes with labels. */
  public static Gen<Server> servers() {
    return names().zip(namespaces().toOptionals(70), Generate.pick(List.of("mlserver", "triton")),
        Generate.range(0, 10), chars(LOWER_DIGITS, 1, 8).toOptionals(30),
        (name, ns, config, replicas, team) -> {
          Server.Builder b = Server.builder().name(name).namespace(ns).serverConfig(config).replicas(replicas);
          team.ifPresent(t -> b.putLabel("team", t));
          return b.build();
        });
  }

  /** Resource (cpu/memory, Utilization or AverageValue) and Pods metrics, which only a Server HPA may carry. */
  public static Gen<Metric> serverOnlyMetrics() {
    Gen<Metric> cpu = Generate.range(1, 200).map(u -> (Metric) ResourceMetric.of("cpu", MetricTarget.utilization(u)));
    Gen<Metric> memory = positiveQuantities().map(q -> (Metric) ResourceMetric.of("memory", MetricTarget.averageValue(q)));
    Gen<Metric> pods = metricNames().zip(averageValueTargets(), (n, t) -> (Metric) PodsMetric.of(n, t));
    return Generate.oneOf(cpu, memory, pods);
  }

  /** Hand-built Server HPAs mixing server-only metrics with Object metrics describing a Model. */
  public static Gen<Hpa> serverHpas() {
    Gen<Metric> described = objectMetrics().zip(names(), (m, model) -> (Metric) ObjectMetric.builder()
        .metricName(m.metricName()).selector(m.selector()).describedObject(ObjectReference.model(model))
        .target(m.target()).build());
    Gen<List<Metric>> metrics = lists().of(Generate.oneOf(described, serverOnlyMetrics())).ofSizeBetween(0, 3);
    return names().zip(namespaces(), Generate.range(1, 100).toOptionals(70), Generate.range(0, 100),
            (server, ns, min, extra) -> Hpa.builder().name(server + "-server-hpa").namespace(ns)
                .scaleTargetRef(ObjectReference.server(server)).minReplicas(min)
                .maxReplicas(min.orElse(1) + extra))
        .zip(metrics, behaviors().toOptionals(50), (b, ms, behavior) -> b.addAllMetrics(ms).behavior(behavior).build());
  }

  private static Gen<String> chars(String alphabet, int min, int max) {
    List<Character> cs = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
    return lists().of(Generate.pick(cs)).ofSizeBetween(min, max)
        .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining()));
  }
}
