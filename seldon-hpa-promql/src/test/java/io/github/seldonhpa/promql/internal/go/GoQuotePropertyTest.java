package io.github.seldonhpa.promql.internal.go;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** strconv.Quote and strconv.Unquote are inverse for any Java string; lone surrogates read back as U+FFFD. */
class GoQuotePropertyTest {

  private static final long SEED = Long.getLong("seldonhpa.seed", System.nanoTime());

  /** Code points: ASCII (controls included), Latin-1 and BMP, and every plane, skipping surrogates. */
  private static final Gen<Integer> CODE_POINTS = Generate.oneOf(
      integers().between(0, 0x7f),
      integers().between(0x80, 0x2fff),
      integers().between(0, 0xffff - 0x800).map(i -> i >= 0xd800 ? i + 0x800 : i),
      integers().between(0x10000, Character.MAX_CODE_POINT));

  private static String string(List<Integer> cps) {
    StringBuilder sb = new StringBuilder();
    cps.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  @Test
  void unquoteInvertsQuote() {
    System.out.println("GoQuotePropertyTest seed " + SEED);
    qt().withFixedSeed(SEED).withExamples(10_000)
        .forAll(lists().of(CODE_POINTS).ofSizeBetween(0, 24).map(GoQuotePropertyTest::string))
        .check(s -> GoQuote.unquote(GoQuote.quote(s)).equals(s)
            // the quoted form carries no raw control character, and %+q stays within printable ASCII
            && GoQuote.quote(s).chars().noneMatch(c -> c < 0x20 || c == 0x7f)
            && GoFormat.sprintf("%+q", s).chars().allMatch(c -> c >= 0x20 && c < 0x7f)
            && GoQuote.unquote(GoFormat.sprintf("%+q", s)).equals(s));
  }

  @Test
  void loneSurrogatesReadBackAsReplacementCharacters() {
    System.out.println("GoQuotePropertyTest seed " + SEED);
    Gen<Integer> withSurrogates = Generate.oneOf(CODE_POINTS, integers().between(0xd800, 0xdfff));
    qt().withFixedSeed(SEED).withExamples(10_000)
        .forAll(lists().of(withSurrogates).ofSizeBetween(0, 24))
        .check(cps -> {
          StringBuilder raw = new StringBuilder();
          StringBuilder expected = new StringBuilder();
          for (int cp : cps) {
            if (cp >= 0xd800 && cp <= 0xdfff) {
              raw.append((char) cp);
              // Keep the lone surrogate alone: a following low surrogate must not pair with it.
              raw.append('.');
              expected.append('\ufffd').append('.');
            } else {
              raw.appendCodePoint(cp);
              expected.appendCodePoint(cp);
            }
          }
          return GoQuote.unquote(GoQuote.quote(raw.toString())).equals(expected.toString());
        });
  }
}
