package io.github.seldonhpa.promql.internal.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Expectations from Go's own src/fmt/fmt_test.go (fmtTests, reorderTests, TestBlank) for the types a template holds. */
class GoFormatTest {

  private static final double NAN = Double.NaN;
  private static final double POS_INF = Double.POSITIVE_INFINITY;
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private record Row(String format, String expected, Object[] args) {}

  private static final List<Row> ROWS = new ArrayList<>();

  private static void row(String format, Object arg, String expected) {
    ROWS.add(new Row(format, expected, new Object[] {arg}));
  }

  private static void rows(String format, String expected, Object... args) {
    ROWS.add(new Row(format, expected, args));
  }

  private static String zeroFill(String prefix, int width, String suffix) {
    return prefix + "0".repeat(width - suffix.length()) + suffix;
  }

  static {
    row("%d", 12345L, "12345");
    row("%v", 12345L, "12345");
    row("%t", true, "true");
    // basic string
    row("%s", "abc", "abc");
    row("%q", "abc", "\"abc\"");
    row("%x", "abc", "616263");
    row("%x", "", "");
    row("% x", "", "");
    row("%#x", "", "");
    row("%x", "xyz", "78797a");
    row("%X", "xyz", "78797A");
    row("% x", "xyz", "78 79 7a");
    row("% X", "xyz", "78 79 7A");
    row("%#x", "xyz", "0x78797a");
    row("%#X", "xyz", "0X78797A");
    row("%# x", "xyz", "0x78 0x79 0x7a");
    row("%# X", "xyz", "0X78 0X79 0X7A");
    // escaped strings
    row("%q", "", "\"\"");
    row("%#q", "", "``");
    row("%q", "\"", "\"\\\"\"");
    row("%#q", "\"", "`\"`");
    row("%q", "`", "\"`\"");
    row("%#q", "`", "\"`\"");
    row("%q", "\n", "\"\\n\"");
    row("%#q", "\n", "\"\\n\"");
    row("%q", "\\n", "\"\\\\n\"");
    row("%#q", "\\n", "`\\n`");
    row("%#q", "abc", "`abc`");
    row("%q", "日本語", "\"日本語\"");
    row("%+q", "日本語", "\"\\u65e5\\u672c\\u8a9e\"");
    row("%#q", "日本語", "`日本語`");
    row("%#+q", "日本語", "`日本語`");
    row("%q", "\u0007\b\f\n\r\t\u000b\"\\", "\"\\a\\b\\f\\n\\r\\t\\v\\\"\\\\\"");
    row("%+q", "\u0007\b\f\n\r\t\u000b\"\\", "\"\\a\\b\\f\\n\\r\\t\\v\\\"\\\\\"");
    row("%q", "☺", "\"☺\"");
    row("% q", "☺", "\"☺\"");
    row("%+q", "☺", "\"\\u263a\"");
    row("%#q", "☺", "`☺`");
    row("%10q", "⌘", "       \"⌘\"");
    row("%+10q", "⌘", "  \"\\u2318\"");
    row("%-10q", "⌘", "\"⌘\"       ");
    row("%+-10q", "⌘", "\"\\u2318\"  ");
    row("%010q", "⌘", "0000000\"⌘\"");
    row("%+010q", "⌘", "00\"\\u2318\"");
    row("%-010q", "⌘", "\"⌘\"       ");
    row("%#8q", "\n", "    \"\\n\"");
    row("%#+8q", "\r", "    \"\\r\"");
    row("%#-8q", "\t", "`\t`     ");
    row("%#+-8q", "\b", "\"\\b\"    ");
    row("%q", "\udbff\udfff", "\"\\U0010ffff\"");
    row("%+q", "\udbff\udfff", "\"\\U0010ffff\"");
    row("%#q", "\udbff\udfff", "`\udbff\udfff`");
    // characters
    row("%c", (long) 'x', "x");
    row("%c", 0xe4L, "ä");
    row("%c", 0x672cL, "本");
    row("%.0c", (long) '⌘', "⌘");
    row("%3c", (long) '⌘', "  ⌘");
    row("%-3c", (long) '⌘', "⌘  ");
    row("%c", 0x0e00L, "\u0e00");
    row("%c", -1L, "\ufffd");
    row("%c", 0xDC80L, "\ufffd");
    row("%c", 0x110000L, "\ufffd");
    row("%c", 0xFFFFFFFFFL, "\ufffd");
    // escaped characters
    row("%q", 0L, "'\\x00'");
    row("%q", (long) '"', "'\"'");
    row("%q", (long) '\'', "'\\''");
    row("%q", (long) '`', "'`'");
    row("%q", (long) 'x', "'x'");
    row("%q", (long) 'ÿ', "'ÿ'");
    row("%+q", (long) 'ÿ', "'\\u00ff'");
    row("%q", (long) '\n', "'\\n'");
    row("%+q", (long) '☺', "'\\u263a'");
    row("% q", (long) '☺', "'☺'");
    row("%.0q", (long) '☺', "'☺'");
    row("%10q", (long) '⌘', "       '⌘'");
    row("%+10q", (long) '⌘', "  '\\u2318'");
    row("%010q", (long) '⌘', "0000000'⌘'");
    row("%+-010q", (long) '⌘', "'\\u2318'  ");
    row("%q", 0x0e00L, "'\\u0e00'");
    row("%q", 0x10ffffL, "'\\U0010ffff'");
    row("%q", -1L, "%!q(int=-1)");
    row("%q", 0xDC80L, "'\ufffd'");
    row("%q", 0x110000L, "%!q(int=1114112)");
    // width
    row("%5s", "abc", "  abc");
    row("%2s", "\u263a", " ☺");
    row("%-5s", "abc", "abc  ");
    row("%05s", "abc", "00abc");
    row("%5s", "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz");
    row("%.5s", "abcdefghijklmnopqrstuvwxyz", "abcde");
    row("%.0s", "日本語日本語", "");
    row("%.5s", "日本語日本語", "日本語日本");
    row("%.10s", "日本語日本語", "日本語日本語");
    row("%08q", "abc", "000\"abc\"");
    row("%-8q", "abc", "\"abc\"   ");
    row("%.5q", "abcdefghijklmnopqrstuvwxyz", "\"abcde\"");
    row("%.5x", "abcdefghijklmnopqrstuvwxyz", "6162636465");
    row("%.3q", "日本語日本語", "\"日本語\"");
    row("%.1q", "日本語", "\"日\"");
    row("%.1x", "日本語", "e6");
    row("%10.1q", "日本語日本語", "       \"日\"");
    row("%10v", null, "     <nil>");
    row("%-10v", null, "<nil>     ");
    // integers
    row("%d", -12345L, "-12345");
    row("%d", Long.MIN_VALUE, "-9223372036854775808");
    row("%.d", 0L, "");
    row("%.0d", 0L, "");
    row("%6.0d", 0L, "      ");
    row("%06.0d", 0L, "      ");
    row("% d", 12345L, " 12345");
    row("%+d", 12345L, "+12345");
    row("%+d", -12345L, "-12345");
    row("%b", 7L, "111");
    row("%b", -6L, "-110");
    row("%#b", 7L, "0b111");
    row("%#b", -6L, "-0b110");
    row("%b", Long.MIN_VALUE, zeroFill("-1", 63, ""));
    row("%o", 01234L, "1234");
    row("%o", -01234L, "-1234");
    row("%#o", 01234L, "01234");
    row("%#o", -01234L, "-01234");
    row("%O", 01234L, "0o1234");
    row("%O", -01234L, "-0o1234");
    row("%#X", 0L, "0X0");
    row("%x", 0x12abcdefL, "12abcdef");
    row("%X", 0x12abcdefL, "12ABCDEF");
    row("%.20b", 7L, "00000000000000000111");
    row("%10d", 12345L, "     12345");
    row("%10d", -12345L, "    -12345");
    row("%+10d", 12345L, "    +12345");
    row("%010d", 12345L, "0000012345");
    row("%010d", -12345L, "-000012345");
    row("%20.8d", 1234L, "            00001234");
    row("%20.8d", -1234L, "           -00001234");
    row("%020.8d", 1234L, "            00001234");
    row("%020.8d", -1234L, "           -00001234");
    row("%-20.8d", 1234L, "00001234            ");
    row("%-20.8d", -1234L, "-00001234           ");
    row("%-#20.8x", 0x1234abcL, "0x01234abc          ");
    row("%-#20.8X", 0x1234abcL, "0X01234ABC          ");
    row("%-#20.8o", 01234L, "00001234            ");
    row("%068d", 1L, zeroFill("", 68, "1"));
    row("%068d", -1L, zeroFill("-", 67, "1"));
    row("%#.68x", 42L, zeroFill("0x", 68, "2a"));
    row("%.68d", -42L, zeroFill("-", 68, "42"));
    row("%+.68d", 42L, zeroFill("+", 68, "42"));
    row("% .68d", 42L, zeroFill(" ", 68, "42"));
    row("% +.68d", 42L, zeroFill("+", 68, "42"));
    // unicode format
    row("%U", 0L, "U+0000");
    row("%U", -1L, "U+FFFFFFFFFFFFFFFF");
    row("%U", (long) '\n', "U+000A");
    row("%#U", (long) '\n', "U+000A");
    row("%+U", (long) 'x', "U+0078");
    row("%# U", (long) 'x', "U+0078 'x'");
    row("%#.2U", (long) 'x', "U+0078 'x'");
    row("%U", 0x263aL, "U+263A");
    row("%#U", 0x263aL, "U+263A '☺'");
    row("%U", 0x1D6C2L, "U+1D6C2");
    row("%#U", 0x1D6C2L, "U+1D6C2 '\ud835\udec2'");
    row("%#14.6U", (long) '⌘', "  U+002318 '⌘'");
    row("%#-14.6U", (long) '⌘', "U+002318 '⌘'  ");
    row("%#014.6U", (long) '⌘', "  U+002318 '⌘'");
    row("%.68U", 42L, zeroFill("U+", 68, "2A"));
    // floats
    row("%+.3e", 0.0, "+0.000e+00");
    row("%+.3e", 1.0, "+1.000e+00");
    row("%+.3x", 0.0, "+0x0.000p+00");
    row("%+.3x", 1.0, "+0x1.000p+00");
    row("%+.3f", -1.0, "-1.000");
    row("%+.3F", -1.0, "-1.000");
    row("%+07.2f", 1.0, "+001.00");
    row("%+07.2f", -1.0, "-001.00");
    row("%-07.2f", 1.0, "1.00   ");
    row("%-07.2f", -1.0, "-1.00  ");
    row("%+-07.2f", 1.0, "+1.00  ");
    row("%-+07.2f", -1.0, "-1.00  ");
    row("%+10.2f", +1.0, "     +1.00");
    row("%+10.2f", -1.0, "     -1.00");
    row("% .3E", -1.0, "-1.000E+00");
    row("% .3e", 1.0, " 1.000e+00");
    row("% .3X", -1.0, "-0X1.000P+00");
    row("% .3x", 1.0, " 0x1.000p+00");
    row("%+.3g", 0.0, "+0");
    row("%+.3g", 1.0, "+1");
    row("%+.3g", -1.0, "-1");
    row("% .3g", -1.0, "-1");
    row("% .3g", 1.0, " 1");
    row("%b", 1.0, "4503599627370496p-52");
    row("%#g", 1e-323, "1.00000e-323");
    row("%#g", -1.0, "-1.00000");
    row("%#g", 1.1, "1.10000");
    row("%#g", 123456.0, "123456.");
    row("%#g", 1234567.0, "1.234567e+06");
    row("%#g", 1230000.0, "1.23000e+06");
    row("%#g", 1000000.0, "1.00000e+06");
    row("%#.0f", 1.0, "1.");
    row("%#.0e", 1.0, "1.e+00");
    row("%#.0x", 1.0, "0x1.p+00");
    row("%#.0g", 1.0, "1.");
    row("%#.0g", 1100000.0, "1.e+06");
    row("%#.4f", 1.0, "1.0000");
    row("%#.4e", 1.0, "1.0000e+00");
    row("%#.4x", 1.0, "0x1.0000p+00");
    row("%#.4g", 1.0, "1.000");
    row("%#.4g", 100000.0, "1.000e+05");
    row("%#.4g", 1.234, "1.234");
    row("%#.4g", 0.1234, "0.1234");
    row("%#.4g", 1.23, "1.230");
    row("%#.4g", 0.123, "0.1230");
    row("%#.4g", 1.2, "1.200");
    row("%#.4g", 0.12, "0.1200");
    row("%#.4g", 10.2, "10.20");
    row("%#.4g", 0.0, "0.000");
    row("%#.4g", 0.012, "0.01200");
    row("%#.0f", 123.0, "123.");
    row("%#.0e", 123.0, "1.e+02");
    row("%#.0x", 123.0, "0x1.p+07");
    row("%#.0g", 123.0, "1.e+02");
    row("%#.4f", 123.0, "123.0000");
    row("%#.4e", 123.0, "1.2300e+02");
    row("%#.4x", 123.0, "0x1.ec00p+06");
    row("%#.4g", 123.0, "123.0");
    row("%#.4g", 123000.0, "1.230e+05");
    row("%#9.4g", 1.0, "    1.000");
    row("%#b", 1.0, "4503599627370496p-52");
    row("%.4b", -1.0, "-4503599627370496p-52");
    row("%.68f", 1.0, zeroFill("1.", 68, ""));
    row("%.68f", -1.0, zeroFill("-1.", 68, ""));
    row("%f", POS_INF, "+Inf");
    row("%.1f", NEG_INF, "-Inf");
    row("% f", NAN, " NaN");
    row("%20f", POS_INF, "                +Inf");
    row("% 20F", POS_INF, "                 Inf");
    row("% 20e", NEG_INF, "                -Inf");
    row("% 20x", NEG_INF, "                -Inf");
    row("%+20E", NEG_INF, "                -Inf");
    row("% +20g", NEG_INF, "                -Inf");
    row("%+-20G", POS_INF, "+Inf                ");
    row("%20e", NAN, "                 NaN");
    row("% +20E", NAN, "                +NaN");
    row("% -20g", NAN, " NaN                ");
    row("%+-20G", NAN, "+NaN                ");
    row("%+020e", POS_INF, "                +Inf");
    row("%-020f", NEG_INF, "-Inf                ");
    row("%-020E", NAN, "NaN                 ");
    // old test/fmt_test.go
    row("%e", 1.0, "1.000000e+00");
    row("%e", 1234.5678e3, "1.234568e+06");
    row("%e", 1234.5678e-8, "1.234568e-05");
    row("%e", -7.0, "-7.000000e+00");
    row("%e", -1e-9, "-1.000000e-09");
    row("%f", 1234.5678e3, "1234567.800000");
    row("%f", 1234.5678e-8, "0.000012");
    row("%f", -7.0, "-7.000000");
    row("%f", -1e-9, "-0.000000");
    row("%g", 1234.5678e3, "1.2345678e+06");
    row("%g", 1234.5678e-8, "1.2345678e-05");
    row("%g", -7.0, "-7");
    row("%g", -1e-9, "-1e-09");
    row("%E", 1.0, "1.000000E+00");
    row("%E", 1234.5678e3, "1.234568E+06");
    row("%E", 1234.5678e-8, "1.234568E-05");
    row("%E", -7.0, "-7.000000E+00");
    row("%E", -1e-9, "-1.000000E-09");
    row("%G", 1234.5678e3, "1.2345678E+06");
    row("%G", 1234.5678e-8, "1.2345678E-05");
    row("%G", -7.0, "-7");
    row("%G", -1e-9, "-1E-09");
    row("%20.5s", "qwertyuiop", "               qwert");
    row("%.5s", "qwertyuiop", "qwert");
    row("%-20.5s", "qwertyuiop", "qwert               ");
    row("%20c", (long) 'x', "                   x");
    row("%-20c", (long) 'x', "x                   ");
    row("%20.6e", 1.2345e3, "        1.234500e+03");
    row("%20.6e", 1.2345e-3, "        1.234500e-03");
    row("%20e", 1.2345e3, "        1.234500e+03");
    row("%20e", 1.2345e-3, "        1.234500e-03");
    row("%20.8e", 1.2345e3, "      1.23450000e+03");
    row("%20f", 1.23456789e3, "         1234.567890");
    row("%20f", 1.23456789e-3, "            0.001235");
    row("%20f", 12345678901.23456789, "  12345678901.234568");
    row("%-20f", 1.23456789e3, "1234.567890         ");
    row("%20.8f", 1.23456789e3, "       1234.56789000");
    row("%20.8f", 1.23456789e-3, "          0.00123457");
    row("%g", 1.23456789e3, "1234.56789");
    row("%g", 1.23456789e-3, "0.00123456789");
    row("%g", 1.23456789e20, "1.23456789e+20");
    // slices
    row("%v", List.of(1L, 2L, 3L, 4L, 5L), "[1 2 3 4 5]");
    row("%v", Arrays.asList(1L, "hello", 2.5, null), "[1 hello 2.5 <nil>]");
    row("%v", 1.2345678, "1.2345678");
    // go syntax
    row("%#v", 1000000000L, "1000000000");
    row("%#v", List.of("a", "b"), "[]string{\"a\", \"b\"}");
    row("%#v", Arrays.asList(1L, "hello", 2.5, null), "[]interface {}{1, \"hello\", 2.5, interface {}(nil)}");
    row("%#v", "foo", "\"foo\"");
    row("%#v", 1.2345678, "1.2345678");
    row("%#v", 1.0, "1");
    row("%#v", 1000000.0, "1e+06");
    // slices with other formats
    row("%#x", List.of(1L, 2L, 15L), "[0x1 0x2 0xf]");
    row("%x", List.of(1L, 2L, 15L), "[1 2 f]");
    row("%d", List.of(1L, 2L, 15L), "[1 2 15]");
    row("%q", List.of("a", "b"), "[\"a\" \"b\"]");
    // strings with hex padding
    row("%2x", "", "  ");
    row("%#2x", "", "  ");
    row("% 02x", "", "00");
    row("%# 02x", "", "00");
    row("%-2x", "", "  ");
    row("%-02x", "", "  ");
    // %T
    row("%T", 0L, "int");
    row("%10T", null, "     <nil>");
    row("%-10T", null, "<nil>     ");
    row("%p", 27L, "%!p(int=27)");
    row("%p", null, "%!p(<nil>)");
    row("%#p", null, "%!p(<nil>)");
    row("%v", null, "<nil>");
    row("%#v", null, "<nil>");
    // erroneous things
    rows("", "%!(EXTRA <nil>)", (Object) null);
    rows("", "%!(EXTRA int=2)", 2L);
    rows("no args", "no args%!(EXTRA string=hello)", "hello");
    rows("%s %", "hello %!(NOVERB)", "hello");
    rows("%s %.2", "hello %!(NOVERB)", "hello");
    rows("%017091901790959340919092959340919017929593813360", "%!(NOVERB)%!(EXTRA int=0)", 0L);
    rows("%184467440737095516170v", "%!(NOVERB)%!(EXTRA int=0)", 0L);
    rows("%010.2", "%!(NOVERB)%!(EXTRA string=12345)", "12345");
    // padding rules compared with C printf
    row("%.2f", 1.0, "1.00");
    row("%.2f", -1.0, "-1.00");
    row("% .2f", 1.0, " 1.00");
    row("%+.2f", 1.0, "+1.00");
    row("%7.2f", 1.0, "   1.00");
    row("% 7.2f", 1.0, "   1.00");
    row("%+7.2f", 1.0, "  +1.00");
    row("% +7.2f", -1.0, "  -1.00");
    row("%07.2f", 1.0, "0001.00");
    row("%07.2f", -1.0, "-001.00");
    row("% 07.2f", 1.0, " 001.00");
    row("%+07.2f", 1.0, "+001.00");
    row("% +07.2f", 1.0, "+001.00");
    row("%0-5s", "abc", "abc  ");
    row("%-05.1f", 1.0, "1.0  ");
    row("%06v", List.of(10.0, 10L), "[000010 000010]");
    row("%06v", List.of(-10.0, 10L), "[-00010 000010]");
    row("%03.6v", List.of(1L, 2.0, "x"), "[000001 002 00x]");
    row("%03.0v", List.of(0L, 2.0, "x"), "[    002 000]");
    row("%.", 3L, "%!.(int=3)");
    // unsupported verbs
    row("%☠", null, "%!☠(<nil>)");
    row("%☠", 0L, "%!☠(int=0)");
    row("%☠", "hello", "%!☠(string=hello)");
    row("%☠", 1.2345678, "%!☠(float64=1.2345678)");
    // reorder
    rows("%[1]d", "1", 1L);
    rows("%[2]d", "1", 2L, 1L);
    rows("%[2]d %[1]d", "2 1", 1L, 2L);
    rows("%[2]*[1]d", "    2", 2L, 5L);
    rows("%6.2f", " 12.00", 12.0);
    rows("%[3]*.[2]*[1]f", " 12.00", 12.0, 2L, 6L);
    rows("%[1]*.[2]*[3]f", " 12.00", 6L, 2L, 12.0);
    rows("%10f", " 12.000000", 12.0);
    rows("%[1]*[3]f", " 12.000000", 10L, 99L, 12.0);
    rows("%.6f", "12.000000", 12.0);
    rows("%.[1]*[3]f", "12.000000", 6L, 99L, 12.0);
    rows("%6.f", "    12", 12.0);
    rows("%[1]*.[3]f", "    12", 6L, 3L, 12.0);
    rows("%d %d %d %#[1]o %#o %#o", "11 12 13 013 014 015", 11L, 12L, 13L);
    rows("%[d", "%!d(BADINDEX)", 2L, 1L);
    rows("%]d", "%!](int=2)d%!(EXTRA int=1)", 2L, 1L);
    rows("%[]d", "%!d(BADINDEX)", 2L, 1L);
    rows("%[-3]d", "%!d(BADINDEX)", 2L, 1L);
    rows("%[99]d", "%!d(BADINDEX)", 2L, 1L);
    rows("%[3]", "%!(NOVERB)", 2L, 1L);
    rows("%[1].2d", "%!d(BADINDEX)", 5L, 6L);
    rows("%[1]2d", "%!d(BADINDEX)", 2L, 1L);
    rows("%3.[2]d", "%!d(BADINDEX)", 7L);
    rows("%.[2]d", "%!d(BADINDEX)", 7L);
    rows("%d %d %d %#[1]o %#o %#o %#o", "11 12 13 013 014 015 %!o(MISSING)", 11L, 12L, 13L);
    rows("%[5]d %[2]d %d", "%!d(BADINDEX) 2 3", 1L, 2L, 3L);
    rows("%d %[3]d %d", "1 %!d(BADINDEX) 2", 1L, 2L);
    rows("%.[]", "%!](BADINDEX)");
    rows("%.-3d", "%!-(int=42)3d", 42L);
    rows("%2147483648d", "%!(NOVERB)%!(EXTRA int=42)", 42L);
    rows("%-2147483648d", "%!(NOVERB)%!(EXTRA int=42)", 42L);
    rows("%.2147483648d", "%!(NOVERB)%!(EXTRA int=42)", 42L);
    // star tests
    rows("%*d", "  42", 4L, 42L);
    rows("%-*d", "42  ", 4L, 42L);
    rows("%*d", "42  ", -4L, 42L);
    rows("%-*d", "42  ", -4L, 42L);
    rows("%.*d", "0042", 4L, 42L);
    rows("%*.*d", "    0042", 8L, 4L, 42L);
    rows("%0*d", "0042", 4L, 42L);
    rows("%*d", "%!(BADWIDTH)42", null, 42L);
    rows("%*d", "%!(BADWIDTH)42", -10000000L, 42L);
    rows("%.*d", "%!(BADPREC)42", null, 42L);
    rows("%*d", "%!d(string=  foo)", 5L, "foo");
    rows("%*% %d", "% 5", 20L, 5L);
    rows("%*", "%!(NOVERB)", 4L);
    rows("%*d", "%!(BADWIDTH)42", 10000000L, 42L);
    rows("%.*d", "%!(BADPREC)42", -1L, 42L);
    rows("%.*d", "%!(BADPREC)42", 10000000L, 42L);
  }

