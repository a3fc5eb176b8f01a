package io.github.seldonhpa.promql.internal.go;

import java.util.regex.Pattern;

/**
 * Go's {@code strconv.ParseInt(s, 0, 64)}, {@code strconv.ParseUint(s, 0, 64)} and
 * {@code strconv.ParseFloat(s, 64)} for template number literals: base prefixes {@code 0x 0o 0b} and a
 * bare leading {@code 0} for octal, digit-separating underscores, hexadecimal floats with a mandatory
 * {@code p} exponent. Each returns {@code null} where Go returns an error (syntax or range).
 */
final class GoNumbers {
  private GoNumbers() {}

  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[0-9_]*(\\.[0-9_]*)?([eE][+-]?[0-9_]+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("0[xX][0-9a-fA-F_]*(\\.[0-9a-fA-F_]*)?[pP][+-]?[0-9_]+");

  /** ParseInt (signed) or ParseUint (unsigned, no sign allowed) with base 0. */
  static Long parseInt(String s, boolean unsigned) {
    if (s.isEmpty()) {
      return null;
    }
    String s0 = s;
    boolean neg = false;
    if (!unsigned && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
      s0 = s;
      if (s.isEmpty()) {
        return null;
      }
    }
    int base = 10;
    if (s.charAt(0) == '0') {
      if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'b') {
        base = 2;
        s = s.substring(2);
      } else if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'o') {
        base = 8;
        s = s.substring(2);
      } else if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'x') {
        base = 16;
        s = s.substring(2);
      } else {
        base = 8;
        s = s.substring(1);
      }
    }
    boolean underscores = false;
    java.math.BigInteger v = java.math.BigInteger.ZERO;
    java.math.BigInteger b = java.math.BigInteger.valueOf(base);
    boolean digits = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
        continue;
      }
      int d = c < 0x80 ? Character.digit(c, base) : -1;
      if (d < 0) {
        return null;
      }
      digits = true;
      v = v.multiply(b).add(java.math.BigInteger.valueOf(d));
    }
    if (underscores && !underscoreOk(s0)) {
      return null;
    }
    if (!digits && base != 8) {
      return null;
    }
    if (neg) {
      v = v.negate();
    }
    if (unsigned) {
      return v.bitLength() <= 64 && v.signum() >= 0 ? v.longValue() : null;
    }
    return v.bitLength() <= 63 ? v.longValue() : null;
  }

  /** ParseFloat(s, 64); null on a syntax or range error. */
  static Double parseFloat(String s) {
    String body = s;
    if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
      body = body.substring(1);
    }
    boolean hex = HEX_FLOAT.matcher(body).matches();
    if (!hex && !DECIMAL_FLOAT.matcher(body).matches()) {
      return null;
    }
    String mantissa = body.split("[eEpP]", 2)[0];
    if (!mantissa.matches(".*[0-9a-fA-F].*") || (!hex && !mantissa.matches(".*[0-9].*"))) {
      return null;
    }
    if (body.indexOf('_') >= 0 && !underscoreOk(body)) {
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(s.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
    return Double.isInfinite(d) ? null : d;
  }

  /** Go's underscoreOK: underscores only between digits (or after a base prefix). */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = (char) (s.charAt(1) | 0x20);
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0';
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  static double unsignedToDouble(long u) {
    if (u >= 0) {
      return u;
    }
    return new java.math.BigInteger(Long.toUnsignedString(u)).doubleValue();
  }
}
