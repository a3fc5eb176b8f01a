package io.github.seldonhpa.promql.internal.go;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoUnicodeTest {

  private static boolean jdkPrint(int r) {
    if (r == ' ') {
      return true;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  // U+0897 ARABIC PEPET is new in Unicode 16.0: a JDK that knows it (JDK 24 and later) is newer than the
  // table (Go 1.24, Unicode 15.0), and prints the runes Unicode 15.1 and 16.0 added, which Go escapes
  private static final boolean JDK_NEWER_THAN_TABLE = Character.isDefined(0x0897);

  @Test
  void tableExtendsTheJdksOlderUnicodeOnlyWithRunesTheJdkDoesNotKnow() {
    int extra = 0;
    int newerInJdk = 0;
    for (int r = 0; r <= Character.MAX_CODE_POINT; r++) {
      boolean go = GoUnicode.isPrint(r);
      boolean jdk = jdkPrint(r);
      if (jdk && !go && JDK_NEWER_THAN_TABLE) {
        newerInJdk++;
      } else if (jdk) {
        assertThat(go).as("U+%04X printable in the JDK", r).isTrue();
      } else if (go) {
        assertThat(Character.getType(r)).as("U+%04X printable only in the table", r)
            .isEqualTo((int) Character.UNASSIGNED);
        extra++;
      }
    }
    // Unicode 14.0 and 15.0 added 838 + 4489 characters; none is printable only here on a JDK that knows them.
    assertThat(extra).isLessThanOrEqualTo(838 + 4489);
    // Unicode 15.1 and 16.0 added 627 + 5185 characters, the most a Unicode 16 JDK can print beyond the table
    assertThat(newerInJdk).isLessThanOrEqualTo(JDK_NEWER_THAN_TABLE ? 627 + 5185 : 0);
  }

  @Test
  void knownRunes() {
    assertThat(GoUnicode.isPrint(' ')).isTrue();
    assertThat(GoUnicode.isPrint('~')).isTrue();
    assertThat(GoUnicode.isPrint(0x7f)).isFalse();
    assertThat(GoUnicode.isPrint(0xa0)).isFalse();
    assertThat(GoUnicode.isPrint(0xa1)).isTrue();
    assertThat(GoUnicode.isPrint(0xad)).isFalse();
    assertThat(GoUnicode.isPrint(0x3000)).isFalse();
    assertThat(GoUnicode.isPrint(0x1FAE8)).isTrue();
    assertThat(GoUnicode.isPrint(0x10FFFF)).isFalse();
    assertThat(GoUnicode.isPrint(0xE0100)).isTrue();
  }
}