  @TestFactory
  Stream<DynamicTest> sprintfMatchesGo() {
    return ROWS.stream().map(r -> DynamicTest.dynamicTest(
        "Sprintf(" + GoQuote.quote(r.format()) + ", " + Arrays.toString(r.args()) + ")",
        () -> assertThat(GoFormat.sprintf(r.format(), r.args())).isEqualTo(r.expected())));
  }

  @Test
  void printAddsSpacesOnlyBetweenNonStrings() {
    assertThat(GoFormat.sprint("<", 1L, ">:", 1L, 2L, 3L, "!")).isEqualTo("<1>:1 2 3!");
    assertThat(GoFormat.sprintln("<", 1L, ">:", 1L, 2L, 3L, "!")).isEqualTo("< 1 >: 1 2 3 !\n");
  }

  @Test
  void mapsSortKeysByteWiseAndStructsPrintFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", "2");
    m.put("a", "1");
    m.put("\uffff", "3");
    m.put("\ud83d\ude00", "4");
    assertThat(GoFormat.sprint(m)).isEqualTo("map[a:1 b:2 \uffff:3 \ud83d\ude00:4]");
    assertThat(GoFormat.sprint(Map.of())).isEqualTo("map[]");
    assertThat(GoFormat.sprintf("%#v", Map.of("a", "1"))).isEqualTo("map[string]string{\"a\":\"1\"}");
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("a", "abc");
    f.put("b", "def");
    f.put("c", 123L);
    GoStruct s = GoTemplate.struct("fmt_test.T", f);
    assertThat(GoFormat.sprintf("%v", s)).isEqualTo("{abc def 123}");
    assertThat(GoFormat.sprintf("%+v", s)).isEqualTo("{a:abc b:def c:123}");
    assertThat(GoFormat.sprintf("%#v", s)).isEqualTo("fmt_test.T{a:\"abc\", b:\"def\", c:123}");
    assertThat(GoFormat.sprint(List.of())).isEqualTo("[]");
  }

  @Test
  void percentPHasNoAddressToPrint() {
    assertThat(GoFormat.sprintf("%p", "x")).isEqualTo("%!p(string=x)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoFormat.sprintf("%p", List.of("a")))
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("printf verb %p is not supported by seldon-hpa (was []string)");
  }

  @Test
  void shortestFloatsForPercentV() {
    assertThat(GoFormat.sprint(1e6)).isEqualTo("1e+06");
    assertThat(GoFormat.sprint(100000.0)).isEqualTo("100000");
    assertThat(GoFormat.sprint(1.5)).isEqualTo("1.5");
    assertThat(GoFormat.sprint(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(GoFormat.sprint(1e21)).isEqualTo("1e+21");
    assertThat(GoFormat.sprint(0.0001)).isEqualTo("0.0001");
    assertThat(GoFormat.sprint(0.00001)).isEqualTo("1e-05");
    assertThat(GoFormat.sprint(-0.0)).isEqualTo("-0");
    assertThat(GoFormat.sprint(5e-324)).isEqualTo("5e-324");
    assertThat(GoFormat.sprint(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
  }
}
