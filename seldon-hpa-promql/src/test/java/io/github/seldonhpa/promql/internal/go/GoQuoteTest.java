package io.github.seldonhpa.promql.internal.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expectations from Go's src/strconv/quote_test.go (quotetests, unquotetests, misquoted). */
class GoQuoteTest {

  @Test
  void quoteMatchesGo() {
    assertThat(GoQuote.quote("\u0007\b\f\r\n\t\u000b")).isEqualTo("\"\\a\\b\\f\\r\\n\\t\\v\"");
    assertThat(GoQuote.quote("\\")).isEqualTo("\"\\\\\"");
    assertThat(GoQuote.quote("\u263a")).isEqualTo("\"☺\"");
    assertThat(GoQuote.quote("\udbff\udfff")).isEqualTo("\"\\U0010ffff\"");
    assertThat(GoQuote.quote("\u0004")).isEqualTo("\"\\x04\"");
    assertThat(GoQuote.quote("!\u00a0!\u2000!\u3000!")).isEqualTo("\"!\\u00a0!\\u2000!\\u3000!\"");
    assertThat(GoQuote.quote("\u007f")).isEqualTo("\"\\x7f\"");
    assertThat(GoQuote.quoteToAscii("\u263a")).isEqualTo("\"\\u263a\"");
    assertThat(GoQuote.quoteToAscii("\udbff\udfff")).isEqualTo("\"\\U0010ffff\"");
  }

  @Test
  void printabilityFollowsUnicode15NotTheJdk() {
    // U+1FAE8 SHAKING FACE (Unicode 15.0) is printable in Go 1.21+; JDK 17 does not know it.
    assertThat(GoQuote.quote("\ud83e\udee8")).isEqualTo("\"\ud83e\udee8\"");
    // U+1FAE9 is still unassigned in 15.0.
    assertThat(GoQuote.quote("\ud83e\udee9")).isEqualTo("\"\\U0001fae9\"");
    // Soft hyphen (Cf), zero width space (Cf), line separator (Zl) and a private use rune (Co).
    assertThat(GoQuote.quote("\u00ad\u200b\u2028\ue000")).isEqualTo("\"\\u00ad\\u200b\\u2028\\ue000\"");
  }

  @Test
  void loneSurrogatesQuoteAsTheReplacementCharacter() {
    assertThat(GoQuote.quote("a\ud800b")).isEqualTo("\"a\ufffdb\"");
    assertThat(GoQuote.quote("\udc00")).isEqualTo("\"\ufffd\"");
    assertThat(GoQuote.quote("\udbff\udfff\ud800")).isEqualTo("\"\\U0010ffff\ufffd\"");
  }

  @Test
  void goBytesOfAJavaStringTurnLoneSurrogatesIntoTheReplacementCharacter() {
    assertThat(GoQuote.utf8("a\ud800")).containsExactly('a', 0xEF, 0xBF, 0xBD);
    assertThat(GoQuote.utf8("\ud83d\ude00")).containsExactly(0xF0, 0x9F, 0x98, 0x80);
    assertThat(GoFormat.sprintf("%x", "\udc00")).isEqualTo("efbfbd");
    assertThat(GoTemplate.parse("t", "<<len .>>").execute("\udc00")).isEqualTo("3");
  }

  @Test
  void unquoteMatchesGo() {
    String[][] cases = {
      {"\"\"", ""},
      {"\"a\"", "a"},
      {"\"abc\"", "abc"},
      {"\"☺\"", "☺"},
      {"\"hello world\"", "hello world"},
      {"\"\\u1234\"", "\u1234"},
      {"\"\\U00010111\"", "\ud800\udd11"},
      {"\"\\U0001011111\"", "\ud800\udd1111"},
      {"\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\u0007\b\f\n\r\t\u000b\\\""},
      {"\"'\"", "'"},
      {"'a'", "a"},
      {"'☹'", "☹"},
      {"'\\a'", "\u0007"},
      {"'\\x10'", "\u0010"},
      {"'\\u1234'", "\u1234"},
      {"'\\U00010111'", "\ud800\udd11"},
      {"'\\t'", "\t"},
      {"' '", " "},
      {"'\\''", "'"},
      {"'\"'", "\""},
      {"``", ""},
      {"`a`", "a"},
      {"`abc`", "abc"},
      {"`☺`", "☺"},
      {"`hello world`", "hello world"},
      {"`\\xFF`", "\\xFF"},
      {"`\\377`", "\\377"},
      {"`\\`", "\\"},
      {"`\n`", "\n"},
      {"`\t`", "\t"},
      {"` `", " "},
      {"`a\rb`", "ab"},
    };
    for (String[] c : cases) {
      assertThat(GoQuote.unquote(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void bytesThatAreNotUtf8BecomeReplacementCharacters() {
    // Go keeps the byte 0xFF; a Java string cannot, so it reads as U+FFFD.
    assertThat(GoQuote.unquote("\"\\xFF\"")).isEqualTo("\ufffd");
    assertThat(GoQuote.unquote("\"\\377\"")).isEqualTo("\ufffd");
    assertThat(GoQuote.unquote("\"\\xe2\\x98\\xba\"")).isEqualTo("☺");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\"", "\"a", "\"'", "b\"", "\"\\\"", "\"\\9\"", "\"\\19\"", "\"\\129\"", "'\\'",
      "'\\9'", "'\\19'", "'\\129'", "'ab'", "\"\\x1!\"", "\"\\U12345678\"", "\"\\z\"", "`", "`xxx", "``x\r", "`\"",
      "\"\\'\"", "'\\\"'", "\"\n\"", "\"\\n\n\"", "'\n'", "\"\\udead\""})
  void misquotedIsRejected(String s) {
    assertThatThrownBy(() -> GoQuote.unquote(s)).isInstanceOf(HpaValidationException.class)
        .hasMessage("quoted string has invalid syntax (was " + s + ")");
  }
}
