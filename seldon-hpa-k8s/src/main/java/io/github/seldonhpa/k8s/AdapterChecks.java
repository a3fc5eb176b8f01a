package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.PrometheusDuration;
import io.github.seldonhpa.promql.RegisteredMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * prometheus-adapter configs: whether they load, the relist interval, and each rule as the adapter runs it
 * (its PromQL windows and placeholders, the object label, success codes, external namespaces, Seldon series,
 * rules that collide).
 */
final class AdapterChecks implements LintFamily {
  private static final Pattern RANGE = Pattern.compile("\\[\\s*([^\\]:\\s]*)\\s*(?::[^\\]]*)?\\]");
  private static final Pattern RULE_INDEX = Pattern.compile("(rules|externalRules)\\[(\\d{1,9})]");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{-?\\s*[.$A-Za-z][^}]*}}");
  private static final Pattern CODE_MATCHER = Pattern.compile("\\bcode\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
  private static final Pattern METHOD_TYPE_MATCHER = Pattern.compile("\\bmethod_type\\s*(=~|=)\\s*\"([^\"]*)\"");
  private static final Pattern EXACT_SERIES = Pattern.compile(
      "\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(?:\\{(.*)\\})?\\s*", Pattern.DOTALL);
  private static final Pattern NAME_EQUALS = Pattern.compile("__name__\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern AGGREGATION = Pattern.compile(
      "\\b(sum|avg|min|max|count|group|stddev|stdvar|quantile|topk|bottomk|count_values)\\s*(\\(|by\\b|without\\b)");

  @Override
  public void check(LintIndex index) {
    for (LintAdapter a : index.adapters) {
      LintSubject s = a.subject;
      if (a.parseError != null) {
        s.report(LintCode.ADAPTER_CONFIG_INVALID, a.parseError[0], a.parseError[1],
            "fix the config: the adapter loads it strictly and does not start otherwise");
        continue;
      }
      checkRelist(index, a);
      if (a.config == null) {
        continue;
      }
      for (String error : a.loadErrors) {
        int colon = error.indexOf(": ");
        s.report(LintCode.ADAPTER_CONFIG_INVALID, colon < 0 ? a.prefix : prefixed(a, error.substring(0, colon)),
            prefixed(a, error), "fix the rule: the adapter does not start with this config");
      }
      for (int i = 0; i < a.ruleCount(); i++) {
        checkRule(a, i, index.facts.scrapeInterval());
      }
      checkSameMetric(a);
    }
  }

  private static void checkRelist(LintIndex index, LintAdapter a) {
    Duration relist = a.relistInterval.orElse(index.facts.relistInterval());
    Duration scrape = index.facts.scrapeInterval();
    if (relist.compareTo(scrape) < 0) {
      String path = a.relistInterval.isPresent() ? "metricsRelistInterval" : a.prefix;
      a.subject.report(LintCode.RELIST_SHORTER_THAN_SCRAPE, path, "the adapter's metrics relist interval "
          + PrometheusDuration.format(relist) + " is shorter than the scrape interval "
          + PrometheusDuration.format(scrape) + ", so metrics intermittently go missing",
          "set --metrics-relist-interval (Helm: metricsRelistInterval) to at least "
              + PrometheusDuration.format(scrape));
    }
  }

  /** A load error's path ({@code rules[0].name}) with the config's own: {@code data."config.yaml".rules[0].name}. */
  private static String prefixed(LintAdapter a, String path) {
    Matcher rule = RULE_INDEX.matcher(path);
    if (rule.lookingAt() && a.config != null) {
      int i = Integer.parseInt(rule.group(2));
      int index = rule.group(1).equals("rules") ? i : a.config.rules().size() + i;
      return a.rulePath(index) + path.substring(rule.end());
    }
    if (path.startsWith("rules")) {
      return a.rulesPath + path.substring("rules".length());
    }
    if (path.startsWith("externalRules")) {
      return a.externalRulesPath + path.substring("externalRules".length());
    }
    return a.prefix.isEmpty() ? path : a.prefix + "." + path;
  }

  private static void checkRule(LintAdapter a, int index, Duration scrape) {
    LintSubject s = a.subject;
    DiscoveryRule rule = a.rule(index);
    String rulePath = a.rulePath(index);
    String query = rule.metricsQuery();
    String queryPath = YamlPaths.key(rulePath, "metricsQuery");
    if (query.isEmpty()) {
      s.report(LintCode.ADAPTER_CONFIG_INVALID, queryPath, queryPath + " must be set: every query of the rule"
          + " fails with \"empty query produced by metrics query template\" (was \"\")", "write the rule's"
          + " metricsQuery, e.g. sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))");
    }
    checkPlaceholders(s, rule.seriesQuery(), YamlPaths.key(rulePath, "seriesQuery"));
    checkPlaceholders(s, query, queryPath);
    checkWindows(a.subject, scrape, query, queryPath);
    if (!a.external(index) && !query.isEmpty()) {
      checkQueryKeepsObject(s, query, queryPath);
    }
    Set<String> codes = new TreeSet<>();
    Matcher code = CODE_MATCHER.matcher(query);
    while (code.find()) {
      codes.addAll(List.of(code.group(2).split("\\|")));
    }
    Set<String> methods = new TreeSet<>();
    Matcher method = METHOD_TYPE_MATCHER.matcher(query);
    while (method.find()) {
      methods.addAll(List.of(method.group(2).split("\\|")));
    }
    oneProtocol(s, codes, methods, queryPath, "metricsQuery matches", "match both spellings, e.g."
        + " code=~\"200|OK\" (or code!~\"200|OK\" for errors), or also match method_type");
    if (a.external(index) && rule.resources().namespaced().orElse(true) && rule.resources().template().isEmpty()
        && rule.resources().overrides().values().stream()
            .noneMatch(gr -> gr.group().isEmpty() && gr.resource().toLowerCase(Locale.ROOT).startsWith("namespace"))) {
      s.report(LintCode.EXTERNAL_RULE_NO_NAMESPACE, YamlPaths.key(rulePath, "resources"), "the external rule"
          + " maps no label to namespaces while namespaced (the default), so every query fails with"
          + " \"unable to fetch metrics\"", "add resources.overrides.namespace: {resource: namespace}, or set"
          + " resources.namespaced: false to query across namespaces");
    }
    boolean mapsSeldon = rule.resources().overrides().values().stream()
        .anyMatch(gr -> gr.group().equals(LintTrees.SELDON_GROUP));
    if (mapsSeldon && a.loads && a.registered.get(index).isEmpty()) {
      Optional<String> foreign = exactSeries(rule.seriesQuery()).filter(x -> !SeldonSeries.LABELS.containsKey(x));
      String near = foreign.flatMap(f -> SeldonSeries.NAMES.stream()
          .filter(n -> LintTrees.distance(n, f) <= 3).findFirst()).map(n -> "; near miss: " + n).orElse("");
      s.report(LintCode.SERIES_QUERY_NO_SELDON_METRIC, YamlPaths.key(rulePath, "seriesQuery"), "seriesQuery "
          + YamlPaths.quote(rule.seriesQuery().strip()) + " with the rule's filters and name.matches keeps no metric"
          + " Seldon exports, though the rule maps Seldon resources" + near, "select a Seldon series such as"
          + " {__name__=\"seldon_model_infer_total\",namespace!=\"\"}, or drop the mlops.seldon.io overrides if"
          + " the rule reads another exporter");
    }
  }

  /** {@code {{ .Values.x }}} left by a template nobody rendered reaches Prometheus as it is. */
  private static void checkPlaceholders(LintSubject s, String text, String path) {
    Matcher m = PLACEHOLDER.matcher(text);
    if (m.find()) {
      s.report(LintCode.METRICS_QUERY_INVALID, path, path + " holds the unrendered placeholder " + m.group()
          + ": the adapter's templates use << >>, so Prometheus receives the braces and refuses the query (was "
          + YamlPaths.quote(m.group()) + ")", "render the file with its tool (helm template) before linting, or"
          + " write the value in place of the placeholder");
    }
  }

  /** Range and subquery windows: a Prometheus duration above zero, at least twice the scrape interval. */
  private static void checkWindows(LintSubject s, Duration scrape, String query, String queryPath) {
    Matcher window = RANGE.matcher(query);
    boolean shortReported = false;
    while (window.find()) {
      String text = window.group(1);
      if (text.isEmpty() || text.startsWith("<<")) {
        continue;
      }
      Duration d;
      try {
        d = PrometheusDuration.parse("window", text);
      } catch (HpaValidationException e) {
        if (Character.isDigit(text.charAt(0))) {
          s.report(LintCode.METRICS_QUERY_INVALID, queryPath, "range window [" + text + "] is not a Prometheus"
              + " duration such as 30s, 2m or 1h30m, so Prometheus refuses the query (was " + text + ")",
              "write the window as a Prometheus duration");
        }
        continue;
      }
      if (d.isZero()) {
        s.report(LintCode.METRICS_QUERY_INVALID, queryPath, "range window [" + text + "] is empty: Prometheus"
            + " refuses a zero range, so every query of the rule fails (was " + text + ")",
            "widen the window to at least twice the scrape interval");
        continue;
      }
      Duration needed = scrape.multipliedBy(2);
      if (!shortReported && d.compareTo(needed) < 0) {
        shortReported = true;
        s.report(LintCode.RATE_WINDOW_TOO_SHORT, queryPath, "rate window " + text
            + " is shorter than twice the scrape interval " + PrometheusDuration.format(scrape)
            + ": the window may hold one sample and rate() then returns nothing (was " + text + ")",
            "widen the window to at least " + PrometheusDuration.format(needed));
      }
    }
  }

  /**
   * The adapter takes a custom metric's value from the result sample whose resource label is the object's
   * name: a query that does not select by {@code <<.LabelMatchers>>} gives every object the same value, and
   * one that aggregates without {@code by (<<.GroupBy>>)} drops the label, so no sample matches.
   */
  private static void checkQueryKeepsObject(LintSubject s, String query, String queryPath) {
    if (!query.contains(".LabelMatchers") && !query.contains(".LabelValuesByName")) {
      s.report(LintCode.METRICS_QUERY_LOSES_OBJECT, queryPath, "metricsQuery does not use <<.LabelMatchers>>,"
          + " so every object the metric is asked for (every pod, Model or Deployment) gets the value of all"
          + " series together", "select the series with {<<.LabelMatchers>>}, e.g. <<.Series>>{<<.LabelMatchers>>}");
    } else if (AGGREGATION.matcher(query).find() && !query.contains(".GroupBy")) {
      s.report(LintCode.METRICS_QUERY_LOSES_OBJECT, queryPath, "metricsQuery aggregates without"
          + " by (<<.GroupBy>>), which drops the object's label, so the adapter finds no value for any object",
          "aggregate by the object's label: sum by (<<.GroupBy>>) (...)");
    }
  }

  /** Later rules that register a metric an earlier rule registers too, naming every resource they share. */
  private static void checkSameMetric(LintAdapter a) {
    int rules = a.ruleCount();
    for (int j = 0; j < rules && a.loads; j++) {
      for (int i = 0; i < j; i++) {
        if (a.external(i) != a.external(j)) {
          continue;
        }
        List<RegisteredMetric> shared = sameKeys(a.registered.get(i), a.registered.get(j));
        if (shared.isEmpty()) {
          continue;
        }
        Set<String> resources = new TreeSet<>();
        shared.forEach(r -> r.resource().ifPresent(gr -> resources.add(gr.toString())));
        String name = shared.get(0).metricName();
        String path = a.rule(j).name().isPresent() ? YamlPaths.key(a.rulePath(j), "name") : a.rulePath(j);
        a.subject.report(LintCode.RULES_SAME_METRIC, path, a.rulePath(j) + " also produces " + name
            + (resources.isEmpty() ? "" : " for " + and(resources)) + ", like " + a.rulePath(i)
            + ": the adapter keeps only the later rule's query", "make the rules' series or names disjoint");
        break;
      }
    }
  }

  private static String and(Set<String> items) {
    List<String> list = new ArrayList<>(items);
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
  }

  /** The metrics both rules register under the same registry key (resource, namespaced, name). */
  private static List<RegisteredMetric> sameKeys(List<RegisteredMetric> earlier, List<RegisteredMetric> later) {
    List<RegisteredMetric> out = new ArrayList<>();
    for (RegisteredMetric l : later) {
      for (RegisteredMetric e : earlier) {
        if (e.metricName().equals(l.metricName()) && e.resource().equals(l.resource())
            && e.namespaced() == l.namespaced()) {
          out.add(l);
          break;
        }
      }
    }
    return out;
  }

  /** The one series a {@code seriesQuery} names exactly ({@code name{...}} or {@code {__name__="name"}}). */
  static Optional<String> exactSeries(String seriesQuery) {
    Matcher m = EXACT_SERIES.matcher(seriesQuery);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return Optional.of(m.group(1));
    }
    Matcher n = NAME_EQUALS.matcher(m.group(2) == null ? "" : m.group(2));
    return n.find() ? Optional.of(n.group(1)) : Optional.empty();
  }

  /** REST counts success as code 200, gRPC as OK: a filter on one alone misses or miscounts the other. */
  static void oneProtocol(LintSubject s, Set<String> codes, Set<String> methods, String path, String what,
      String fix) {
    boolean rest = codes.contains("200");
    boolean grpc = codes.contains("OK");
    if (rest == grpc) {
      return;
    }
    String only = rest ? "rest" : "grpc";
    if (methods.equals(Set.of(only))) {
      return;
    }
    s.report(LintCode.SUCCESS_CODE_ONE_PROTOCOL, path, what + " code " + (rest ? "200" : "OK") + " but not "
        + (rest ? "OK" : "200") + ": REST reports success as 200 and gRPC as OK, so "
        + (rest ? "gRPC" : "REST") + " requests are counted wrongly", fix);
  }
}
