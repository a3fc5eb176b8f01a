package io.github.seldonhpa.promql.internal.go;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexer of Go's {@code text/template/parse} as of Go 1.24: text, actions with configurable
 * delimiters, trim markers ({@code <<- } and {@code  ->>}), comments, and the tokens inside actions. It
 * stops at the first error and emits it as an {@link Kind#ERROR} token carrying Go's message, which the
 * parser reports where Go's parser would meet it.
 */
final class GoTemplateLexer {

  enum Kind {
    ERROR,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    COMPLEX,
    ASSIGN,
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    // keywords
    BLOCK,
    BREAK,
    CONTINUE,
    DOT,
    DEFINE,
    ELSE,
    END,
    IF,
    NIL,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
      return ordinal() >= BLOCK.ordinal();
    }
  }

  /** One lexical item: kind, start offset (chars), text and 1-based line. */
  static final class Token {
    final Kind kind;
    final int pos;
    final String val;
    final int line;

    Token(Kind kind, int pos, String val, int line) {
      this.kind = kind;
      this.pos = pos;
      this.val = val;
      this.line = line;
    }

    /** Go's {@code item.String()}, used in "unexpected ..." messages. */
    @Override
    public String toString() {
      if (kind == Kind.EOF) {
        return "EOF";
      }
      if (kind == Kind.ERROR) {
        return val;
      }
      if (kind.isKeyword()) {
        return "<" + val + ">";
      }
      if (val.codePointCount(0, val.length()) > 10) {
        // Go's %.10q: the first ten runes, quoted, then "...".
        return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
      }
      return GoQuote.quote(val);
    }
  }

  private static final String LEFT_COMMENT = "/*";
  private static final String RIGHT_COMMENT = "*/";

  private final String input;
  private final String leftDelim;
  private final String rightDelim;
  private final List<Token> items = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;

  private GoTemplateLexer(String input, String leftDelim, String rightDelim) {
    this.input = input;
    this.leftDelim = leftDelim;
    this.rightDelim = rightDelim;
  }

  /** All tokens of {@code input}, ending with EOF or the first ERROR. */
  static List<Token> lex(String input, String leftDelim, String rightDelim) {
    GoTemplateLexer l = new GoTemplateLexer(input, leftDelim, rightDelim);
    l.run();
    return l.items;
  }

  private void run() {
    boolean inside = false;
    while (true) {
      int r = inside ? insideAction() : text();
      if (r == STOP) {
        return;
      }
      inside = r == INSIDE;
    }
  }

  private static final int STOP = 0;
  private static final int TEXT = 1;
  private static final int INSIDE = 2;

  /**
   * The 1-based line of offset {@code at}, counting the newlines before it as Go does. Tokens are emitted in
   * input order, so the count only moves forward.
   */
  private int line(int at) {
    while (lineScanned < at) {
      if (input.charAt(lineScanned++) == '\n') {
        lineCount++;
      }
    }
    return lineCount;
  }

  private int lineScanned;
  private int lineCount = 1;

  private void emit(Kind kind) {
    items.add(new Token(kind, start, input.substring(start, pos), line(start)));
    start = pos;
  }

  private int error(String message) {
    items.add(new Token(Kind.ERROR, start, message, line(start)));
    return STOP;
  }

  private int next() {
    if (pos >= input.length()) {
      pos++; // so that backup() is symmetric at the end of input
      return -1;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    return r;
  }

  private void backup(int r) {
    pos -= r < 0 ? 1 : Character.charCount(r);
  }

  private int peek() {
    int r = next();
    backup(r);
    return r;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r >= 0 && valid.indexOf(r) >= 0) {
      return true;
    }
    backup(r);
    return false;
  }

  private void acceptRun(String valid) {
    int r;
    do {
      r = next();
    } while (r >= 0 && valid.indexOf(r) >= 0);
    backup(r);
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  private int text() {
    int x = input.indexOf(leftDelim, pos);
    if (x >= 0) {
      int ldn = leftDelim.length();
      pos = x;
      int trimLength = 0;
      if (hasLeftTrimMarker(pos + ldn)) {
        int k = pos;
        while (k > start && isSpace(input.charAt(k - 1))) {
          k--;
        }
        trimLength = pos - k;
      }
      pos -= trimLength;
      if (pos > start) {
        emit(Kind.TEXT);
      }
      pos += trimLength;
      start = pos;
      return leftDelimState();
    }
    pos = input.length();
    if (pos > start) {
      emit(Kind.TEXT);
    }
    emit(Kind.EOF);
    return STOP;
  }

  private int leftDelimState() {
    pos += leftDelim.length();
    boolean trimSpace = hasLeftTrimMarker(pos);
    int afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      return comment();
    }
    items.add(new Token(Kind.LEFT_DELIM, start, leftDelim, line(start)));
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    return INSIDE;
  }

  private int comment() {
    pos += LEFT_COMMENT.length();
    int x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) {
      return error("unclosed comment");
    }
    pos = x + RIGHT_COMMENT.length();
    int delim = atRightDelim();
    if (delim == 0) {
      return error("comment ends before closing delimiter");
    }
    if (delim == 2) {
      pos += 2;
    }
    pos += rightDelim.length();
    if (delim == 2) {
      while (pos < input.length() && isSpace(input.charAt(pos))) {
        pos++;
      }
    }
    start = pos;
    return TEXT;
  }

  /** 0: not at a right delimiter; 1: at one; 2: at one preceded by a trim marker. */
  private int atRightDelim() {
    if (input.startsWith(rightDelim, pos)) {
      return 1;
    }
    if (hasRightTrimMarker(pos) && input.startsWith(rightDelim, pos + 2)) {
      return 2;
    }
    return 0;
  }

  private int rightDelimState() {
    boolean trimSpace = hasRightTrimMarker(pos);
    if (trimSpace) {
      pos += 2;
      start = pos;
    }
    pos += rightDelim.length();
    emit(Kind.RIGHT_DELIM);
    if (trimSpace) {
      while (pos < input.length() && isSpace(input.charAt(pos))) {
        pos++;
      }
      start = pos;
    }
    return TEXT;
  }

  private int insideAction() {
    if (atRightDelim() != 0) {
      if (parenDepth == 0) {
        return rightDelimState();
      }
      return error("unclosed left paren");
    }
    int r = next();
    if (r < 0) {
      return error("unclosed action");
    }
    if (isSpace(r)) {
      backup(r);
      return space();
    }
    switch (r) {
      case '=':
        emit(Kind.ASSIGN);
        return INSIDE;
      case ':':
        if (next() != '=') {
          return error("expected :=");
        }
        emit(Kind.DECLARE);
        return INSIDE;
      case '|':
        emit(Kind.PIPE);
        return INSIDE;
      case '"':
        return quoted('"', Kind.STRING, "quoted string");
      case '`':
        return rawQuote();
      case '$':
        return variable();
      case '\'':
        return quoted('\'', Kind.CHAR_CONSTANT, "character constant");
      case '(':
        parenDepth++;
        emit(Kind.LEFT_PAREN);
        return INSIDE;
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          return error("unexpected right paren");
        }
        emit(Kind.RIGHT_PAREN);
        return INSIDE;
      default:
        break;
    }
    if (r == '.') {
      if (pos < input.length()) {
        char c = input.charAt(pos);
        if (c < '0' || c > '9') {
          return fieldOrVariable(Kind.FIELD);
        }
      }
      backup(r);
      return number();
    }
    if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      backup(r);
      return number();
    }
    if (isAlphaNumeric(r)) {
      backup(r);
      return identifier();
    }
    if (r < 0x80 && r >= 0x20 && r < 0x7f) {
      emit(Kind.CHAR);
      return INSIDE;
    }
    return error("unrecognized character in action: " + hashU(r));
  }

  /** Go's {@code %#U}: U+0041 'A' (the quoted rune only when printable). */
  static String hashU(int r) {
    StringBuilder s = new StringBuilder("U+");
    String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
    for (int i = hex.length(); i < 4; i++) {
      s.append('0');
    }
    s.append(hex);
    if (r >= 0 && GoUnicode.isPrint(r)) {
      s.append(" '").appendCodePoint(r).append('\'');
    }
    return s.toString();
  }

  private int space() {
    int numSpaces = 0;
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
      numSpaces++;
    }
    // A space followed by "-" and the right delimiter is a trim marker, not an argument separator.
    if (hasRightTrimMarker(pos - 1) && input.startsWith(rightDelim, pos - 1 + 2)) {
      pos--;
      if (numSpaces == 1) {
        return INSIDE;
      }
    }
    emit(Kind.SPACE);
    return INSIDE;
  }

  private int identifier() {
    while (true) {
      int r = next();
      if (!isAlphaNumeric(r)) {
        backup(r);
        String word = input.substring(start, pos);
        if (!atTerminator()) {
          return error("bad character " + hashU(r));
        }
        Kind k = keyword(word);
        if (k != null) {
          emit(k);
        } else if (word.equals("true") || word.equals("false")) {
          emit(Kind.BOOL);
        } else {
          emit(Kind.IDENTIFIER);
        }
        return INSIDE;
      }
    }
  }

  private static Kind keyword(String word) {
    switch (word) {
      case "block":
        return Kind.BLOCK;
      case "break":
        return Kind.BREAK;
      case "continue":
        return Kind.CONTINUE;
      case "define":
        return Kind.DEFINE;
      case "else":
        return Kind.ELSE;
      case "end":
        return Kind.END;
      case "if":
        return Kind.IF;
      case "range":
        return Kind.RANGE;
      case "nil":
        return Kind.NIL;
      case "template":
        return Kind.TEMPLATE;
      case "with":
        return Kind.WITH;
      default:
        return null;
    }
  }

  private int variable() {
    if (atTerminator()) {
      emit(Kind.VARIABLE);
      return INSIDE;
    }
    return fieldOrVariable(Kind.VARIABLE);
  }

  private int fieldOrVariable(Kind kind) {
    if (atTerminator()) {
      emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
      return INSIDE;
    }
    int r;
    while (true) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup(r);
        break;
      }
    }
    if (!atTerminator()) {
      return error("bad character " + hashU(r));
    }
    emit(kind);
    return INSIDE;
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case -1:
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
      default:
        return input.startsWith(rightDelim, pos);
    }
  }

  /** Go's lexChar and lexQuote: up to the closing quote, skipping escapes; no line break inside. */
  private int quoted(char close, Kind kind, String what) {
    while (true) {
      int r = next();
      if (r == '\\') {
        int e = next();
        if (e >= 0 && e != '\n') {
          continue;
        }
        return error("unterminated " + what);
      }
      if (r < 0 || r == '\n') {
        return error("unterminated " + what);
      }
      if (r == close) {
        break;
      }
    }
    emit(kind);
    return INSIDE;
  }

  private int rawQuote() {
    int x = input.indexOf('`', pos);
    if (x < 0) {
      return error("unterminated raw quoted string");
    }
    pos = x + 1;
    emit(Kind.RAW_STRING);
    return INSIDE;
  }

  private int number() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoQuote.quote(input.substring(start, Math.min(pos, input.length()))));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return error("bad number syntax: " + GoQuote.quote(input.substring(start, Math.min(pos, input.length()))));
      }
      emit(Kind.COMPLEX);
    } else {
      emit(Kind.NUMBER);
    }
    return INSIDE;
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
}
