package io.github.seldonhpa.promql;

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
