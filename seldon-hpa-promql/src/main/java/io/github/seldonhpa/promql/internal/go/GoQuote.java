package io.github.seldonhpa.promql.internal.go;

import io.github.seldonhpa.HpaValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote} (the {@code %q} verb on a string) and {@code strconv.Unquote}, to the byte.
 *
 * <p>Quoting escapes {@code "} and {@code \}, writes {@code \a \b \f \n \r \t \v} for those controls,
 * {@code \xNN} for other bytes below U+0020 and for U+007F, keeps every rune Go's {@code unicode.IsPrint}
 * accepts (see {@link GoUnicode}), and writes the rest as backslash-u with 4 or backslash-U with 8
 * lower-case hex digits. Go strings are UTF-8 and cannot hold a lone UTF-16 surrogate; a Java string can, and this class
 * treats each lone surrogate as U+FFFD, exactly as Go's {@code string([]rune)} conversion does, so it is
 * written raw as {@code �}.
 */
public final class GoQuote {
  private GoQuote() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * The bytes of the Go string a Java string stands for: UTF-8, with each lone surrogate as U+FFFD
   * (Java's own encoder writes {@code ?} for them).
   */
  static byte[] utf8(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        StringBuilder fixed = new StringBuilder(s.length());
        s.codePoints().forEach(r -> fixed.appendCodePoint(r >= 0xD800 && r <= 0xDFFF ? 0xFFFD : r));
        return fixed.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code strconv.Quote(s)}. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(s, out);
    return out.toString();
  }

  /** Appends {@code strconv.Quote(s)} to {@code out}. */
  public static void quote(String s, StringBuilder out) {
    quoteWith(s, '"', false, out);
  }

  /** {@code strconv.QuoteToASCII(s)}: as {@link #quote(String)} but every non-ASCII rune is escaped. */
  static String quoteToAscii(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quoteWith(s, '"', true, out);
    return out.toString();
  }

  /** {@code strconv.QuoteRune(r)} or, with {@code asciiOnly}, {@code strconv.QuoteRuneToASCII(r)}. */
  static void quoteRune(int r, boolean asciiOnly, StringBuilder out) {
    if (r > 0x10FFFF || r < 0 || (r >= 0xD800 && r <= 0xDFFF)) {
      r = 0xFFFD; // Go's utf8.ValidRune fails: the replacement character is quoted instead
    }
    out.append('\'');
    appendQuotedRune(r, '\'', asciiOnly, out);
    out.append('\'');
  }

  /**
   * {@code strconv.CanBackquote(s)}: whether {@code s} can be written as a raw string literal (no
   * back-quote, no control character other than tab, no U+FEFF, no lone surrogate).
   */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < ' ' && c != '\t') || c == '`' || c == 0x7f || c == 0xFEFF) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void quoteWith(String s, char quote, boolean asciiOnly, StringBuilder out) {
    out.append(quote);
    int n = s.length();
    int i = 0;
    // Fast path: printable ASCII other than the two escaped characters is copied in one run.
    while (i < n) {
      int start = i;
      char c = s.charAt(i);
      while (c >= 0x20 && c < 0x7f && c != quote && c != '\\') {
        if (++i == n) {
          break;
        }
        c = s.charAt(i);
      }
      if (i > start) {
        out.append(s, start, i);
      }
      if (i == n) {
        break;
      }
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (Character.isSurrogate((char) r) && r <= 0xFFFF) {
        r = 0xFFFD; // a lone surrogate: Go would hold U+FFFD here
      }
      appendQuotedRune(r, quote, asciiOnly, out);
    }
    out.append(quote);
  }

  private static void appendQuotedRune(int r, char quote, boolean asciiOnly, StringBuilder out) {
    if (r == quote || r == '\\') {
      out.append('\\').append((char) r);
      return;
    }
    if (asciiOnly ? r < 0x7f && r >= 0x20 : GoUnicode.isPrint(r)) {
      out.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07:
        out.append("\\a");
        return;
      case '\b':
        out.append("\\b");
        return;
      case '\f':
        out.append("\\f");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case '\t':
        out.append("\\t");
        return;
      case 0x0B:
        out.append("\\v");
        return;
      default:
        break;
    }
    if (r < ' ' || r == 0x7f) {
      out.append("\\x").append(HEX[r >> 4]).append(HEX[r & 0xF]);
    } else if (r < 0x10000) {
      out.append("\\u");
      appendHex(r, 4, out);
    } else {
      out.append("\\U");
      appendHex(r, 8, out);
    }
  }

  private static void appendHex(int v, int digits, StringBuilder out) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(v >> shift) & 0xF]);
    }
  }

  /**
   * {@code strconv.Unquote(s)}: a double-quoted, back-quoted (raw; carriage returns dropped) or
   * single-quoted Go literal. Go's result is a byte string; {@code \x} escapes that do not form valid
   * UTF-8 become U+FFFD per bad byte, as in Go's {@code []rune} conversion.
   *
   * @throws HpaValidationException with Go's {@code invalid syntax} when {@code s} is not a valid literal
   */
  public static String unquote(String s) {
    int n = s.length();
    if (n < 2) {
      throw syntax(s);
    }
    char q = s.charAt(0);
    if (q != s.charAt(n - 1)) {
      throw syntax(s);
    }
    String body = s.substring(1, n - 1);
    if (q == '`') {
      if (body.indexOf('`') >= 0) {
        throw syntax(s);
      }
      return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
    }
    if (q != '"' && q != '\'') {
      throw syntax(s);
    }
    if (body.indexOf('\n') >= 0) {
      throw syntax(s);
    }
    if (body.indexOf('\\') < 0 && body.indexOf(q) < 0) {
      if (q == '"') {
        return body;
      }
      // A rune literal holds exactly one rune.
      if (body.codePointCount(0, body.length()) == 1) {
        return body;
      }
      throw syntax(s);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
    int runes = 0;
    int i = 0;
    while (i < body.length()) {
      i = unquoteChar(body, i, q, bytes, s);
      runes++;
      if (q == '\'' && runes > 1) {
        throw syntax(s);
      }
    }
    if (q == '\'' && runes != 1) {
      throw syntax(s);
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  /** Decodes one (possibly escaped) character at {@code i}; returns the index after it. */
  private static int unquoteChar(String b, int i, char quote, ByteArrayOutputStream out, String whole) {
    char c = b.charAt(i);
    if (c == quote) {
      throw syntax(whole);
    }
    if (c != '\\') {
      int r = b.codePointAt(i);
      writeRune(r, out);
      return i + Character.charCount(r);
    }
    if (i + 1 >= b.length()) {
      throw syntax(whole);
    }
    char e = b.charAt(i + 1);
    i += 2;
    switch (e) {
      case 'a':
        out.write(0x07);
        return i;
      case 'b':
        out.write('\b');
        return i;
      case 'f':
        out.write('\f');
        return i;
      case 'n':
        out.write('\n');
        return i;
      case 'r':
        out.write('\r');
        return i;
      case 't':
        out.write('\t');
        return i;
      case 'v':
        out.write(0x0B);
        return i;
      case 'x':
      case 'u':
      case 'U': {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + digits > b.length()) {
          throw syntax(whole);
        }
        int v = 0;
        for (int k = 0; k < digits; k++) {
          int d = Character.digit(b.charAt(i + k), 16);
          if (d < 0 || b.charAt(i + k) > 0x7f) {
            throw syntax(whole);
          }
          v = (v << 4) | d;
        }
        i += digits;
        if (e == 'x') {
          out.write(v); // a single byte, not a rune
          return i;
        }
        if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v < 0) {
          throw syntax(whole);
        }
        writeRune(v, out);
        return i;
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        int v = e - '0';
        if (i + 2 > b.length()) {
          throw syntax(whole);
        }
        for (int k = 0; k < 2; k++) {
          int d = b.charAt(i + k) - '0';
          if (d < 0 || d > 7) {
            throw syntax(whole);
          }
          v = (v << 3) | d;
        }
        if (v > 255) {
          throw syntax(whole);
        }
        out.write(v);
        return i + 2;
      }
      case '\\':
        out.write('\\');
        return i;
      case '\'':
      case '"':
        if (e != quote) {
          throw syntax(whole);
        }
        out.write(e);
        return i;
      default:
        throw syntax(whole);
    }
  }

  private static void writeRune(int r, ByteArrayOutputStream out) {
    if (Character.isSurrogate((char) r) && r <= 0xFFFF) {
      r = 0xFFFD;
    }
    byte[] enc = new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8);
    out.write(enc, 0, enc.length);
  }

  private static HpaValidationException syntax(String s) {
    return new HpaValidationException("quoted string has invalid syntax (was " + s + ")");
  }
}
