package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for YAML scalars, shared by the reader and both writers.
 *
 * <p>Reading: plain scalars resolve as Kubernetes resolves them. kubectl and the API server read YAML with
 * go-yaml v2 (through sigs.k8s.io/yaml), whose {@code resolve()} is ported here from
 * {@code resolve.go} at go-yaml/yaml commit {@code 7649d4548cb53a614db133b2a8ac1f31859dda8c} (branch v2):
 * the {@code resolveMap} words ({@code y}, {@code N}, {@code on}, {@code ~}, {@code .inf}...), then, for a
 * scalar starting with a digit or sign, {@code strconv.ParseInt(s, 0, 64)} (so {@code 0o17}, {@code 0x1F},
 * {@code 0b101} and {@code 017} are integers), {@code ParseUint}, and {@code yamlStyleFloat}. Underscores
 * are removed before parsing numbers. Unlike YAML 1.1, base-60 numbers ({@code 1:30}) stay strings, and a
 * number too large for a float64 ({@code 1e400}) is a string, as Go's {@code ErrRange} makes it. Every step
 * is linear in the length of the text.
 *
 * <p>Writing: {@link #plainSafe} says when a string may be written without quotes: when go-yaml v2, YAML 1.1
 * (SnakeYAML) and YAML 1.2 readers all read it back as the same string.
 */
final class YamlScalars {
  static final String TAG_PREFIX = "tag:yaml.org,2002:";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);

  // go-yaml v2's resolveMap (resolve.go, init())
  private static final Map<String, JsonNode> WORDS = new HashMap<>();

  static {
    for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      WORDS.put(s, NODES.booleanNode(true));
    }
    for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      WORDS.put(s, NODES.booleanNode(false));
    }
    for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
      WORDS.put(s, NODES.nullNode());
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      WORDS.put(s, NODES.numberNode(Double.NaN));
    }
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      WORDS.put(s, NODES.numberNode(Double.POSITIVE_INFINITY));
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      WORDS.put(s, NODES.numberNode(Double.NEGATIVE_INFINITY));
    }
  }

  // words some reader takes for something other than a string: go-yaml's map, YAML 1.1's "=" (value) and
  // "<<" (merge), and every spelling of null and bool either version knows
  private static final Set<String> RESERVED_WORDS;

  static {
    java.util.HashSet<String> reserved = new java.util.HashSet<>(WORDS.keySet());
    reserved.add("=");
    reserved.add("<<");
    RESERVED_WORDS = Set.copyOf(reserved);
  }

  private YamlScalars() {}

  /** The tag as {@code !!int}, {@code !custom} or {@code !<...>}, for messages. */
  static String shortTag(String tag) {
    return tag.startsWith(TAG_PREFIX) ? "!!" + tag.substring(TAG_PREFIX.length())
        : tag.startsWith("!") ? tag : "!<" + tag + ">";
  }

  /**
   * A plain (unquoted, untagged) scalar as go-yaml v2 resolves it: null, boolean, int, long, an unsigned
   * 64-bit integer (as BigInteger), double (possibly NaN or infinite) or text.
   */
  static JsonNode plain(String text) {
    JsonNode word = WORDS.get(text);
    if (word != null) {
      return word;
    }
    char first = text.charAt(0);
    if (first == '.') {
      Double value = dotFloat(text);
      return value != null ? NODES.numberNode(value) : NODES.textNode(text);
    }
    if (first == '+' || first == '-' || first >= '0' && first <= '9') {
      JsonNode number = number(text);
      if (number != null) {
        return number;
      }
    }
    return NODES.textNode(text);
  }

  /** Whether go-yaml v2 would try to read {@code text} as a number (what the digits budget applies to). */
  static boolean numberCandidate(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return (first == '.' || first == '+' || first == '-' || first >= '0' && first <= '9') && numberChars(text);
  }

  /**
   * A scalar with an explicit core tag ({@code !!int 3}), resolved as go-yaml v2 does: the plain resolution
   * must give the tag's kind ({@code !!float} also takes an integer).
   *
   * @throws IllegalArgumentException {@code cannot decode !!str `x` as a !!int}, go-yaml's message
   */
  static JsonNode tagged(String tag, String text) {
    if (tag.equals(TAG_PREFIX + "str")) {
      return NODES.textNode(text);
    }
    JsonNode node = plain(text);
    String kind = kind(node);
    if (tag.equals(TAG_PREFIX + kind)) {
      return node;
    }
    if (tag.equals(TAG_PREFIX + "float") && (node.isInt() || node.isLong())) {
      return NODES.numberNode(node.doubleValue());
    }
    throw new IllegalArgumentException("cannot decode !!" + kind + " `" + abbreviate(text) + "` as a "
        + shortTag(tag));
  }

  private static String kind(JsonNode node) {
    return node.isNull() ? "null" : node.isBoolean() ? "bool" : node.isIntegralNumber() ? "int"
        : node.isNumber() ? "float" : "str";
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  /**
   * A map key as sigs.k8s.io/yaml turns go-yaml's resolved key into a JSON key ({@code yaml.go},
   * {@code convertToJSONableObject}): booleans become {@code true}/{@code false}, integers their decimal
   * text, floats Go's {@code FormatFloat(f, 'g', -1, 32)}; null and unsigned 64-bit keys are refused.
   *
   * @return the key, or {@code null} when Kubernetes refuses such a key
   */
  static String key(JsonNode resolved) {
    if (resolved.isTextual()) {
      return resolved.textValue();
    }
    if (resolved.isBoolean()) {
      return resolved.booleanValue() ? "true" : "false";
    }
    if (resolved.isInt() || resolved.isLong()) {
      return Long.toString(resolved.longValue());
    }
    if (resolved.isDouble()) {
      return goFloat32(resolved.doubleValue());
    }
    return null;
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}, with go-yaml's spellings of NaN and the infinities. */
  static String goFloat32(double value) {
    float f = (float) value;
    if (Float.isNaN(f)) {
      return ".nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    if (f == 0) {
      return (1 / f) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exp = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
    StringBuilder out = new StringBuilder(f < 0 ? "-" : "");
    if (exp < -4 || exp >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      out.append(abs < 10 ? "0" : "").append(abs);
    } else {
      out.append(shortest.toPlainString());
    }
    return out.toString();
  }

  // resolve.go, case '.': strconv.ParseFloat(in, 64) on the text as written
  private static Double dotFloat(String text) {
    if (!numberChars(text) || text.indexOf('_') >= 0 && !underscoresBetweenDigits(text)) {
      return null;
    }
    String s = text.replace("_", "");
    int i = 1;
    int digits = 0;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (digits == 0 || !exponent(s, i)) {
      return null;
    }
    double value = Double.parseDouble(s);
    return Double.isInfinite(value) ? null : value;
  }

  // resolve.go, case 'D', 'S': ParseInt, ParseUint, then yamlStyleFloat + ParseFloat, on the text without "_"
  private static JsonNode number(String text) {
    if (!numberChars(text)) {
      return null;
    }
    String plain = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    boolean negative = plain.startsWith("-");
    boolean signed = negative || plain.startsWith("+");
    BigInteger magnitude = parseUint(signed ? plain.substring(1) : plain);
    if (magnitude != null) {
      // ParseInt: int64 range; else ParseUint (no sign): uint64
      if (negative ? magnitude.compareTo(INT64_MIN_MAGNITUDE) <= 0 : magnitude.bitLength() < 64) {
        long value = negative ? magnitude.negate().longValue() : magnitude.longValue();
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
      }
      if (!signed) {
        return NODES.numberNode(magnitude);
      }
    }
    if (yamlStyleFloat(plain)) {
      double value = Double.parseDouble(plain);
      return Double.isInfinite(value) ? null : NODES.numberNode(value);
    }
    return null;
  }

  /** Go's {@code strconv.ParseUint(s, 0, 64)}: {@code 0x}, {@code 0o}, {@code 0b} (any case) or {@code 0} prefixes. */
  private static BigInteger parseUint(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int radix = 10;
    int start = 0;
    if (s.charAt(0) == '0') {
      char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
      if (p == 'b' || p == 'o' || p == 'x') {
        radix = p == 'b' ? 2 : p == 'o' ? 8 : 16;
        start = 2;
      } else {
        radix = 8;
        start = 1;
      }
    }
    int firstSignificant = start;
    for (int i = start; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), radix) < 0) {
        return null;
      }
      if (firstSignificant == i && s.charAt(i) == '0') {
        firstSignificant++;
      }
    }
    // more than 64 significant binary digits (22 octal, 20 decimal, 16 hex) cannot fit; not parsed at all
    int significant = s.length() - firstSignificant;
    int most = radix == 2 ? 64 : radix == 8 ? 22 : radix == 10 ? 20 : 16;
    if (significant > most) {
      return null;
    }
    BigInteger value = significant == 0 ? BigInteger.ZERO : new BigInteger(s.substring(firstSignificant), radix);
    return value.compareTo(UINT64_MAX) <= 0 ? value : null;
  }

  // resolve.go: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
  private static boolean yamlStyleFloat(String s) {
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
      if (intDigits == 0 && fracDigits == 0) {
        return false;
      }
    } else if (intDigits == 0) {
      return false;
    }
    return exponent(s, i);
  }

  // ([eE][-+]?[0-9]+)? to the end of s, from i
  private static boolean exponent(String s, int i) {
    if (i == s.length()) {
      return true;
    }
    if (s.charAt(i) != 'e' && s.charAt(i) != 'E') {
      return false;
    }
    i++;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    return digits > 0 && i == s.length();
  }

  // Go's underscoreOK for a decimal float: every "_" sits between two digits
  private static boolean underscoresBetweenDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '_' && (i == 0 || i + 1 == s.length() || !isDigit(s.charAt(i - 1))
          || !isDigit(s.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // the only characters Go's number parsers accept (digits of any base, prefixes, signs, point, exponent)
  private static boolean numberChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '_' || c == '.'
          || c == '+' || c == '-' || c == 'x' || c == 'X' || c == 'o' || c == 'O')) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Whether {@code s} may be written as a plain scalar: every reader (go-yaml v2 as Kubernetes uses it,
   * YAML 1.1, YAML 1.2) reads it back as this same string, and YAML's plain-scalar syntax allows it.
   */
  static boolean plainSafe(String s) {
    if (isSimpleWord(s)) {
      return true;
    }
    if (s.isEmpty() || RESERVED_WORDS.contains(s) || numberLike(s) || dateLike(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@` \t".indexOf(first) >= 0) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == ' ' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEscape(s, i) || c == '\t') {
        return false;
      }
      // ": " starts a mapping value and " #" a comment (the first character is never '#' here)
      if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ' ' || c == '#' && s.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the character at {@code i} must be escaped in a double-quoted scalar: control characters, the
   * line breaks beyond LF that YAML 1.1 folds (CR, NEL, LS, PS), the byte-order mark, the non-characters
   * U+FFFE and U+FFFF (which YAML readers refuse in a stream) and lone surrogates. LF is written as
   * {@code \n} by the caller.
   */
  static boolean needsEscape(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0xfeff || c == 0xfffe || c == 0xffff
        || c == '\u2028' || c == '\u2029') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  // Readers disagree at the edges of YAML's number syntax (YAML 1.1 allows "_" and base 60, go-yaml takes
  // 0o17 and 0X1F): anything made only of number characters that starts like a number is quoted.
  // Quantities such as 500m or 2Gi keep their plain form.
  private static boolean numberLike(String s) {
    char first = s.charAt(0);
    if (!(first >= '0' && first <= '9') && first != '.' && first != '+' && first != '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if ("0123456789_.:+-eExXoObBabcdfABCDFiInN".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  // YAML 1.1 timestamps (2001-12-14, 2001-12-14 21:59:43.10 -5) start with four digits and a dash
  private static boolean dateLike(String s) {
    if (s.length() < 5 || s.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // The fast path for the keys and names that make up most of a manifest: a letter, then letters, digits
  // and "_-./", and not one of the reserved words (all of at most five letters).
  private static boolean isSimpleWord(String s) {
    int n = s.length();
    if (n == 0 || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.' && c != '/') {
        return false;
      }
    }
    return n > 5 || !RESERVED_WORDS.contains(s);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * A number as YAML text that every reader reads back as a number of the same value: integers in decimal,
   * floats in Java's shortest form with a signed exponent ({@code 1.0E+10}, which YAML 1.1 requires).
   *
   * @return the text, or {@code null} for NaN, the infinities and values beyond a double's range, which
   *     neither JSON nor Kubernetes can hold
   */
  static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof java.util.concurrent.atomic.AtomicInteger
        || n instanceof java.util.concurrent.atomic.AtomicLong) {
      return Long.toString(n.longValue());
    }
    if (n instanceof BigInteger) {
      return Double.isInfinite(n.doubleValue()) ? null : n.toString();
    }
    if (n instanceof BigDecimal) {
      BigDecimal d = (BigDecimal) n;
      if (Double.isInfinite(d.doubleValue())) {
        return null;
      }
      return d.scale() <= 0 && d.precision() - d.scale() <= 20 ? d.toBigInteger().toString()
          : signedExponent(d.toString());
    }
    if (n instanceof Float) {
      float f = n.floatValue();
      return Float.isFinite(f) ? signedExponent(Float.toString(f)) : null;
    }
    double d = n.doubleValue();
    return Double.isFinite(d) ? signedExponent(Double.toString(d)) : null;
  }

  /** {@code 1.0E10} as {@code 1.0E+10}: YAML 1.1 reads a float's exponent only with its sign. */
  private static String signedExponent(String text) {
    int e = text.indexOf('E');
    if (e < 0) {
      return text;
    }
    char sign = text.charAt(e + 1);
    String mantissa = text.substring(0, e);
    // YAML 1.1 also wants a point in the mantissa: 1E+3 is not a 1.1 float
    if (mantissa.indexOf('.') < 0) {
      mantissa = mantissa + ".0";
    }
    return mantissa + "E" + (sign == '-' || sign == '+' ? text.substring(e + 1) : "+" + text.substring(e + 1));
  }
}
