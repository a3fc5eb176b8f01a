package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoEngine;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import io.github.seldonhpa.promql.internal.go.GoRegexp;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule compiled as prometheus-adapter's {@code naming.NamersFromConfig} does: resource converter,
 * metrics query, series filters (the explicit ones, then {@code name.matches}), the name regexp and the
 * {@code as} template with its default. Errors carry the adapter's own text.
 */
final class RuleNamer {
  /** One {@code ReMatcher}: keep series whose name matches (or, negated, does not match) the regexp. */
  record Filter(GoRegexp regexp, boolean positive) {
    boolean keeps(String seriesName) {
      return regexp.matches(seriesName) == positive;
    }
  }

  final int index;
  final DiscoveryRule rule;
  final ResourceConverter converter;
  final MetricsQuery query;
  final List<Filter> filters;
  final GoRegexp nameMatches;
  final String nameMatchesText;
  final String nameAs;

  private RuleNamer(int index, DiscoveryRule rule, ResourceConverter converter, MetricsQuery query,
      List<Filter> filters, GoRegexp nameMatches, String nameMatchesText, String nameAs) {
    this.index = index;
    this.rule = rule;
    this.converter = converter;
    this.query = query;
    this.filters = filters;
    this.nameMatches = nameMatches;
    this.nameMatchesText = nameMatchesText;
    this.nameAs = nameAs;
  }

  /**
   * Compiles a rule.
   *
   * @throws HpaValidationException with the adapter's start-up error text
   */
  static RuleNamer of(int index, DiscoveryRule rule, ResourceTable table) {
    String q = GoQuote.quote(rule.seriesQuery());
    ResourceConverter converter = ResourceConverter.of(rule.resources(), table);
    MetricsQuery query;
    try {
      query = MetricsQuery.of(rule.metricsQuery(), converter, table, rule.resources().namespaced().orElse(true));
    } catch (HpaValidationException e) {
      throw new HpaValidationException(
          "unable to construct metrics query associated with series query " + q + ": " + e.getMessage());
    }
    List<Filter> filters = new ArrayList<>();
    for (SeriesFilter f : rule.seriesFilters()) {
      try {
        filters.add(filter(f.is().orElse(""), f.isNot().orElse("")));
      } catch (HpaValidationException e) {
        throw new HpaValidationException(
            "unable to generate series name filter associated with series query " + q + ": " + e.getMessage());
      }
    }
    String matches = rule.name().map(NameMapping::matches).orElse("");
    GoRegexp nameMatches;
    if (!matches.isEmpty()) {
      try {
        filters.add(filter(matches, ""));
      } catch (HpaValidationException e) {
        throw new HpaValidationException("unable to generate series name filter from name rules associated with"
            + " series query " + q + ": " + e.getMessage());
      }
      nameMatches = GoRegexp.compile(matches);
    } else {
      nameMatches = GoRegexp.compile(".*");
    }
    String as = rule.name().map(NameMapping::as).orElse("");
    if (as.isEmpty()) {
      int groups = GoEngine.subexpNames(nameMatches).size() - 1;
      if (groups == 0) {
        as = "$0";
      } else if (groups == 1) {
        as = "$1";
      } else {
        throw new HpaValidationException("must specify an 'as' value for name matcher " + GoQuote.quote(matches)
            + " associated with series query " + q);
      }
    }
    return new RuleNamer(index, rule, converter, query, List.copyOf(filters), nameMatches,
        matches.isEmpty() ? ".*" : matches, as);
  }

  /** {@code NewReMatcher}. */
  static Filter filter(String is, String isNot) {
    if (!is.isEmpty() && !isNot.isEmpty()) {
      throw new HpaValidationException("cannot have both an `is` (" + GoQuote.quote(is) + ") and `isNot` ("
          + GoQuote.quote(isNot) + ") expression in a single filter");
    }
    if (is.isEmpty() && isNot.isEmpty()) {
      throw new HpaValidationException("must have either an `is` or `isNot` expression in a filter");
    }
    String raw = is.isEmpty() ? isNot : is;
    try {
      return new Filter(GoRegexp.compile(raw), !is.isEmpty());
    } catch (HpaValidationException e) {
      throw new HpaValidationException("unable to compile series filter " + GoQuote.quote(raw) + ": " + e.getMessage());
    }
  }

  /** {@code FilterSeries} for one series: every filter must keep it. */
  boolean keeps(String seriesName) {
    for (Filter f : filters) {
      if (!f.keeps(seriesName)) {
        return false;
      }
    }
    return true;
  }

  /** The first filter that drops the series, or -1; the implicit {@code name.matches} filter is last. */
  int droppingFilter(String seriesName) {
    for (int i = 0; i < filters.size(); i++) {
      if (!filters.get(i).keeps(seriesName)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code MetricNameForSeries}: the {@code as} expansion of the leftmost match.
   *
   * @throws HpaValidationException {@code series name "<s>" did not match expected pattern "<re>"}
   */
  String metricName(String seriesName) {
    String name = GoEngine.expandFirstMatch(nameMatches, nameAs, seriesName);
    if (name == null) {
      throw new HpaValidationException("series name " + GoQuote.quote(seriesName)
          + " did not match expected pattern " + GoQuote.quote(nameMatchesText));
    }
    return name;
  }
}
