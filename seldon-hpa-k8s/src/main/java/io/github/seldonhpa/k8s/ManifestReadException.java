package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import java.util.Optional;

/**
 * A YAML stream could not be read: malformed YAML, a document that is not a Kubernetes object, invalid
 * UTF-8, a duplicate key, an alias bomb, too deep nesting or too large input. The message names the
 * problem and ends with where it is, e.g.
 * {@code duplicate key "spec" (at hpa.yaml, document 2, line 7, column 1)}.
 */
public final class ManifestReadException extends HpaValidationException {
  private static final long serialVersionUID = 1L;

  /** The stream the error is in: a file path, {@code <stdin>} or {@code <string>}. */
  private final String source;
  /** The document in the stream, counted from 0. */
  private final int document;
  private final transient Position position;
  /** What is wrong, without the location. */
  private final String problem;

  ManifestReadException(String problem, String source, int document, Position position, Throwable cause) {
    super(problem + " (at " + source + ", document " + document
        + (position == null ? "" : ", " + position) + ")");
    this.problem = problem;
    this.source = source;
    this.document = document;
    this.position = position;
    if (cause != null) {
      initCause(cause);
    }
  }

  /** {@return the name of the file or stream, as given to the reader} */
  public String source() {
    return source;
  }

  /** {@return the document of the stream, counted from 1 ({@code ---} separates documents)} */
  public int document() {
    return document;
  }

  /** {@return where in the text, when known} */
  public Optional<Position> position() {
    return Optional.ofNullable(position);
  }

  /** {@return the problem alone, without the location suffix} */
  public String problem() {
    return problem;
  }
}
