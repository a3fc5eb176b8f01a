package io.github.seldonhpa.promql.internal.go;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** %v of a float64 is Go's shortest representation: it reads back exactly and no shorter one does. */
class GoFormatPropertyTest {

  private static final long SEED = Long.getLong("seldonhpa.seed", System.nanoTime());

  @Test
  void percentVOfAFloatIsTheShortestExactRepresentation() {
    System.out.println("GoFormatPropertyTest seed " + SEED);
    qt().withFixedSeed(SEED).withExamples(10_000)
        .forAll(Generate.oneOf(doubles().any(), longs().all().map(Double::longBitsToDouble),
            doubles().between(-1e7, 1e7)))
        .assuming(d -> !Double.isNaN(d) && !Double.isInfinite(d) && d != 0)
        .check(d -> {
          String s = GoFormat.sprint(d);
          if (Double.parseDouble(s) != d) {
            return false;
          }
          // Digits of the mantissa, without sign, point and exponent.
          String mantissa = s.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "")
              .replaceFirst("^0+", "").replaceFirst("0+$", "");
          int digits = Math.max(mantissa.length(), 1);
          if (digits == 1) {
            return true;
          }
          BigDecimal shorter = new BigDecimal(d).round(new MathContext(digits - 1, RoundingMode.HALF_EVEN));
          boolean shorterReadsBack = shorter.doubleValue() == d;
          // Go's shortest %g: exponent form when the decimal exponent is below -4 or at least 6.
          BigDecimal value = new BigDecimal(s).abs().stripTrailingZeros();
          int exp = value.precision() - value.scale() - 1;
          return !shorterReadsBack && s.contains("e") == (exp < -4 || exp >= 6);
        });
  }
}
