package io.github.seldonhpa.promql.internal.go;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Invariants of GoTemplate over generated text. */
class GoTemplatePropertyTest {

  private static final long SEED = Long.getLong("seldonhpa.seed", System.nanoTime());

  /** Characters that matter to the lexer (delimiter halves, braces, trim markers, quotes) plus any rune. */
  private static final Gen<Integer> CODE_POINTS = Generate.oneOf(
      Generate.pick(List.of((int) '<', (int) '>', (int) '{', (int) '}', (int) '-', (int) ' ', (int) '\n',
          (int) '\t', (int) '"', (int) '`', (int) '$', (int) '.', (int) '/', (int) '*', (int) '|')),
      integers().between(0x20, 0x7e),
      integers().between(0, 0xffff - 0x800).map(i -> i >= 0xd800 ? i + 0x800 : i),
      integers().between(0x10000, Character.MAX_CODE_POINT));

  private static final Gen<String> TEXT = lists().of(CODE_POINTS).ofSizeBetween(0, 40).map(cps -> {
    StringBuilder sb = new StringBuilder();
    cps.forEach(sb::appendCodePoint);
    return sb.toString();
  });

  /** The text with every "<<" broken up, so that it holds no action. */
  private static String withoutLeftDelimiter(String s) {
    String t = s;
    while (t.contains("<<")) {
      t = t.replace("<<", "< ");
    }
    return t;
  }

  @Test
  void templateWithoutActionsRendersToItself() {
    System.out.println("GoTemplatePropertyTest seed " + SEED);
    Object data = GoTemplate.struct("naming.queryTemplateArgs", Map.of("Series", "s"));
    qt().withFixedSeed(SEED).withExamples(10_000)
        .forAll(TEXT.map(GoTemplatePropertyTest::withoutLeftDelimiter))
        .check(s -> GoTemplate.parse("metrics-query", s).execute(data).equals(s));
  }

  @Test
  void dotPrintsAnyStringAndPrintfQuotesIt() {
    System.out.println("GoTemplatePropertyTest seed " + SEED);
    GoTemplate plain = GoTemplate.parse("t", "[<<.>>]");
    GoTemplate quoted = GoTemplate.parse("t", "<<printf \"%q\" .>>");
    qt().withFixedSeed(SEED).withExamples(10_000)
        .forAll(TEXT)
        .check(s -> plain.execute(s).equals("[" + s + "]") && quoted.execute(s).equals(GoQuote.quote(s)));
  }
}
