package io.github.seldonhpa.k8s;

import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.SeriesFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What each rule of an adapter config does to the series Seldon exports: which series it discovers (its
 * {@code seriesQuery}, {@code seriesFilters} and {@code name.matches}) and which API metric names it
 * gives them ({@code name.as}, expanded with Go's {@code Regexp.Expand} rules).
 */
final class AdapterRules {
  private static final Pattern SELECTOR = Pattern.compile(
      "\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(?:\\{(.*)\\})?\\s*", Pattern.DOTALL);
  private static final Pattern NAME_MATCHER = Pattern.compile(
      "__name__\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One rule and what it makes of the series. */
  static final class Rule {
    final DiscoveryRule rule;
    final String path;
    final boolean external;
    /** Series the rule discovers: Seldon's, or the one it names exactly. Empty when unknown. */
    final List<String> series = new ArrayList<>();
    /** API metric name to the series that give it. */
    final Map<String, List<String>> names = new LinkedHashMap<>();
    /** The series the rule names exactly when it is not one Seldon exports (a typo, a recording rule). */
    Optional<String> foreignSeries = Optional.empty();
    /** Whether the regexps compiled; if not, nothing is known about its names. */
    boolean evaluable = true;

    Rule(DiscoveryRule rule, String path, boolean external) {
      this.rule = rule;
      this.path = path;
      this.external = external;
    }

    /** Whether an override maps a label to Seldon's group. */
    boolean mapsSeldon() {
      return rule.resources().overrides().values().stream().anyMatch(gr -> gr.group().equals("mlops.seldon.io"));
    }

    /** The label of a resource (plural, lower-case) in this rule, if any: overrides first, then the template. */
    Optional<String> labelFor(String group, String resource) {
      for (Map.Entry<String, GroupResource> e : rule.resources().overrides().entrySet()) {
        GroupResource gr = e.getValue();
        if ((gr.group().isEmpty() || gr.group().equals(group)) && plural(gr.resource()).equals(resource)) {
          return Optional.of(e.getKey());
        }
      }
      return rule.resources().template().map(t -> t
          .replaceAll("<<-?\\s*\\.Group\\s*-?>>", group.replace('.', '_').replace('-', '_'))
          .replaceAll("<<-?\\s*\\.Resource\\s*-?>>", singular(resource)));
    }
  }

  private AdapterRules() {}

  static List<Rule> of(AdapterConfig config, String prefix) {
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < config.rules().size(); i++) {
      out.add(evaluate(new Rule(config.rules().get(i), YamlPaths.index(YamlPaths.key(prefix, "rules"), i), false)));
    }
    for (int i = 0; i < config.externalRules().size(); i++) {
      out.add(evaluate(new Rule(config.externalRules().get(i),
          YamlPaths.index(YamlPaths.key(prefix, "externalRules"), i), true)));
    }
    return out;
  }

  static String plural(String resource) {
    String r = resource.toLowerCase(Locale.ROOT);
    return r.endsWith("s") ? r : r + "s";
  }

  static String singular(String resource) {
    String r = resource.toLowerCase(Locale.ROOT);
    return r.endsWith("s") ? r.substring(0, r.length() - 1) : r;
  }

  /** Number of capture groups of a regexp (named and unnamed; {@code (?:...)} does not count); 0 if invalid. */
  static int captureGroups(String regexp) {
    return compile(regexp).map(pattern -> pattern.matcher("").groupCount()).orElse(0);
  }

  private static Rule evaluate(Rule rule) {
    String as = rule.rule.name().map(n -> n.as()).orElse("");
    List<String> candidates = discovered(rule.rule.seriesQuery());
    if (candidates == null) {
      // series unknown: only a literal name tells what the rule serves
      rule.evaluable = !as.isEmpty() && as.indexOf('$') < 0;
      if (rule.evaluable) {
        rule.names.put(as, new ArrayList<>());
      }
      return rule;
    }
    if (candidates.size() == 1 && !SeldonSeries.NAMES.contains(candidates.get(0))) {
      rule.foreignSeries = Optional.of(candidates.get(0));
    }
    List<Pattern> filters = new ArrayList<>();
    List<Boolean> keep = new ArrayList<>();
    for (SeriesFilter f : rule.rule.seriesFilters()) {
      Optional<Pattern> p = compile(f.is().orElseGet(() -> f.isNot().orElse("")));
      if (p.isEmpty()) {
        rule.evaluable = false;
        return rule;
      }
      filters.add(p.get());
      keep.add(f.is().isPresent());
    }
    String matches = rule.rule.name().map(n -> n.matches()).orElse("");
    Optional<Pattern> namePattern = compile(matches.isEmpty() ? ".*" : matches);
    if (namePattern.isEmpty()) {
      rule.evaluable = false;
      return rule;
    }
    if (as.isEmpty()) {
      int groups = namePattern.get().matcher("").groupCount();
      as = groups == 0 ? "$0" : groups == 1 ? "$1" : null;
    }
    next:
    for (String series : candidates) {
      for (int i = 0; i < filters.size(); i++) {
        if (filters.get(i).matcher(series).find() != keep.get(i)) {
          continue next;
        }
      }
      Matcher m = namePattern.get().matcher(series);
      if (!m.find()) {
        continue;
      }
      rule.series.add(series);
      if (as != null) {
        rule.names.computeIfAbsent(expand(as, m), k -> new ArrayList<>()).add(series);
      }
    }
    return rule;
  }

  /**
   * The candidate series of a {@code seriesQuery}: the one it names exactly, or Seldon's that its
   * {@code __name__} matchers keep; {@code null} when it cannot be told.
   */
  private static List<String> discovered(String seriesQuery) {
    Matcher m = SELECTOR.matcher(seriesQuery);
    if (!m.matches()) {
      return null;
    }
    if (m.group(1) != null) {
      return List.of(m.group(1));
    }
    List<String> out = new ArrayList<>(SeldonSeries.NAMES);
    if (m.group(2) == null) {
      return null;
    }
    Matcher n = NAME_MATCHER.matcher(m.group(2));
    while (n.find()) {
      String value = n.group(2).replaceAll("\\\\(.)", "$1");
      switch (n.group(1)) {
        case "=":
          return List.of(value);
        case "!=":
          out.remove(value);
          break;
        default:
          Optional<Pattern> p = compile("^(?:" + value + ")$");
          if (p.isEmpty()) {
            return null;
          }
          boolean positive = n.group(1).equals("=~");
          out.removeIf(s -> p.get().matcher(s).find() != positive);
      }
    }
    return out;
  }

  /** A Go RE2 regexp as a Java pattern: {@code (?P<name>} becomes {@code (?<name>}; empty if Java rejects it. */
  static Optional<Pattern> compile(String re2) {
    try {
      return Optional.of(Pattern.compile(re2.replace("(?P<", "(?<")));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Go's {@code Regexp.Expand}: {@code $$} is a dollar, {@code $name} takes the longest run of letters,
   * digits and {@code _}, {@code ${name}} is braced; digits alone (no leading zero) are a group index; an
   * unknown or unmatched group expands to nothing; a malformed reference keeps its {@code $}.
   */
  static String expand(String template, Matcher match) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      String name;
      if (i < template.length() && template.charAt(i) == '{') {
        int close = template.indexOf('}', i + 1);
        name = close < 0 ? "" : template.substring(i + 1, close);
        if (name.isEmpty() || !name.chars().allMatch(AdapterRules::isWordChar)) {
          out.append('$');
          continue;
        }
        i = close + 1;
      } else {
        int end = i;
        while (end < template.length() && isWordChar(template.charAt(end))) {
          end++;
        }
        if (end == i) {
          out.append('$');
          continue;
        }
        name = template.substring(i, end);
        i = end;
      }
      out.append(group(match, name));
    }
    return out.toString();
  }

  private static boolean isWordChar(int c) {
    return c == '_' || c < 128 && Character.isLetterOrDigit(c);
  }

  private static String group(Matcher match, String name) {
    boolean digits = name.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    if (digits && !(name.length() > 1 && name.charAt(0) == '0') && name.length() < 9) {
      int index = Integer.parseInt(name);
      return index <= match.groupCount() && match.group(index) != null ? match.group(index) : "";
    }
    try {
      String g = match.group(name);
      return g == null ? "" : g;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
