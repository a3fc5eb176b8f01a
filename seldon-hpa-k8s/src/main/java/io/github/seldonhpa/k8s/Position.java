package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import java.util.Objects;

/** A place in a YAML text: 1-based line and column, as editors and {@code kubectl} count them. */
public final class Position {
  private final int line;
  private final int column;

  private Position(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /**
   * {@return the position at {@code line} and {@code column}, both counted from 1}
   *
   * @param line the line, counted from 1
   * @param column the column, counted from 1
   */
  public static Position of(int line, int column) {
    if (line < 1 || column < 1) {
      throw new HpaValidationException(
          "line and column must be >= 1 (was line " + line + ", column " + column + ")");
    }
    return new Position(line, column);
  }

  /** {@return the line, counted from 1} */
  public int line() {
    return line;
  }

  /** {@return the column, counted from 1} */
  public int column() {
    return column;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Position && ((Position) o).line == line && ((Position) o).column == column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, column);
  }

  /** {@code line 7, column 3}. */
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
