package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuantityTest {

  @ParameterizedTest(name = "{0} = {1}, canonical {2}")
  @CsvSource(delimiter = '|', value = {
      "3|3|3",
      "1000|1000|1k",
      "1024|1024|1024",
      "1.5k|1500|1500",
      "0.1|0.1|100m",
      "100m|0.1|100m",
      "500m|0.5|500m",
      "0.0001|0.0001|100u",
      "1n|0.000000001|1n",
      "3M|3000000|3M",
      "12E|12000000000000000000|12E",
      "1.G|1000000000|1G",
      "1.|1|1",
      ".5|0.5|500m",
      "+5|5|5",
      "-1.5k|-1500|-1500",
      "1Ki|1024|1Ki",
      "1024Ki|1048576|1Mi",
      "1.5Gi|1610612736|1536Mi",
      "0.5Ki|512|512",
      "100Ki|102400|100Ki",
      "31.25Ki|32000|32000",
      "100.035Ki|102435.84|102435840m",
      "1e3|1000|1e3",
      "1E3|1000|1e3",
      "1e+3|1000|1e3",
      "1e0003|1000|1e3",
      "1.5e3|1500|1500",
      "1E-3|0.001|1e-3",
      "2e-1|0.2|200e-3",
      "0|0|0",
      "-0|0|0",
      "0Ki|0|0",
      "0.0m|0|0",
  })
  void parsesValueAndCanonicalFormAsApimachinery(String text, String value, String canonical) {
    Quantity q = Quantity.parse(text);
    assertThat(q.toBigDecimal()).isEqualByComparingTo(new BigDecimal(value));
    assertThat(q.canonical()).isEqualTo(canonical);
    assertThat(q.toString()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} rounds up to {1}")
  @CsvSource(delimiter = '|', value = {
      "0.0000000001|1n",
      "0.0000000015|2n",
      "-0.0000000001|-1n",
      "1.0000000001|1000000001n",
      "0.5e-9|1e-9",
      "0.000000000001Ki|2n",
  })
  void roundsNonZeroValuesAwayFromZeroToNanoUnits(String text, String canonical) {
    assertThat(Quantity.parse(text).canonical()).isEqualTo(canonical);
  }

  @Test
  void extremeExponentsStayCheap() {
    // rounding and range checks decide by magnitude first, so these neither expand nor hang
    assertThat(Quantity.parse("1e-999999999").canonical()).isEqualTo("1e-9");
    assertThat(Quantity.parse("-1e-999999999").canonical()).isEqualTo("-1e-9");
    assertThat(Quantity.parse("0.0000000009").canonical()).isEqualTo("1n");
    assertThat(Quantity.parse("0.00000000099").canonical()).isEqualTo("1n");
    assertThat(Quantity.parse("0.0000000010").canonical()).isEqualTo("1n");
    assertThat(Quantity.parse("1e999999999").canonical()).isEqualTo("1e999999999");
    assertThat(Quantity.parse("1e999999999").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Quantity.parse("1e999999999").milliValue()).isEqualTo(Long.MAX_VALUE);
    assertThat(Quantity.parse("-1e999999999").longValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(Quantity.parse("9223372036854775807").longValue()).isEqualTo(Long.MAX_VALUE);
    assertThat(Quantity.parse("-9223372036854775808").longValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(Quantity.parse("-9223372036854775808m").milliValue()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void capsBinaryQuantitiesAtInt64Max() {
    assertThat(Quantity.parse("8Ei").toBigDecimal()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
    assertThat(Quantity.parse("8Ei").canonical()).isEqualTo("9223372036854775807");
    assertThat(Quantity.parse("-8Ei").toBigDecimal()).isEqualByComparingTo(BigDecimal.valueOf(-Long.MAX_VALUE));
    assertThat(Quantity.parse("7Ei").canonical()).isEqualTo("7Ei");
    // decimal quantities are not capped
    assertThat(Quantity.parse("10E").toBigDecimal()).isEqualByComparingTo(new BigDecimal("1e19"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-",
      " 1", "1 ", "1KiB", "1K", "1ki", "1KI", "1Zi", "-", "+", ".", "m", "Ki", "e3", "1e", "1e+", "1e1.5", "1e.5",
      "1e3k", "1E3Ki", "1e+-3", "1..5", "++1", "1-", "1,5", "1_000", "0x10", "Inf", "NaN", "1µ", "１",
      "1e1234567890"})
  void rejectsWhatIsNotAQuantity(String text) {
    assertThatThrownBy(() -> Quantity.parse("averageValue", text))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("averageValue must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was \"" + text + "\")");
  }

  @Test
  void namesTheQuantityWithoutAField() {
    assertThatThrownBy(() -> Quantity.parse("3x"))
        .hasMessage("quantity must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was \"3x\")");
    assertThatThrownBy(() -> Quantity.parse("memory", null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("memory == null");
  }

  @ParameterizedTest(name = "{0} -> {1}m")
  @CsvSource(delimiter = '|', value = {
      "15|15000",
      "15.0|15000",
      "0.5|500",
      "1m|1",
      "1n|1",
      "1.0001|1001",
      "2Ki|2048000",
      "1e-3|1",
      "-1.0001|-1001",
      "0|0",
  })
  void milliValueRoundsAwayFromZero(String text, long milli) {
    assertThat(Quantity.parse(text).milliValue()).isEqualTo(milli);
  }

  @Test
  void longValueRoundsAwayFromZeroAndSaturatesAtTheLongRange() {
    assertThat(Quantity.parse("1.2").longValue()).isEqualTo(2);
    assertThat(Quantity.parse("-1.2").longValue()).isEqualTo(-2);
    assertThat(Quantity.parse("1500m").longValue()).isEqualTo(2);
    assertThat(Quantity.parse("10E").milliValue()).isEqualTo(Long.MAX_VALUE);
    // hostile-input row: 1e18 in milli units is 1e21, beyond a long
    assertThat(Quantity.parse("1e18").milliValue()).isEqualTo(Long.MAX_VALUE);
    assertThat(Quantity.parse("-1e18").milliValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(Quantity.parse("1e18").longValue()).isEqualTo(1_000_000_000_000_000_000L);
  }

  @Test
  void comparesAndHashesByValue() {
    Quantity k = Quantity.parse("1k");
    assertThat(k).isEqualTo(Quantity.parse("1000")).isEqualTo(Quantity.parse("1e3"))
        .isEqualTo(Quantity.parse("1000000m")).isEqualTo(Quantity.of(1000));
    assertThat(k.hashCode()).isEqualTo(Quantity.parse("1e3").hashCode())
        .isEqualTo(Quantity.parse("1000.000").hashCode());
    assertThat(Quantity.parse("0").hashCode()).isEqualTo(Quantity.parse("0.000").hashCode());
    assertThat(Quantity.parse("1Ki")).isNotEqualTo(Quantity.parse("1k"));
    assertThat(Quantity.parse("1Ki").compareTo(Quantity.parse("1k"))).isPositive();
    assertThat(Quantity.parse("-1").compareTo(Quantity.parse("0"))).isNegative();
    assertThat(Quantity.parse("999m").signum()).isEqualTo(1);
    assertThat(Quantity.parse("-1m").signum()).isEqualTo(-1);
    assertThat(Quantity.parse("0Mi").signum()).isZero();
  }

  @Test
  void factoriesWriteCanonicalText() {
    assertThat(Quantity.of(3).toString()).isEqualTo("3");
    assertThat(Quantity.of(1000).toString()).isEqualTo("1000");
    assertThat(Quantity.of(1000).canonical()).isEqualTo("1k");
    assertThat(Quantity.of(new BigDecimal("0.5")).toString()).isEqualTo("500m");
    assertThat(Quantity.of(new BigDecimal("0.0000000001")).toString()).isEqualTo("1n");
    assertThat(Quantity.ofMilli(1500).toString()).isEqualTo("1500m");
    assertThat(Quantity.ofMilli(1500)).isEqualTo(Quantity.parse("1.5"));
    assertThat(Quantity.ofMilli(-50).toString()).isEqualTo("-50m");
    assertThat(Quantity.ofMilli(0).toString()).isEqualTo("0");
  }

  @Test
  void doubleValueIsTheNearestDouble() {
    assertThat(Quantity.parse("100m").doubleValue()).isEqualTo(0.1);
    assertThat(Quantity.parse("1.5Gi").doubleValue()).isEqualTo(1610612736.0);
  }

  /**
   * What the API server stores and returns for an HPA's quantity, from apimachinery's ParseQuantity
   * (pkg/api/resource/quantity.go at kubernetes/apimachinery eed236ceee2c19c2753a3d93ac0631dc20750454):
   * the int64 fast path keeps the text when the scale is a multiple of 3 and the digits neither start with 0
   * nor end in 000; String() then returns it, else CanonicalizeBytes.
   */
  @ParameterizedTest
  @CsvSource({
      "+5, +5, 5", "5., 5., 5", "01, 01, 1", "1E6, 1E6, 1e6", "1e+3, 1e+3, 1e3",
      "1000, 1k, 1k", "0.5, 500m, 500m", "1.5k, 1500, 1500", "1500m, 1500m, 1500m", "100m, 100m, 100m",
      "1Ki, 1Ki, 1Ki", "8Ki, 8Ki, 8Ki", "1024Ki, 1Mi, 1Mi", "1.5Gi, 1536Mi, 1536Mi", "0, 0, 0", "-0, 0, 0",
      "-1Ki, -1Ki, -1Ki", "1e-9, 1e-9, 1e-9", "1e-12, 1e-9, 1e-9", "3, 3, 3", "2Gi, 2Gi, 2Gi", "1000Mi, 1000Mi, 1000Mi"})
  void serverFormIsTheTextTheApiServerKeepsElseTheCanonicalForm(String text, String server, String canonical) {
    Quantity q = Quantity.parse(text);
    assertThat(q.serverForm()).isEqualTo(server);
    assertThat(q.canonical()).isEqualTo(canonical);
    assertThat(q.toString()).isEqualTo(text);
  }
}
