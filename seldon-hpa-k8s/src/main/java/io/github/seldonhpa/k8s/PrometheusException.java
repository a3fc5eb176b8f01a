package io.github.seldonhpa.k8s;

import java.net.URI;
import java.time.Instant;

/**
 * A Prometheus query that did not give a usable result vector, thrown by {@link PrometheusClient}. The
 * nested subclasses tell the cases apart: {@link Unreachable}, {@link Timeout}, {@link TooLarge},
 * {@link QueryError}, {@link EmptyResult} and {@link BadResponse}. Unchecked, like every seldon-hpa exception.
 */
public class PrometheusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PrometheusException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No connection to the server: unknown host (DNS), connection refused, another I/O failure, or interrupted. */
  public static final class Unreachable extends PrometheusException {
    private static final long serialVersionUID = 1L;

    Unreachable(URI endpoint, String reason, Throwable cause) {
      super("prometheus at " + endpoint + " is unreachable: " + reason, cause);
    }
  }

  /**
   * The whole answer (connection, headers and body) did not arrive within the client's timeout, such as a
   * server that sends its body slowly.
   */
  public static final class Timeout extends PrometheusException {
    private static final long serialVersionUID = 1L;

    Timeout(URI endpoint, String reason, Throwable cause) {
      super("prometheus at " + endpoint + " timed out: " + reason, cause);
    }
  }

  /** The response body is larger than the client's limit; reading stopped at the limit. */
  public static final class TooLarge extends PrometheusException {
    private static final long serialVersionUID = 1L;

    TooLarge(URI endpoint, long limit, Throwable cause) {
      super("prometheus at " + endpoint + " answered a body larger than the limit of " + limit
          + " bytes (raise it with withMaxResponseBytes, or narrow the query)", cause);
    }
  }

  /**
   * Prometheus answered {@code "status": "error"}: a PromQL parse error ({@code bad_data}), an evaluation
   * error ({@code execution}), a timeout or a cancelled query. {@link #errorType()} and {@link #error()}
   * are Prometheus' own fields.
   */
  public static final class QueryError extends PrometheusException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** Prometheus' {@code errorType}. */
    private final String errorType;
    /** Prometheus' {@code error}. */
    private final String error;

    QueryError(int httpStatus, String errorType, String error, String query) {
      super("prometheus rejected the query (HTTP " + httpStatus + ", " + errorType + "): " + error
          + "; query: " + query, null);
      this.httpStatus = httpStatus;
      this.errorType = errorType;
      this.error = error;
    }

    /** {@return the HTTP status of the answer, e.g. 400 for {@code bad_data}, 422 for {@code execution}} */
    public int httpStatus() {
      return httpStatus;
    }

    /**
     * {@return Prometheus' {@code errorType}: {@code bad_data}, {@code execution}, {@code timeout}, {@code canceled}..}
     */
    public String errorType() {
      return errorType;
    }

    /**
     * {@return Prometheus' {@code error} text, e.g. {@code 1:5: parse error: unexpected end of input inside braces}}
     */
    public String error() {
      return error;
    }
  }

  /**
   * The query ran but matched no series. The message lists the likely causes the Seldon docs give, and the
   * query's range windows when it has any.
   */
  public static final class EmptyResult extends PrometheusException {
    private static final long serialVersionUID = 1L;
    /** The PromQL that matched nothing. */
    private final String query;
    /** The evaluation time. */
    private final Instant time;

    EmptyResult(String message, String query, Instant time) {
      super(message, null);
      this.query = query;
      this.time = time;
    }

    /** {@return the PromQL that returned nothing} */
    public String query() {
      return query;
    }

    /** {@return the evaluation time of the query} */
    public Instant time() {
      return time;
    }
  }

  /**
   * An answer that is not a Prometheus API answer with a vector result: a non-JSON body (wrong base URI,
   * a proxy's error page), JSON of another shape, or a scalar, matrix or string result, which
   * prometheus-adapter also refuses for custom metrics.
   */
  public static final class BadResponse extends PrometheusException {
    private static final long serialVersionUID = 1L;

    BadResponse(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
