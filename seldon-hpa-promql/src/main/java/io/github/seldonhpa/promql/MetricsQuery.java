package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import io.github.seldonhpa.promql.internal.go.GoTemplate;
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

  private static final String[] FIELDS = {".Series", ".LabelMatchers", ".GroupBy"};

  private final GoTemplate template;
  /**
   * For a template that only prints the string fields {@code .Series}, {@code .LabelMatchers} and
   * {@code .GroupBy} between text (as almost every adapter config does): its parts, text as String and
   * fields as Integer index into {@link #FIELDS}. Go prints a string field as is, so concatenating gives
   * the engine's output without building the other fields. Null for any other template.
   */
  private final Object[] plan;
  private final int planTextLength;
  private final LabelSource converter;
  private final ResourceTable table;
  private final boolean namespaced;
  /** The last resource normalised by {@link #build}: HPAs ask for the same one again and again. */
  private volatile Normalized lastResource;
  /** The last selector converted by {@link #build} or {@link #buildExternal}, for the same reason. */
  private volatile Converted lastSelector;

  /** The namespace label, once known (the converter always gives the same one). */
  private volatile String namespaceLabel;

  /** A written resource, its normalised key and label (null when the converter has none). */
  private record Normalized(GroupResource written, GroupResourceKey key, String label) {}

  private record Converted(LabelSelector selector, List<Requirement> requirements) {}

  /** The selector's matchers as text, for the requirements list they were written from. */
  private volatile SelectorText lastSelectorText;

  private record SelectorText(List<Requirement> requirements, String text) {}

  MetricsQuery(String text, GoTemplate template, LabelSource converter, ResourceTable table, boolean namespaced) {
    this.template = template;
    this.plan = plan(text);
    int length = 0;
    if (plan != null) {
      for (Object part : plan) {
        length += part instanceof String t ? t.length() : 0;
      }
    }
    this.planTextLength = length;
    this.converter = converter;
    this.table = table;
    this.namespaced = namespaced;
  }

  private static Object[] plan(String text) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("<<", i);
      if (open < 0) {
        parts.add(text.substring(i));
        break;
      }
      if (open > i) {
        parts.add(text.substring(i, open));
      }
      int close = text.indexOf(">>", open + 2);
      int field = close < 0 ? -1 : Arrays.asList(FIELDS).indexOf(text.substring(open + 2, close));
      if (field < 0) {
        return null;
      }
      parts.add(field);
      i = close + 2;
    }
    return parts.toArray();
  }

  /**
   * Compiles {@code rule.metricsQuery()} and {@code rule.resources()} as the adapter does at start-up, with
   * the built-in resource table ({@link ResourceTable#builtIn()}).
   *
   * @param rule the rule whose {@code metricsQuery} and {@code resources} are compiled
   * @return the compiled query, ready to build queries for any request
   * @throws HpaValidationException with the adapter's error text when the template or resources are invalid
   */
  public static MetricsQuery of(DiscoveryRule rule) {
    return of(rule, ResourceTable.builtIn());
  }

  /**
   * Compiles {@code rule.metricsQuery()} and {@code rule.resources()} as the adapter does at start-up in a
   * cluster serving {@code resources}.
   *
   * @param rule the rule whose {@code metricsQuery} and {@code resources} are compiled
   * @param resources the API resources the cluster serves
   * @return the compiled query, ready to build queries for any request
   * @throws HpaValidationException with the adapter's error text when the template or resources are invalid
   */
  public static MetricsQuery of(DiscoveryRule rule, ResourceTable resources) {
    ResourceConverter converter = ResourceConverter.of(rule.resources(), resources);
    return of(rule.metricsQuery(), converter, resources, rule.resources().namespaced().orElse(true));
  }

  /** {@code NewMetricsQuery}: parses the template with delimiters {@code << >>}. */
  static MetricsQuery of(String metricsQuery, LabelSource converter, ResourceTable table,
      boolean namespaced) {
    return new MetricsQuery(metricsQuery, parse(metricsQuery), converter, table, namespaced);
  }

  /** Parses a metrics query template; the error is the adapter's {@code unable to parse metrics query template}. */
  private static GoTemplate parse(String metricsQuery) {
    try {
      return GoTemplate.parse(TEMPLATE_NAME, metricsQuery);
    } catch (HpaValidationException e) {
      throw new HpaValidationException(
          "unable to parse metrics query template " + GoQuote.quote(metricsQuery) + ": " + e.getMessage());
    }
  }

  /**
   * {@return the query for a custom metric of the objects {@code names} of {@code resource}, as the adapter builds
   * it for {@code /apis/custom.metrics.k8s.io/v1beta1/namespaces/<namespace>/<resource>/<name>/<metric>}}
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
    Normalized last = lastResource;
    // identity first: a caller usually passes the same instance again, and deep equals costs more
    if (last == null || last.written() != resource && !last.written().equals(resource)) {
      GroupResourceKey key = table.normalize(resource.group(), resource.resource()).orElseThrow(() ->
          new HpaValidationException("resource must be a known resource (was \"" + resource + "\")"));
      String label;
      try {
        label = converter.labelFor(key);
      } catch (HpaValidationException e) {
        label = null; // build reports it, after the errors the adapter reports first
      }
      last = new Normalized(resource, key, label);
      lastResource = last;
    }
    if (plan != null && selector.isPresent() && selector.get().matchExpressions().isEmpty()) {
      return buildMatchLabels(series, last, namespace, selector.get().matchLabels(), names);
    }
    return build(series, last.key(), last.label(), namespace, List.of(), requirements(selector),
        Arrays.asList(names));
  }

  /**
   * {@link #build} for a template that only prints string fields and a selector of {@code matchLabels}
   * only (the usual HPA metric selector): every requirement is {@code key="value"} (always supported), so
   * the matchers are written straight into the query in key order, without converting the selector.
   */
  private String buildMatchLabels(String series, Normalized resource, String namespace, Map<String, String> labels,
      String[] names) {
    String nsLabel = namespace.isEmpty() ? null : namespaceLabel();
    String resourceLabel = resource.label() != null ? resource.label() : converter.labelFor(resource.key());
    String target = names.length == 1 ? names[0] : String.join("|", names);
    Matchers matchers = new Matchers(List.of(), null, labels, nsLabel, namespace, resourceLabel,
        names.length > 1 ? Matcher.MATCH : Matcher.EQUAL, target);
    return render(series, matchers, resourceLabel);
  }

  /**
   * {@return the query for an external metric, as the adapter builds it for
   * {@code /apis/external.metrics.k8s.io/v1beta1/namespaces/<namespace>/<metric>?labelSelector=...}: the
   * selector's matchers, then the namespace matcher unless the rule says {@code namespaced: false};
   * {@code .GroupBy} is "" and {@code .GroupBySlice} empty, as in production}
   *
   * @param series the series name the rule matched
   * @param namespace the HPA's namespace
   * @param selector the External metric's {@code metric.selector}, or empty for none
   * @throws HpaValidationException with the adapter's error text when no query can be built
   */
  public String buildExternal(String series, String namespace, Optional<LabelSelector> selector) {
    return buildExternal(series, namespace, "", List.of(), requirements(selector));
  }

  private List<Requirement> requirements(Optional<LabelSelector> selector) {
    if (selector.isEmpty()) {
      return List.of();
    }
    Converted last = lastSelector;
    if (last == null || last.selector() != selector.get() && !last.selector().equals(selector.get())) {
      last = new Converted(selector.get(), LabelSelectors.of(selector.get()));
      lastSelector = last;
    }
    return last.requirements();
  }

  /** {@code Build}: requirements must be in selector order. */
  String build(String series, GroupResourceKey resource, String namespace, List<String> extraGroupBy,
      List<Requirement> requirements, List<String> names) {
    return build(series, resource, null, namespace, extraGroupBy, requirements, names);
  }

  private String build(String series, GroupResourceKey resource, String knownLabel, String namespace,
      List<String> extraGroupBy, List<Requirement> requirements, List<String> names) {
    // the adapter's error order: namespace label, then selector operators, then resource label
    String nsLabel = namespace.isEmpty() ? null : namespaceLabel();
    checkSelector(requirements);
    String resourceLabel = knownLabel != null ? knownLabel : converter.labelFor(resource);
    String target = names.size() == 1 ? names.get(0) : String.join("|", names);
    Matchers matchers = new Matchers(requirements, selectorText(requirements), null, nsLabel, namespace, resourceLabel,
        names.size() > 1 ? Matcher.MATCH : Matcher.EQUAL, target);
    if (plan != null) {
      return render(series, matchers,
          extraGroupBy.isEmpty() ? resourceLabel : resourceLabel + "," + String.join(",", extraGroupBy));
    }
    List<String> groupBy = new ArrayList<>(extraGroupBy.size() + 1);
    groupBy.add(resourceLabel);
    groupBy.addAll(extraGroupBy);
    return execute(series, matchers, String.join(",", groupBy), groupBy);
  }

  /** {@code BuildExternal}: requirements must be in selector order. */
  String buildExternal(String series, String namespace, String groupBy, List<String> groupBySlice,
      List<Requirement> requirements) {
    String nsLabel = namespaced && !namespace.isEmpty() ? namespaceLabel() : null;
    checkSelector(requirements);
    Matchers matchers = new Matchers(requirements, selectorText(requirements), null, nsLabel, namespace, null, null,
        null);
    if (plan != null) {
      return render(series, matchers, groupBy);
    }
    return execute(series, matchers, groupBy, groupBySlice);
  }

  private String namespaceLabel() {
    String label = namespaceLabel;
    if (label == null) {
      label = converter.labelFor(GroupResourceKey.NAMESPACES);
      namespaceLabel = label;
    }
    return label;
  }

  /**
   * The selector's matchers, {@code key<op>"value"} joined by commas; written once per requirements list
   * (the converted selector is kept, so a repeated request passes the same list). Called after
   * {@link #checkSelector}, so every operator is supported.
   */
  private String selectorText(List<Requirement> requirements) {
    if (requirements.isEmpty()) {
      return "";
    }
    SelectorText last = lastSelectorText;
    if (last == null || last.requirements() != requirements) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < requirements.size(); i++) {
        Requirement r = requirements.get(i);
        appendMatcher(out, 0, r.key(), matcherOperator(r.op(), r.values().size()), joined(r));
      }
      last = new SelectorText(requirements, out.toString());
      lastSelectorText = last;
    }
    return last.text();
  }

  private static String joined(Requirement r) {
    return r.values().size() == 1 ? r.values().get(0) : String.join("|", r.values());
  }

  /** {@code processQueryParts}' checks: a label and a supported operator for its number of values. */
  private static void checkSelector(List<Requirement> requirements) {
    for (int i = 0; i < requirements.size(); i++) {
      Requirement r = requirements.get(i);
      if (r.key().isEmpty()) {
        throw new HpaValidationException("label not specified");
      }
      matcherOperator(r.op(), r.values().size());
    }
  }

  /**
   * {@code .LabelMatchers} and {@code .LabelValuesByName} of one request: the selector's parts, the
   * optional namespace part and the optional resource part, in that order; written straight into the
   * query when the template only prints string fields.
   */
  private record Matchers(List<Requirement> selector, String selectorText, Map<String, String> matchLabels,
      String nsLabel, String namespace, String resourceLabel, Matcher resourceOperator, String target) {
    void appendTo(StringBuilder out) {
      int start = out.length();
      if (selectorText != null) {
        out.append(selectorText);
      } else if (matchLabels.size() == 1) {
        Map.Entry<String, String> only = matchLabels.entrySet().iterator().next();
        appendMatcher(out, start, only.getKey(), Matcher.EQUAL, only.getValue());
      } else {
        String[] keys = matchLabels.keySet().toArray(new String[0]);
        Arrays.sort(keys, Requirement.GO_ORDER);
        for (String key : keys) {
          appendMatcher(out, start, key, Matcher.EQUAL, matchLabels.get(key));
        }
      }
      if (nsLabel != null) {
        appendMatcher(out, start, nsLabel, Matcher.EQUAL, namespace);
      }
      if (resourceLabel != null) {
        appendMatcher(out, start, resourceLabel, resourceOperator, target);
      }
    }

    /** {@code LabelValuesByName}: a later part overwrites an earlier one for the same label. */
    Map<String, String> valuesByName() {
      Map<String, String> values = new HashMap<>();
      selector.forEach(r -> values.put(r.key(), joined(r)));
      if (nsLabel != null) {
        values.put(nsLabel, namespace);
      }
      if (resourceLabel != null) {
        values.put(resourceLabel, target);
      }
      return values;
    }

    int estimatedLength() {
      return 16 + (selectorText != null ? selectorText.length() : 48 * matchLabels.size()) + (nsLabel == null ? 0 : nsLabel.length() + namespace.length())
          + (resourceLabel == null ? 0 : resourceLabel.length() + target.length());
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder(estimatedLength());
      appendTo(out);
      return out.toString();
    }
  }

  /** {@code selectMatcher}: the PromQL operator for a selector operator and its number of values. */
  static Matcher matcherOperator(Op op, int values) {
    if (op == Op.GREATER_THAN || op == Op.LESS_THAN) {
      throw new HpaValidationException("operator not supported by prometheus");
    }
    if (values == 0) {
      return switch (op) {
        case EXISTS -> Matcher.NOT_EQUAL;
        case DOES_NOT_EXIST -> Matcher.EQUAL;
        default -> throw new HpaValidationException("operator requires values");
      };
    }
    return switch (op) {
      case EQUALS, DOUBLE_EQUALS -> values == 1 ? Matcher.EQUAL : Matcher.MATCH;
      case NOT_EQUALS -> values == 1 ? Matcher.NOT_EQUAL : Matcher.NOT_MATCH;
      case IN -> Matcher.MATCH;
      case NOT_IN -> Matcher.NOT_MATCH;
      default -> throw new HpaValidationException("operator does not support values");
    };
  }

  /** Appends {@code label<operator>"<value>"}, after a comma unless it is the first since {@code start}. */
  private static void appendMatcher(StringBuilder out, int start, String label, Matcher operator, String value) {
    if (out.length() > start) {
      out.append(',');
    }
    out.append(label);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        out.append(operator.text);
        GoQuote.quote(value, out);
        return;
      }
    }
    // printable ASCII without quote or backslash: strconv.Quote only adds the quotes
    out.append(operator.openQuote).append(value).append('"');
  }

  /** The PromQL matchers of {@code pkg/client/helpers.go}: {@code LabelEq}, {@code LabelNeq}, ... */
  enum Matcher {
    EQUAL("="),
    NOT_EQUAL("!="),
    MATCH("=~"),
    NOT_MATCH("!~");

    final String text;
    final String openQuote;

    Matcher(String text) {
      this.text = text;
      this.openQuote = text + '"';
    }
  }


  /** Executes the {@link #plan}, writing the matchers in place. */
  private String render(String series, Matchers matchers, String groupBy) {
    StringBuilder out = new StringBuilder(planTextLength + series.length() + matchers.estimatedLength()
        + groupBy.length());
    for (Object part : plan) {
      if (part instanceof String text) {
        out.append(text);
      } else {
        int field = (Integer) part;
        if (field == 0) {
          out.append(series);
        } else if (field == 1) {
          matchers.appendTo(out);
        } else {
          out.append(groupBy);
        }
      }
    }
    if (out.length() == 0) {
      throw new HpaValidationException("empty query produced by metrics query template");
    }
    return out.toString();
  }


  private String execute(String series, Matchers matchers, String groupBy, List<String> groupBySlice) {
    Map<String, Object> args = new LinkedHashMap<>(8);
    args.put("Series", series);
    args.put("LabelMatchers", matchers.toString());
    args.put("LabelValuesByName", matchers.valuesByName());
    args.put("GroupBy", groupBy);
    args.put("GroupBySlice", groupBySlice);
    String query = template.execute(GoTemplate.struct(ARGS_TYPE, args));
    if (query.isEmpty()) {
      throw new HpaValidationException("empty query produced by metrics query template");
    }
    return query;
  }
}
