package io.github.seldonhpa.promql.internal.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoRegexpTest {

  private static String expand(String re, String template, String src) {
    GoRegexp r = GoRegexp.compile(re);
    return r.expand(template, src, r.findSubmatchIndex(src));
  }

  @Test
  void namedGroupsInBothSpellingsAndSubexpNames() {
    GoRegexp r = GoRegexp.compile("(?P<first>[a-z]+)_(x)_(?<last>[a-z]+)");
    assertThat(r.subexpNames()).containsExactly("", "first", "", "last");
    assertThat(r.numSubexp()).isEqualTo(3);
    assertThat(r.findSubmatch("ab_x_cd")).containsExactly("ab_x_cd", "ab", "x", "cd");
  }

  @Test
  void expandFollowsGoRules() {
    assertThat(expand("^(.*)_total$", "${1}_per_second", "http_requests_total")).isEqualTo("http_requests_per_second");
    assertThat(expand("^(.*)_total$", "$1_per_second", "http_requests_total")).isEqualTo("");
    assertThat(expand("^(.*)_total$", "$$${1}", "x_total")).isEqualTo("$x");
    assertThat(expand("^(.*)_total$", "a$-b${1", "x_total")).isEqualTo("a$-b${1");
    assertThat(expand("^(.*)_total$", "${01}", "x_total")).isEqualTo("");
    assertThat(expand("^(?P<base>.*)_total$", "$base.$0", "x_total")).isEqualTo("x.x_total");
    // Go's regexp example_test: ExpandString with named groups
    assertThat(expand("(?m)(?P<key>\\w+):\\s+(?P<value>\\w+)$", "$key=$value", "option1: value1"))
        .isEqualTo("option1=value1");
  }

  @Test
  void duplicateNamesExpandToTheLeftmostThatMatched() {
    assertThat(expand("(?P<n>a)|(?P<n>b)", "[$n]", "b")).isEqualTo("[b]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "(|missing closing ): `(`",
    "a)|unexpected ): `a)`",
    "a**|invalid nested repetition operator: `**`",
    "a*+|invalid nested repetition operator: `*+`",
    "*|missing argument to repetition operator: `*`",
    "a{1001}|invalid repeat count: `{1001}`",
    "(a{500}){3}|invalid repeat count: `{3}`",
    "(?=x)|invalid or unsupported Perl syntax: `(?=`",
    "(?!x)|invalid or unsupported Perl syntax: `(?!`",
    "(?>x)|invalid or unsupported Perl syntax: `(?>`",
    "(?<=x)|invalid named capture: `(?<=x)`",
    "\\1|invalid escape sequence: `\\1`",
    "\\Z|invalid escape sequence: `\\Z`",
    "[a|missing closing ]: `[a`",
    "[z-a]|invalid character class range: `z-a`",
    "[[:foo:]]|invalid character class range: `[:foo:]`",
    "\\p{Foo}|invalid character class range: `\\p{Foo}`",
    "(?P<>a)|invalid named capture: `(?P<>`",
    "(?i-)|invalid or unsupported Perl syntax: `(?i-)`",
  })
  void rejectsWhatGoRejectsWithGosText(String re, String message) {
    assertThatThrownBy(() -> GoRegexp.compile(re)).isInstanceOf(HpaValidationException.class)
        .hasMessage("error parsing regexp: " + message);
  }

  /** Go's regexp/syntax parse_test.go: invalidRegexps, then onlyPOSIX (invalid in Perl mode). */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"(", ")", "(a", "a)", "(a))", "(a|b|", "a|b|)",
      "(a|b|))", "(a|b", "a|b)", "(a|b))", "[a-z", "([a-z)", "[a-z)", "([a-z]))", "x{1001}", "x{9876543210}",
      "x{2,1}", "x{1,9876543210}", "(?P<name>a", "(?P<name>", "(?P<name", "(?P<x y>a)", "(?P<>a)", "(?<name>a",
      "(?<name>", "(?<name", "(?<x y>a)", "(?<>a)", "[a-Z]", "(?i)[a-Z]", "\\Q\\E*", "a{100000}", "a{100000,}",
      "((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}){2})", "a++", "a**", "a?*", "a+*", "a{1}*", ".{1}{2}.{3}"})
  void rejectsGosInvalidRegexps(String re) {
    assertThatThrownBy(() -> GoRegexp.compile(re)).isInstanceOf(HpaValidationException.class)
        .hasMessageStartingWith("error parsing regexp: ");
  }

  @Test
  void rejectsNestingDeeperThanGo() {
    assertThatThrownBy(() -> GoRegexp.compile("(".repeat(1000) + ")".repeat(1000)))
        .hasMessageStartingWith("error parsing regexp: expression nests too deeply");
    assertThatThrownBy(() -> GoRegexp.compile("(?:".repeat(1000) + "a" + ")".repeat(1000)))
        .hasMessageStartingWith("error parsing regexp: expression nests too deeply");
    assertThat(GoRegexp.compile("(".repeat(999) + ")".repeat(999)).numSubexp()).isEqualTo(999);
  }

  /** re2j's texts where they differ from Go's, bridged; and what Go accepts that re2j refuses. */
  @Test
  void bridgesRe2jToGo() {
    // re2j: "regexp/syntax: internal error: `stack underflow`"
    assertThatThrownBy(() -> GoRegexp.compile("a)")).hasMessage("error parsing regexp: unexpected ): `a)`");
    // re2j accepts nested counted repeats whose product exceeds 1000; Go's repeatIsValid does not
    assertThatThrownBy(() -> GoRegexp.compile("((a{10}){10}){11}"))
        .hasMessage("error parsing regexp: invalid repeat count: `{11}`");
    assertThat(GoRegexp.compile("((a{10}){10}){10}").matches("a".repeat(1000))).isTrue();
    // re2j refuses duplicate group names; Go numbers both groups and keeps both names
    GoRegexp dup = GoRegexp.compile("(?P<n>a)(?P<n>b)");
    assertThat(dup.subexpNames()).containsExactly("", "n", "n");
    assertThat(dup.findSubmatch("ab")).containsExactly("ab", "a", "b");
    // re2j reports a group under {0} as an empty match at 0; Go as not taking part
    assertThat(GoRegexp.compile("x((a){0})").findSubmatchIndex("x")).containsExactly(0, 1, 1, 1, -1, -1);
  }

  /** Issue 14: a 160,000-character name.matches took 112 s through java.util.regex; now refused at once. */
  @Test
  void refusesRegexpsOverTheLengthBudget() {
    assertThatThrownBy(() -> GoRegexp.compile("a".repeat(160_000))).isInstanceOf(HpaValidationException.class)
        .hasMessage("regexp must be at most 4096 characters (was 160000 characters)");
    String longest = "^(" + "x|".repeat(2045) + "yz)$";
    assertThat(longest).hasSize(GoRegexp.MAX_LENGTH);
    assertThat(GoRegexp.compile(longest).matches("yz")).isTrue();
  }

  /** Go's regexp/syntax parse_test.go: onlyPerl, valid in Go's Perl mode. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"[a-b-c]", "\\Qabc\\E", "\\Q*+?{[\\E", "\\Q\\\\E",
      "\\Q\\\\\\E", "(?:a)", "(?P<name>a)", "(?<name>a)"})
  void acceptsGosPerlOnlySyntax(String re) {
    assertThat(GoRegexp.compile(re).toString()).isEqualTo(re);
  }

  @Test
  void quotedLiteralsMatchLiterally() {
    assertThat(GoRegexp.compile("^\\Q*+?{[\\E$").matches("*+?{[")).isTrue();
    assertThat(GoRegexp.compile("^\\Q\\\\E$").matches("\\\\")).isFalse();
    assertThat(GoRegexp.compile("^\\Q\\\\E$").matches("\\")).isTrue();
    assertThat(GoRegexp.compile("^[a-b-c]+$").matches("a-c")).isTrue();
  }

  /** The ASCII rows of Go's regexp find_test.go findTests: the first match's FindStringSubmatchIndex. */
  @Test
  void findSubmatchIndexMatchesGosFindTests() {
    Object[][] rows = {
      {"", "", new int[] {0, 0}},
      {"^abcdefg", "abcdefg", new int[] {0, 7}},
      {"a+", "baaab", new int[] {1, 4}},
      {"abcd..", "abcdef", new int[] {0, 6}},
      {"a", "a", new int[] {0, 1}},
      {"x", "y", null},
      {"b", "abc", new int[] {1, 2}},
      {".", "a", new int[] {0, 1}},
      {".*", "abcdef", new int[] {0, 6}},
      {"^", "abcde", new int[] {0, 0}},
      {"$", "abcde", new int[] {5, 5}},
      {"^abcd$", "abcd", new int[] {0, 4}},
      {"^bcd'", "abcdef", null},
      {"^abcd$", "abcde", null},
      {"a*", "baaab", new int[] {0, 0}},
      {"[a-z]+", "abcd", new int[] {0, 4}},
      {"[^a-z]+", "ab1234cd", new int[] {2, 6}},
      {"[a\\-\\]z]+", "az]-bcz", new int[] {0, 4}},
      {"[^\\n]+", "abcd\n", new int[] {0, 4}},
      {"()", "", new int[] {0, 0, 0, 0}},
      {"(a)", "a", new int[] {0, 1, 0, 1}},
      {"(.*)", "", new int[] {0, 0, 0, 0}},
      {"(.*)", "abcd", new int[] {0, 4, 0, 4}},
      {"(..)(..)", "abcd", new int[] {0, 4, 0, 2, 2, 4}},
      {"(([^xyz]*)(d))", "abcd", new int[] {0, 4, 0, 4, 0, 3, 3, 4}},
      {"((a|b|c)*(d))", "abcd", new int[] {0, 4, 0, 4, 2, 3, 3, 4}},
      {"(((a|b|c)*)(d))", "abcd", new int[] {0, 4, 0, 4, 0, 3, 2, 3, 3, 4}},
      {"\\a\\f\\n\\r\\t\\v", "\u0007\f\n\r\t\u000b", new int[] {0, 6}},
      {"[\\a\\f\\n\\r\\t\\v]+", "\u0007\f\n\r\t\u000b", new int[] {0, 6}},
      {"a*(|(b))c*", "aacc", new int[] {0, 4, 2, 2, -1, -1}},
      {"(.*).*", "ab", new int[] {0, 2, 0, 2}},
      {"[.]", ".", new int[] {0, 1}},
      {"/$", "/abc/", new int[] {4, 5}},
      {"/$", "/abc", null},
      {".(.)", "abcd", new int[] {0, 2, 1, 2}},
      {"a(b*)", "abbaab", new int[] {0, 3, 1, 3}},
      {"ab$", "cab", new int[] {1, 3}},
      {"axxb$", "axxcb", null},
      {"data", "daXY data", new int[] {5, 9}},
      {"da(.)a$", "daXY data", new int[] {5, 9, 7, 8}},
      {"zx+", "zzx", new int[] {1, 3}},
      {"ab$", "abcab", new int[] {3, 5}},
      {"(aa)*$", "a", new int[] {1, 1, -1, -1}},
      {"(?:.|(?:.a))", "", null},
      {"(?:A(?:A|a))", "Aa", new int[] {0, 2}},
      {"(?:A|(?:A|a))", "a", new int[] {0, 1}},
      {"(a){0}", "", new int[] {0, 0, -1, -1}},
      {"(?-s)(?:(?:^).)", "\n", null},
      {"(?s)(?:(?:^).)", "\n", new int[] {0, 1}},
      {"(?:(?:^).)", "\n", null},
      {"\\b", "x", new int[] {0, 0}},
      {"\\b", "xx yy", new int[] {0, 0}},
      {"\\B", "x", null},
      {"\\B", "xx", new int[] {1, 1}},
      {"\\B", "x y", null},
      {"\\B", "xx yy", new int[] {1, 1}},
      {"(|a)*", "aa", new int[] {0, 0, 0, 0}},
      {"[^\\S\\s]", "abcd", null},
      {"[^\\S[:space:]]", "abcd", null},
      {"[^\\D\\d]", "abcd", null},
      {"[^\\D[:digit:]]", "abcd", null},
      {"(?i)\\W", "x", null},
      {"(?i)\\W", "k", null},
      {"(?i)\\W", "s", null},
      {"\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\{\\|\\}\\~",
          "!\"#$%&'()*+,-./:;<=>?@[\\]^_{|}~", new int[] {0, 31}},
      {"[\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\{\\|\\}\\~]+",
          "!\"#$%&'()*+,-./:;<=>?@[\\]^_{|}~", new int[] {0, 31}},
      {"\\`", "`", new int[] {0, 1}},
      {"[\\`]+", "`", new int[] {0, 1}},
    };
    for (Object[] row : rows) {
      GoRegexp re = GoRegexp.compile((String) row[0]);
      assertThat(re.toString()).isEqualTo(row[0]);
      assertThat(re.findSubmatchIndex((String) row[1])).as("%s on %s", row[0], row[1]).isEqualTo(row[2]);
    }
  }

  /** Go's regexp all_test.go numSubexpCases. */
  @Test
  void numSubexpMatchesGo() {
    Object[][] rows = {{"", 0}, {".*", 0}, {"abba", 0}, {"ab(b)a", 1}, {"ab(.*)a", 1}, {"(.*)ab(.*)a", 2},
        {"(.*)(ab)(.*)a", 3}, {"(.*)((a)b)(.*)a", 4}, {"(.*)(\\(ab)(.*)a", 3}, {"(.*)(\\(a\\)b)(.*)a", 3}};
    for (Object[] row : rows) {
      assertThat(GoRegexp.compile((String) row[0]).numSubexp()).as((String) row[0]).isEqualTo(row[1]);
    }
  }

  @Test
  void dollarIsEndOfTextAndDotSkipsNewlineUnlessFlagged() {
    assertThat(GoRegexp.compile("a$").matches("a\n")).isFalse();
    assertThat(GoRegexp.compile("(?m)a$").matches("a\n")).isTrue();
    assertThat(GoRegexp.compile("a.b").matches("a\nb")).isFalse();
    assertThat(GoRegexp.compile("(?s)a.b").matches("a\nb")).isTrue();
    assertThat(GoRegexp.compile("a.b").matches("a\rb")).isTrue();
    assertThat(GoRegexp.compile("\\s").matches("\u000B")).isFalse();
    assertThat(GoRegexp.compile("[[:space:]]").matches("\u000B")).isTrue();
  }

  @Test
  void octalEscapesBracesQuotingAndUngreedyFlag() {
    assertThat(GoRegexp.compile("\\101\\x42\\x{43}").matches("ABC")).isTrue();
    assertThat(GoRegexp.compile("\\Q.*\\E").matches("a.*b")).isTrue();
    assertThat(GoRegexp.compile("\\Q.*\\E").matches("ab")).isFalse();
    assertThat(GoRegexp.compile("(?U)(a+)").findSubmatch("aaa")).containsExactly("a", "a");
    assertThat(GoRegexp.compile("(?U)(a+?)").findSubmatch("aaa")).containsExactly("aaa", "aaa");
    assertThat(GoRegexp.compile("a{,2}").matches("a{,2}")).isTrue();
  }

  @Test
  void unicodeClassesAndCaseFolding() {
    assertThat(GoRegexp.compile("^\\pL+$").matches("héllo")).isTrue();
    assertThat(GoRegexp.compile("^\\p{Greek}+$").matches("αβγ")).isTrue();
    assertThat(GoRegexp.compile("^[\\p{Greek}a]+$").matches("αaβ")).isTrue();
    assertThat(GoRegexp.compile("(?i)straße").matches("STRAßE")).isTrue();
    assertThat(GoRegexp.compile("[^a]").matches("\n")).isTrue();
    assertThat(GoRegexp.compile("x*").findSubmatch("")).containsExactly("");
    assertThat(GoRegexp.compile("").subexpNames()).isEqualTo(List.of(""));
  }
}
