package io.github.seldonhpa.k8s;

import java.math.BigInteger;
import java.util.Locale;

/** Values of plain YAML 1.1 scalars, as Kubernetes' YAML reader gives them (the forms SnakeYAML resolves). */
final class YamlScalars {
  private YamlScalars() {}

  static boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "on":
        return true;
      case "false":
      case "no":
      case "off":
        return false;
      default:
        throw new NumberFormatException(text);
    }
  }

  /** {@code 12}, {@code -0x1F}, {@code 0b101}, {@code 017} (octal), {@code 1_000}, {@code 1:30} (base 60). */
  static Number integer(String text) {
    String s = text.replace("_", "");
    int sign = 1;
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.startsWith("-") ? -1 : 1;
      s = s.substring(1);
    }
    BigInteger value;
    if (s.contains(":")) {
      value = BigInteger.ZERO;
      for (String digit : s.split(":")) {
        value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
      }
    } else if (s.startsWith("0b")) {
      value = new BigInteger(s.substring(2), 2);
    } else if (s.startsWith("0x")) {
      value = new BigInteger(s.substring(2), 16);
    } else if (s.length() > 1 && s.startsWith("0")) {
      value = new BigInteger(s.substring(1), 8);
    } else {
      value = new BigInteger(s);
    }
    value = sign < 0 ? value.negate() : value;
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }

  /** {@code 1.5}, {@code 1_000.5}, {@code 1e3}... and {@code .inf}, {@code .nan}, {@code 1:30.5} (base 60). */
  static double decimal(String text) {
    String s = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (s) {
      case ".inf":
      case "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        break;
    }
    if (!s.contains(":")) {
      return Double.parseDouble(s);
    }
    double sign = s.startsWith("-") ? -1 : 1;
    double value = 0;
    for (String digit : s.replaceFirst("^[-+]", "").split(":")) {
      value = value * 60 + Double.parseDouble(digit);
    }
    return sign * value;
  }
}
