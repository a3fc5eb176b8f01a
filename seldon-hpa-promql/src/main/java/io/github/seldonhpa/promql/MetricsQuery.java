package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.promql.Requirement.Op;
import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled {@code metricsQuery} of one adapter rule ({@code naming.metricsQuery}): builds the exact
 * PromQL prometheus-adapter sends for a custom-metrics request ({@link #build}) or an external-metrics
 * request ({@link #buildExternal}).
 *
 * <p>{@code .LabelMatchers} is, in this order: the metric selector's matchers sorted by label key (Go
 * byte order), then {@code <namespace label>="<ns>"} when a namespace is given, then the resource label
 * matched with {@code =} for one name or {@code =~} with the names joined by {@code |} for several.
 * Values are quoted with Go's {@code %q}. Selector operators map as {@code =}/{@code ==} to {@code =} (or
 * {@code =~} for several values), {@code !=} to {@code !=}, {@code in} to {@code =~}, {@code notin} to
 * {@code !~}, {@code exists} to {@code !=""}, {@code !} to {@code =""}; {@code gt}/{@code lt} fail with
 * {@code operator not supported by prometheus}.
 */
public final class MetricsQuery {
  private static final String TEMPLATE_NAME = "metrics-query";
  private static final String ARGS_TYPE = "naming.queryTemplateArgs";

  private final GoTemplate template;
  private final LabelSource converter;
  private final ResourceTable table;
  private final boolean namespaced;

  MetricsQuery(GoTemplate template, LabelSource converter, ResourceTable table, boolean namespaced) {
    this.template = template;
    this.converter = converter;
    this.table = table;
    this.namespaced = namespaced;
  }

  /**
   * Compiles {@code rule.metricsQuery()} and {@code rule.resources()} as the adapter does at start-up, with
   * the built-in resource table (core Kubernetes resources and Seldon's {@code mlops.seldon.io} ones).
   *
   * @throws HpaValidationException with the adapter's error text when the template or resources are invalid
   */
  public static MetricsQuery of(DiscoveryRule rule) {
    ResourceConverter converter = ResourceConverter.of(rule.resources(), ResourceTable.BUILT_IN);
    return of(rule.metricsQuery(), converter, ResourceTable.BUILT_IN,
        rule.resources().namespaced().orElse(true));
  }

  /** {@code NewMetricsQuery}: parses the template with delimiters {@code << >>}. */
  static MetricsQuery of(String metricsQuery, LabelSource converter, ResourceTable table,
      boolean namespaced) {
    return new MetricsQuery(parse(metricsQuery), converter, table, namespaced);
  }

  /** Parses a metrics query template; the error is the adapter's {@code unable to parse metrics query template}. */
  static GoTemplate parse(String metricsQuery) {
    try {
      return GoTemplate.parse(TEMPLATE_NAME, metricsQuery);
    } catch (HpaValidationException e) {
      throw new HpaValidationException(
          "unable to parse metrics query template " + GoQuote.quote(metricsQuery) + ": " + e.getMessage());
    }
  }

  /**
   * The query for a custom metric of the objects {@code names} of {@code resource}, as the adapter builds
   * it for {@code /apis/custom.metrics.k8s.io/v1beta1/namespaces/<namespace>/<resource>/<name>/<metric>}.
   *
   * @param series the series name the metric was discovered from ({@code .Series})
   * @param resource the requested resource, singular or plural (e.g. {@code models} in
   *     {@code mlops.seldon.io})
   * @param namespace the request namespace; "" for root-scoped objects and for a namespace object itself
   * @param selector the HPA metric selector ({@code metricLabelSelector}), if any
   * @param names the object names; the HPA's Object metric passes exactly one
   * @throws HpaValidationException with the adapter's error text when no query can be built
   */
  public String build(String series, GroupResource resource, String namespace, Optional<LabelSelector> selector,
      String... names) {
    GroupResourceKey key = table.normalize(resource.group(), resource.resource()).orElseThrow(() ->
        new HpaValidationException("resource must be a known resource (was \"" + resource + "\")"));
    List<Requirement> requirements = selector.map(LabelSelectors::of).orElse(List.of());
    return build(series, key, namespace, List.of(), requirements, Arrays.asList(names));
  }

  /**
   * The query for an external metric, as the adapter builds it for
   * {@code /apis/external.metrics.k8s.io/v1beta1/namespaces/<namespace>/<metric>?labelSelector=...}: the
   * selector's matchers, then the namespace matcher unless the rule says {@code namespaced: false};
   * {@code .GroupBy} is "" and {@code .GroupBySlice} empty, as in production.
   *
   * @throws HpaValidationException with the adapter's error text when no query can be built
   */
  public String buildExternal(String series, String namespace, Optional<LabelSelector> selector) {
    List<Requirement> requirements = selector.map(LabelSelectors::of).orElse(List.of());
    return buildExternal(series, namespace, "", List.of(), requirements);
  }

  /** {@code Build}: requirements must be in selector order. */
  String build(String series, GroupResourceKey resource, String namespace, List<String> extraGroupBy,
      List<Requirement> requirements, List<String> names) {
    Map<String, String> valuesByName = new HashMap<>();
    StringBuilder matchers = new StringBuilder(96);
    String nsLabel = namespace.isEmpty() ? null : converter.labelFor(GroupResourceKey.NAMESPACES);
    appendSelector(matchers, valuesByName, requirements);
    if (nsLabel != null) {
      appendMatcher(matchers, nsLabel, "=", namespace);
      valuesByName.put(nsLabel, namespace);
    }
    String resourceLabel = converter.labelFor(resource);
    String target = names.size() == 1 ? names.get(0) : String.join("|", names);
    appendMatcher(matchers, resourceLabel, names.size() > 1 ? "=~" : "=", target);
    valuesByName.put(resourceLabel, target);
    List<String> groupBy;
    String groupByText;
    if (extraGroupBy.isEmpty()) {
      groupBy = List.of(resourceLabel);
      groupByText = resourceLabel;
    } else {
      groupBy = new ArrayList<>(extraGroupBy.size() + 1);
      groupBy.add(resourceLabel);
      groupBy.addAll(extraGroupBy);
      groupByText = String.join(",", groupBy);
    }
    return execute(series, matchers.toString(), valuesByName, groupByText, groupBy);
  }

  /** {@code BuildExternal}: requirements must be in selector order. */
  String buildExternal(String series, String namespace, String groupBy, List<String> groupBySlice,
      List<Requirement> requirements) {
    Map<String, String> valuesByName = new HashMap<>();
    StringBuilder matchers = new StringBuilder(64);
    String nsLabel = namespaced && !namespace.isEmpty() ? converter.labelFor(GroupResourceKey.NAMESPACES) : null;
    appendSelector(matchers, valuesByName, requirements);
    if (nsLabel != null) {
      appendMatcher(matchers, nsLabel, "=", namespace);
      valuesByName.put(nsLabel, namespace);
    }
    return execute(series, matchers.toString(), valuesByName, groupBy, groupBySlice);
  }

  /** {@code processQueryParts} for the selector's requirements. */
  private static void appendSelector(StringBuilder matchers, Map<String, String> valuesByName,
      List<Requirement> requirements) {
    for (int i = 0; i < requirements.size(); i++) {
      Requirement r = requirements.get(i);
      if (r.key().isEmpty()) {
        throw new HpaValidationException("label not specified");
      }
      String joined = r.values().size() == 1 ? r.values().get(0) : String.join("|", r.values());
      String operator = matcherOperator(r.op(), r.values().size());
      appendMatcher(matchers, r.key(), operator, joined);
      valuesByName.put(r.key(), joined);
    }
  }

  /** {@code selectMatcher}: the PromQL operator for a selector operator and its number of values. */
  static String matcherOperator(Op op, int values) {
    if (op == Op.GREATER_THAN || op == Op.LESS_THAN) {
      throw new HpaValidationException("operator not supported by prometheus");
    }
    if (values == 0) {
      return switch (op) {
        case EXISTS -> "!=";
        case DOES_NOT_EXIST -> "=";
        default -> throw new HpaValidationException("operator requires values");
      };
    }
    return switch (op) {
      case EQUALS, DOUBLE_EQUALS -> values == 1 ? "=" : "=~";
      case NOT_EQUALS -> values == 1 ? "!=" : "!~";
      case IN -> "=~";
      case NOT_IN -> "!~";
      default -> throw new HpaValidationException("operator does not support values");
    };
  }

  private static void appendMatcher(StringBuilder out, String label, String operator, String value) {
    if (out.length() > 0) {
      out.append(',');
    }
    out.append(label).append(operator).append(GoQuote.quote(value));
  }

  private String execute(String series, String labelMatchers, Map<String, String> valuesByName, String groupBy,
      List<String> groupBySlice) {
    Map<String, Object> args = new LinkedHashMap<>(8);
    args.put("Series", series);
    args.put("LabelMatchers", labelMatchers);
    args.put("LabelValuesByName", valuesByName);
    args.put("GroupBy", groupBy);
    args.put("GroupBySlice", groupBySlice);
    String query = template.execute(GoTemplate.struct(ARGS_TYPE, args));
    if (query.isEmpty()) {
      throw new HpaValidationException("empty query produced by metrics query template");
    }
    return query;
  }
}
