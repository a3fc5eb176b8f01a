package io.github.seldonhpa;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A Kubernetes resource quantity ({@code 3}, {@code 500m}, {@code 1.5k}, {@code 2Gi}, {@code 1e3}) with the
 * grammar and value semantics of {@code k8s.io/apimachinery/pkg/api/resource.Quantity}: parsing rounds
 * non-zero values up to the nearest nano unit, equality and order are by value, and {@link #milliValue()}
 * rounds away from zero as {@code MilliValue()} does. Three texts, so a GitOps diff need not flap:
 * <ul>
 *   <li>{@link #toString()}: the text the quantity was parsed from, as written ({@code +5}, {@code 1000});
 *   <li>{@link #serverForm()}: what the API server stores and returns for a built-in object's quantity (an
 *       HPA's {@code averageValue}): the text as written when apimachinery keeps it ({@code +5}, {@code 5.},
 *       {@code 01}, {@code 1E6}, {@code 1e+3} stay), else the canonical form ({@code 1000} becomes {@code 1k});
 *   <li>{@link #canonical()}: apimachinery's {@code CanonicalizeBytes}, the one form per value
 *       ({@code 5}, {@code 1e6}, {@code 1k}).
 * </ul>
 * (Seldon's CRDs keep quantities as written: their {@code memory} is stored as {@link #toString()}.)
 */
public final class Quantity implements Comparable<Quantity> {
  /** How the quantity is written: binary suffixes, decimal suffixes or a decimal exponent. */
  enum Format {
    BINARY_SI,
    DECIMAL_SI,
    DECIMAL_EXPONENT
  }

  private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal NANO = BigDecimal.valueOf(1, 9);

  private final BigDecimal value;
  private final Format format;
  private final String text;

  private Quantity(BigDecimal value, Format format, String text) {
    this.value = value;
    this.format = format;
    this.text = text;
  }

  /**
   * Parses the Kubernetes quantity grammar: {@code [+-]digits[.digits][suffix]} with a suffix among
   * {@code n u m k M G T P E}, {@code Ki Mi Gi Ti Pi Ei}, or {@code e}/{@code E} and a signed integer.
   * At least one digit is required, as the grammar and the CRDs' quantity pattern say (apimachinery's
   * parser alone also reads {@code "-"}, {@code "."} or {@code "m"} as 0).
   *
   * @param text the quantity as written, such as {@code 500m}, {@code 3Gi} or {@code 1e3}
   * @return the quantity; {@link #toString()} gives the text as written where apimachinery keeps it, else the canonical
   *     form
   * @throws HpaValidationException naming {@code quantity} and the text when it is not a quantity
   */
  public static Quantity parse(String text) {
    return parse("quantity", text);
  }

  /**
   * Parses a quantity held in the named field.
   *
   * @param field the field the text came from, named in the error message
   * @param text the quantity as written, such as {@code 500m}
   * @return the quantity; {@link #toString()} gives the text as written where apimachinery keeps it, else the canonical
   *     form
   * @throws HpaValidationException naming {@code field} and the text when it is not a quantity
   */
  public static Quantity parse(String field, String text) {
    if (text == null) {
      throw new NullPointerException(field + " == null");
    }
    Quantity q = tryParse(text);
    if (q == null) {
      throw new HpaValidationException(String.format(
          "%s must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was \"%s\")", field, text));
    }
    return q;
  }

  /**
   * {@return the integer quantity {@code value}, written in decimal}
   *
   * @param value any integer, negative included
   */
  public static Quantity of(long value) {
    return new Quantity(BigDecimal.valueOf(value), Format.DECIMAL_SI, Long.toString(value));
  }

  /**
   * {@return the decimal quantity {@code value}, rounded up to nano units as Kubernetes does, written in
   * canonical form ({@code 0.5} becomes {@code 500m})}
   *
   * @param value any decimal; digits beyond nano units round up
   */
  public static Quantity of(BigDecimal value) {
    Quantity q = new Quantity(roundToNano(value), Format.DECIMAL_SI, null);
    return new Quantity(q.value, q.format, q.canonical());
  }

  /**
   * {@return the quantity {@code milli / 1000}, written in canonical form ({@code ofMilli(1500)} is {@code 1500m})}
   *
   * @param milli the value in thousandths
   */
  public static Quantity ofMilli(long milli) {
    return of(BigDecimal.valueOf(milli, 3));
  }

  private static Quantity tryParse(String s) {
    int n = s.length();
    int i = 0;
    if (n == 0) {
      return null;
    }
    boolean negative = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    int intDigits = i - intStart;
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int fracStart = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      fracDigits = i - fracStart;
    }
    if (intDigits + fracDigits == 0) {
      return null;
    }
    String number = s.substring(intStart, i);
    String suffix = s.substring(i);
    BigDecimal amount = new BigDecimal(number.endsWith(".") ? number + "0" : number.startsWith(".")
        ? "0" + number : number);
    Format format;
    switch (suffix) {
      case "Ki": case "Mi": case "Gi": case "Ti": case "Pi": case "Ei":
        format = Format.BINARY_SI;
        amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(10 * (1 + "KMGTPE".indexOf(suffix.charAt(0))))));
        break;
      default:
        int exponent;
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
          exponent = parseExponent(suffix.substring(1));
          if (exponent == Integer.MIN_VALUE) {
            return null;
          }
          format = Format.DECIMAL_EXPONENT;
        } else {
          exponent = decimalSuffixExponent(suffix);
          if (exponent == Integer.MIN_VALUE) {
            return null;
          }
          format = Format.DECIMAL_SI;
        }
        amount = amount.scaleByPowerOfTen(exponent);
    }
    amount = roundToNano(amount);
    if (format == Format.BINARY_SI && amount.compareTo(INT64_MAX) > 0) {
      amount = INT64_MAX; // the apimachinery cap for binary quantities
    }
    if (format == Format.BINARY_SI && amount.signum() > 0 && amount.compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI;
    }
    return new Quantity(negative ? amount.negate() : amount, format, s);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The exponent after {@code e}/{@code E}: a signed integer. Exponents beyond nine digits (after leading
   * zeros) are rejected: apimachinery truncates them to int32, which turns them into nonsense.
   */
  private static int parseExponent(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i++;
    }
    if (i == s.length()) {
      return Integer.MIN_VALUE;
    }
    for (int j = i; j < s.length(); j++) {
      if (!isDigit(s.charAt(j))) {
        return Integer.MIN_VALUE;
      }
    }
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    if (s.length() - i > 9) {
      return Integer.MIN_VALUE;
    }
    int magnitude = Integer.parseInt(s.substring(i));
    return negative ? -magnitude : magnitude;
  }

  private static int decimalSuffixExponent(String suffix) {
    switch (suffix) {
      case "n": return -9;
      case "u": return -6;
      case "m": return -3;
      case "": return 0;
      case "k": return 3;
      case "M": return 6;
      case "G": return 9;
      case "T": return 12;
      case "P": return 15;
      case "E": return 18;
      default: return Integer.MIN_VALUE;
    }
  }

  /** Non-zero values are rounded up (away from zero) to a whole number of nano units. */
  private static BigDecimal roundToNano(BigDecimal v) {
    if (v.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (v.scale() <= 9) {
      return v;
    }
    // Below one nano unit the result is +-1n; deciding that first keeps setScale from building a power of
    // ten as long as a huge negative exponent (1e-999999999).
    if (v.precision() - v.scale() < -8) {
      return v.signum() > 0 ? NANO : NANO.negate();
    }
    return v.setScale(9, RoundingMode.UP);
  }

  /** {@return the exact value} */
  public BigDecimal toBigDecimal() {
    return value;
  }

  /** {@return the value as the nearest double, as {@code AsApproximateFloat64()} gives it} */
  public double doubleValue() {
    return value.doubleValue();
  }

  /**
   * {@return the value in milli units, rounded away from zero ({@code MilliValue()}); {@code 1.0001} gives 1001}
   * Beyond the {@code long} range it saturates at {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} (Go's
   * {@code MilliValue()} overflows silently; a saturated value keeps comparisons meaningful).
   */
  public long milliValue() {
    return toLongRoundingUp(value.multiply(THOUSAND));
  }

  /**
   * {@return the value in whole units, rounded away from zero ({@code Value()}), saturated at the {@code long} range
   * as {@link #milliValue()} is}
   */
  public long longValue() {
    return toLongRoundingUp(value);
  }

  /** Checks the range before rounding, so a huge exponent (1e999999999) answers at once instead of expanding. */
  private static long toLongRoundingUp(BigDecimal v) {
    if (v.compareTo(INT64_MAX) > 0) {
      return Long.MAX_VALUE;
    }
    if (v.compareTo(INT64_MIN) < 0) {
      return Long.MIN_VALUE;
    }
    return v.setScale(0, RoundingMode.UP).longValueExact();
  }

  /** {@return -1, 0 or 1 as the value is negative, zero or positive} */
  public int signum() {
    return value.signum();
  }

  /**
   * {@return what the API server stores and returns for this quantity in a built-in object: apimachinery's
   * {@code ParseQuantity} keeps the text as written when the value fits its int64 fast path with a decimal
   * scale that is a multiple of 3 and digits that neither start with 0 nor end in 000 (binary suffixes: a
   * number not divisible by 8), and {@code String()} then returns that text; otherwise it is
   * {@link #canonical()}} So {@code +5}, {@code 5.}, {@code 01}, {@code 1E6}, {@code 1e+3} and {@code 1Ki} come
   * back as written, {@code 1000} as {@code 1k}, {@code 0.5} as {@code 500m}, {@code 1.5k} as {@code 1500}.
   * See {@code pkg/api/resource/quantity.go} ({@code ParseQuantity}) of kubernetes/apimachinery at commit
   * {@code eed236ceee2c19c2753a3d93ac0631dc20750454}. Computed quantities (from {@link #of}) have no text of
   * their own and give {@link #canonical()}.
   */
  public String serverForm() {
    return text != null && keepsText(text) ? text : canonical();
  }

  // ParseQuantity's fast path, which sets Quantity.s = str
  private static boolean keepsText(String s) {
    if (s.equals("0")) {
      return true;
    }
    int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    while (i < s.length() && s.charAt(i) == '0') {
      i++; // leading zeros are stripped from the numerator
    }
    int numStart = i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    String num = i == numStart ? "0" : s.substring(numStart, i);
    String denom = "";
    if (i < s.length() && s.charAt(i) == '.') {
      int denomStart = ++i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      denom = s.substring(denomStart, i);
    }
    String suffix = s.substring(i);
    String shifted = num + denom;
    int binary = "KMGTPE".indexOf(suffix.isEmpty() ? ' ' : suffix.charAt(0));
    if (suffix.length() == 2 && suffix.charAt(1) == 'i' && binary >= 0) {
      int exponent = 10 * (binary + 1);
      int precision = 15 - num.length() - (int) ((float) exponent * 3 / 10) - 1;
      if (!denom.isEmpty() || precision < 0) {
        return false;
      }
      long v = Long.parseLong(num);
      boolean fits = v < (1L << (63 - exponent));
      return fits && (v & 0x07) != 0;
    }
    int exponent;
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      exponent = parseExponent(suffix.substring(1));
    } else {
      exponent = decimalSuffixExponent(suffix);
    }
    if (num.length() + denom.length() > 18 || exponent == Integer.MIN_VALUE) {
      return false;
    }
    long scale = (long) exponent - denom.length();
    return scale >= -9 && scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
  }

  /**
   * {@return the canonical form ({@code CanonicalizeBytes}): no fraction, the largest suffix that keeps the number
   * whole ({@code 1.5k} is {@code 1500}, {@code 0.1} is {@code 100m}, {@code 1.5Gi} is {@code 1536Mi},
   * {@code 1E6} is {@code 1e6})} The API server returns it for the texts it does not keep
   * ({@link #serverForm()}).
   */
  public String canonical() {
    if (value.signum() == 0) {
      return "0";
    }
    Format f = format;
    if (f == Format.BINARY_SI) {
      boolean small = value.abs().compareTo(BigDecimal.valueOf(1024)) < 0;
      boolean whole = value.stripTrailingZeros().scale() <= 0;
      if (small || !whole) {
        f = Format.DECIMAL_SI;
      }
    }
    if (f == Format.BINARY_SI) {
      BigInteger amount = value.toBigIntegerExact();
      int exponent = 0;
      BigInteger k = BigInteger.valueOf(1024);
      while (exponent < 6 && amount.mod(k).signum() == 0) {
        amount = amount.divide(k);
        exponent++;
      }
      return amount + (exponent == 0 ? "" : "KMGTPE".charAt(exponent - 1) + "i");
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    while (Math.floorMod(exponent, 3) != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN);
      exponent--;
    }
    if (exponent == 0) {
      return mantissa.toString();
    }
    if (f == Format.DECIMAL_SI && exponent >= -9 && exponent <= 18) {
      return mantissa + "num kMGTPE".substring(exponent / 3 + 3, exponent / 3 + 4).trim();
    }
    // beyond the SI suffixes (or written with an exponent): an exponent keeps the value exact
    return mantissa + "e" + exponent;
  }

  /** Compares by value: {@code 1k}, {@code 1000} and {@code 1e3} are equal. */
  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /** Equal by value: {@code 1k}, {@code 1000} and {@code 1e3} are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity && value.compareTo(((Quantity) o).value) == 0;
  }

  @Override
  public int hashCode() {
    return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
  }

  /** The text the quantity was written with (canonical form for computed quantities). */
  @Override
  public String toString() {
    return text;
  }
}
