package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Value semantics of quantities written in every form the grammar allows. */
class QuantityPropertyTest implements WithQuickTheories {
  private static final List<String> SUFFIXES = List.of("", "n", "u", "m", "k", "M", "G", "T", "Ki", "Mi", "Gi", "Ti",
      "e0", "e3", "e-3", "E6", "e+2", "e-9", "e-12");

  private static Gen<String> texts() {
    Gen<String> sign = Generate.pick(List.of("", "", "+", "-"));
    Gen<String> whole = Generate.longRange(0, 9_999_999).map(w -> Long.toString(w));
    Gen<String> fraction = Generate.pick(List.of("", ".", ".0", ".5", ".25", ".001", ".0000000001", ".123456789"));
    return sign.zip(whole, fraction, Generate.pick(SUFFIXES), (s, w, f, x) -> s + w + f + x);
  }

  /**
   * The canonical form keeps the value; it is a fixed point after at most one more round, because a
   * binary quantity that is not a multiple of 1024 prints without a suffix ({@code 31.25Ki} is
   * {@code 32000}) and then reads back as decimal ({@code 32k}), in apimachinery as here.
   */
  @Test
  void theCanonicalFormKeepsTheValueAndSettlesAfterOneMoreRound() {
    qt().withExamples(5000).forAll(texts()).checkAssert(text -> {
      Quantity q = Quantity.parse(text);
      Quantity again = Quantity.parse(q.canonical());
      assertThat(again).as(text).isEqualTo(q);
      assertThat(again.hashCode()).as(text).isEqualTo(q.hashCode());
      String settled = again.canonical();
      assertThat(Quantity.parse(settled).canonical()).as(text).isEqualTo(settled);
      if (!q.canonical().equals(settled)) {
        assertThat(text).as("only unsuffixed binary forms move").containsPattern("[KMGT]i$");
      }
      assertThat(q.toString()).isEqualTo(text);
    });
  }

  @Test
  void valuesAreWholeNanoUnitsAndMilliValueRoundsAwayFromZero() {
    qt().withExamples(5000).forAll(texts()).checkAssert(text -> {
      Quantity q = Quantity.parse(text);
      BigDecimal v = q.toBigDecimal();
      assertThat(v.stripTrailingZeros().scale()).as(text).isLessThanOrEqualTo(9);
      BigDecimal milli = v.movePointRight(3).setScale(0, RoundingMode.UP);
      if (milli.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        assertThat(q.milliValue()).as(text).isEqualTo(q.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        return;
      }
      assertThat(q.milliValue()).as(text).isEqualTo(milli.longValueExact());
      assertThat(Quantity.ofMilli(q.milliValue()).compareTo(q) * q.signum()).as(text).isGreaterThanOrEqualTo(0);
    });
  }
}
