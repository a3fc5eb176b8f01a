package io.github.seldonhpa.k8s;

import java.io.StringReader;
import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character source over a text held whole in memory. SnakeYAML's own {@link StreamReader} reads
 * 1,024 characters at a time and copies the unread part of its window on every read, so scanning one long
 * token (a 4 MiB scalar, a million digits) costs the square of its length; here every character is decoded
 * once, and scanning is linear. Same counting of index, line and column, same refusal of non-printable
 * characters (checked up front, for the whole text).
 */
final class WholeTextReader extends StreamReader {
  private static final String NAME = "'string'";

  private final int[] codePoints;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;
  private Mark mark;

  WholeTextReader(String text) {
    super(new StringReader(""));
    int[] decoded = new int[text.length()];
    int count = 0;
    for (int offset = 0; offset < text.length(); count++) {
      int c = text.codePointAt(offset);
      if (!isPrintable(c)) {
        // the position is the offset in the text's chars, which is what the reader turns into line and column
        throw new ReaderException(NAME, offset, c, "special characters are not allowed");
      }
      decoded[count] = c;
      offset += Character.charCount(c);
    }
    codePoints = count == decoded.length ? decoded : Arrays.copyOf(decoded, count);
  }

  @Override
  public Mark getMark() {
    // marks are immutable and the scanner asks for the same place several times (a token's end is the next
    // one's start): one mark per place keeps the garbage, and so the collector's work, down
    if (mark == null || mark.getIndex() != index) {
      mark = new Mark(NAME, index, line, column, codePoints, pointer);
    }
    return mark;
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < codePoints.length; i++) {
      int c = codePoints[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n') {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int offset) {
    return pointer + offset < codePoints.length ? codePoints[pointer + offset] : '\0';
  }

  @Override
  public String prefix(int length) {
    return new String(codePoints, pointer, Math.max(0, Math.min(length, codePoints.length - pointer)));
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length; // a prefix never holds a line break
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
