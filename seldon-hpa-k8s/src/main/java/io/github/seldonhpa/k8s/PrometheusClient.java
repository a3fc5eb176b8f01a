package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.HpaValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs PromQL against a Prometheus server's instant-query API ({@code POST /api/v1/query}) and returns the
 * result vector, the way prometheus-adapter does when the HPA asks for a custom metric. Use it to
 * sanity-check an explained query against your own Prometheus before configuring the adapter:
 *
 * <pre>{@code
 * PrometheusClient prometheus = PrometheusClient.of(URI.create("http://localhost:9090"));
 * QueryResult result = prometheus.query(promql, Instant.now());
 * double rps = result.valueOf("model", "irisa0").orElseThrow();
 * }</pre>
 *
 * <p>One deadline, the timeout, covers connecting, the response headers and the whole body; a body larger
 * than {@link #maxResponseBytes()} is refused as it arrives. Failures are unchecked
 * {@link PrometheusException}s: {@link PrometheusException.Unreachable} (unknown host, connection refused),
 * {@link PrometheusException.Timeout}, {@link PrometheusException.TooLarge},
 * {@link PrometheusException.QueryError} (Prometheus' {@code errorType} and {@code error}),
 * {@link PrometheusException.EmptyResult} (with the likely causes) and
 * {@link PrometheusException.BadResponse}. Instances are immutable and thread-safe.
 */
public final class PrometheusClient {
  /** Default: 10 s, for connecting, the headers and the whole body together. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** Default: 32 MiB, the largest response body read. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RANGE = Pattern.compile("\\[\\s*([0-9][0-9a-z]*)\\s*(?::[^\\]]*)?\\]");
  private static final int BODY_EXCERPT = 200;
  private static final Executor CONNECTING = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "seldon-hpa-prometheus-connect");
    thread.setDaemon(true);
    return thread;
  });
  // the range of Unix milliseconds in a long (and in Go's time.Time that Prometheus uses), in whole seconds
  private static final BigDecimal MAX_UNIX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000 - 1);

  private final URI baseUri;
  private final URI queryUri;
  private final URI rangeUri;
  private final Duration timeout;
  private final long maxResponseBytes;
  private final HttpClient http;

  private PrometheusClient(URI baseUri, Duration timeout, long maxResponseBytes) {
    this.baseUri = baseUri;
    String base = baseUri.toString();
    // resolve against a directory so a path prefix (http://host/prometheus) is kept
    this.queryUri = URI.create(base.endsWith("/") ? base : base + "/").resolve("api/v1/query");
    this.rangeUri = queryUri.resolve("query_range");
    this.timeout = timeout;
    this.maxResponseBytes = maxResponseBytes;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        // a backstop that frees an abandoned connection attempt; the deadline in send() is the one users see
        .connectTimeout(timeout.multipliedBy(2))
        .build();
  }

  /**
   * {@return a client for the Prometheus at {@code baseUri} (e.g. {@code http://localhost:9090}, or with a path
   * prefix such as {@code http://host/prometheus}) with the {@link #DEFAULT_TIMEOUT}}
   *
   * @param baseUri the Prometheus base URI, absolute, http or https
   * @throws HpaValidationException when {@code baseUri} is not an absolute http or https URI
   */
  public static PrometheusClient of(URI baseUri) {
    return of(baseUri, DEFAULT_TIMEOUT);
  }

  /**
   * {@return a client for the Prometheus at {@code baseUri} that waits at most {@code timeout} for each answer,
   * connecting, headers and body included}
   *
   * @param baseUri the Prometheus base URI, absolute, http or https, with a host
   * @param timeout the deadline of each answer, above 0
   * @throws HpaValidationException when {@code baseUri} is not an absolute http or https URI with a host,
   *     or {@code timeout} is not positive
   */
  public static PrometheusClient of(URI baseUri, Duration timeout) {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = baseUri.getScheme();
    if (!baseUri.isAbsolute() || baseUri.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
      throw new HpaValidationException(
          "baseUri must be an absolute http or https URI with a host and no query (was \"" + baseUri + "\")");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new HpaValidationException("timeout must be positive (was " + timeout + ")");
    }
    return new PrometheusClient(baseUri, timeout, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * {@return this client with another limit of a response body's size, in bytes}
   *
   * @param maxResponseBytes the limit, at least 1
   * @throws HpaValidationException when {@code maxResponseBytes} is not positive
   */
  public PrometheusClient withMaxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1) {
      throw new HpaValidationException("maxResponseBytes must be >= 1 (was " + maxResponseBytes + ")");
    }
    return new PrometheusClient(baseUri, timeout, maxResponseBytes);
  }

  /** {@return the Prometheus base URI this client was created with} */
  public URI baseUri() {
    return baseUri;
  }

  /** {@return the deadline of one answer, connecting included} Default: {@link #DEFAULT_TIMEOUT}. */
  public Duration timeout() {
    return timeout;
  }

  /** {@return the largest response body read} Default: {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Evaluates {@code promql} at {@code time} (sent in Unix seconds to the millisecond, Prometheus'
   * precision) and returns the result vector.
   *
   * @param promql the PromQL expression, not blank
   * @param time the evaluation time
   * @return the samples of the instant vector, in Prometheus' order
   * @throws HpaValidationException when {@code promql} is blank or {@code time} is beyond the range of
   *     Unix milliseconds (about 292 million years either side of 1970)
   * @throws PrometheusException.Unreachable when the host is unknown or refuses the connection
   * @throws PrometheusException.Timeout when the whole answer does not arrive within the timeout
   * @throws PrometheusException.TooLarge when the body is larger than {@link #maxResponseBytes()}
   * @throws PrometheusException.QueryError when Prometheus rejects or fails the query
   * @throws PrometheusException.EmptyResult when the query matches no series
   * @throws PrometheusException.BadResponse when the answer is not a Prometheus vector result
   */
  public QueryResult query(String promql, Instant time) {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(time, "time");
    if (promql.isBlank()) {
      throw new HpaValidationException("promql must not be blank (was \"" + promql + "\")");
    }
    String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
        + "&time=" + unixSeconds("time", time);
    return parse(post(queryUri, form), promql, time);
  }

  /**
   * Evaluates {@code promql} over {@code [start, end]} every {@code step} ({@code POST /api/v1/query_range})
   * and returns the result matrix: one series per label set, with its points (a point is missing where the
   * expression had no value). Prometheus refuses more than {@link RangeResult#MAX_POINTS_PER_SERIES} points
   * per series; this is checked before the request.
   *
   * @param promql the PromQL expression, not blank
   * @param start the range's start
   * @param end the range's end, at or after {@code start}
   * @param step the resolution, above 0, in whole milliseconds
   * @return the series of the range matrix, each with its points
   * @throws HpaValidationException when {@code promql} is blank, {@code step} is not positive (or not whole
   *     milliseconds), {@code end} is before {@code start}, or the range needs more than 11,000 points
   * @throws PrometheusException.Unreachable when the server does not answer within the timeout
   * @throws PrometheusException.QueryError when Prometheus rejects or fails the query
   * @throws PrometheusException.EmptyResult when the query matches no series in the range
   * @throws PrometheusException.BadResponse when the answer is not a Prometheus matrix result
   */
  public RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(step, "step");
    if (promql.isBlank()) {
      throw new HpaValidationException("promql must not be blank (was \"" + promql + "\")");
    }
    if (step.isNegative() || step.isZero() || step.getNano() % 1_000_000 != 0) {
      throw new HpaValidationException("step must be a positive whole number of milliseconds (was " + step + ")");
    }
    String from = unixSeconds("start", start);
    String to = unixSeconds("end", end);
    if (end.isBefore(start)) {
      throw new HpaValidationException("end must not be before start " + start + " (was " + end + ")");
    }
    long points = Duration.between(start, end).toMillis() / step.toMillis() + 1;
    if (points > RangeResult.MAX_POINTS_PER_SERIES) {
      throw new HpaValidationException("step must give at most 11000 points per series over " + start + ".." + end
          + ", Prometheus' limit (was " + step + ": " + points + " points); use a step of at least "
          + Duration.ofMillis((Duration.between(start, end).toMillis() + 10_998) / 10_999));
    }
    String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start=" + from + "&end=" + to
        + "&step=" + BigDecimal.valueOf(step.toMillis(), 3).stripTrailingZeros().toPlainString();
    return RangeResults.parse(post(rangeUri, form), promql, start, end, step, this);
  }

  private HttpResponse<String> post(URI uri, String form) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .build();
    return send(request);
  }

  /**
   * Sends a request and returns its answer within the one deadline: connecting, headers and body. The body is
   * read as it arrives and refused once it passes {@link #maxResponseBytes()}.
   */
  private HttpResponse<String> send(HttpRequest request) {
    URI endpoint = request.uri();
    CappedBody body = new CappedBody(maxResponseBytes);
    // the HttpClient resolves the host name on the calling thread: started elsewhere, the deadline covers DNS too
    CompletableFuture<HttpResponse<String>> answer = CompletableFuture
        .supplyAsync(() -> http.sendAsync(request, body), CONNECTING).thenCompose(sent -> sent);
    try {
      return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      body.abort();
      answer.cancel(true);
      throw new PrometheusException.Timeout(endpoint, "no complete answer (connection, headers and body) within "
          + timeout, e);
    } catch (InterruptedException e) {
      body.abort();
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new PrometheusException.Unreachable(endpoint, "interrupted while waiting for the answer", e);
    } catch (ExecutionException e) {
      throw failure(endpoint, e.getCause());
    }
  }

  PrometheusException failure(URI endpoint, Throwable cause) {
    if (cause instanceof CappedBody.TooLarge) {
      return new PrometheusException.TooLarge(endpoint, maxResponseBytes, cause);
    }
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return new PrometheusException.Unreachable(endpoint, "unknown host " + endpoint.getHost()
            + " (the DNS lookup found no address)", cause);
      }
    }
    if (cause instanceof ConnectException) {
      return new PrometheusException.Unreachable(endpoint, "connection refused", cause);
    }
    if (cause instanceof IOException) {
      return new PrometheusException.Unreachable(endpoint, describe((IOException) cause), cause);
    }
    return new PrometheusException.Unreachable(endpoint, String.valueOf(cause), cause);
  }

  private QueryResult parse(HttpResponse<String> response, String promql, Instant time) {
    String body = response.body();
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw notPrometheus(response, e);
    }
    if (root == null || !root.isObject() || !root.path("status").isTextual()) {
      throw notPrometheus(response, null);
    }
    if ("error".equals(root.get("status").asText())) {
      throw new PrometheusException.QueryError(response.statusCode(),
          root.path("errorType").asText("unknown"), root.path("error").asText(""), promql);
    }
    JsonNode data = root.path("data");
    String resultType = data.path("resultType").asText("");
    if (!"vector".equals(resultType)) {
      throw new PrometheusException.BadResponse("prometheus at " + queryUri + " returned a " + quoted(resultType)
          + " result, but prometheus-adapter needs a vector for custom metrics; query: " + promql, null);
    }
    JsonNode result = data.path("result");
    if (!result.isArray()) {
      throw notPrometheus(response, null);
    }
    if (result.isEmpty()) {
      throw new PrometheusException.EmptyResult(emptyMessage(promql, time), promql, time);
    }
    List<QuerySample> samples = new ArrayList<>(result.size());
    for (JsonNode sample : result) {
      samples.add(sample(sample, response));
    }
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    return QueryResult.of(promql, time, samples, warnings);
  }

  private QuerySample sample(JsonNode sample, HttpResponse<String> response) {
    JsonNode metric = sample.path("metric");
    JsonNode value = sample.path("value");
    if (!metric.isObject() || !value.isArray() || value.size() != 2 || !value.get(0).isNumber()
        || !value.get(1).isTextual()) {
      throw notPrometheus(response, null);
    }
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<String, JsonNode> label : metric.properties()) {
      labels.put(label.getKey(), label.getValue().asText());
    }
    return QuerySample.of(labels, sampleValue(value.get(1).asText(), response), timestamp(value.get(0), response));
  }

  /** A sample's Unix seconds as an instant, to the millisecond; out of range is a bad response. */
  private Instant timestamp(JsonNode seconds, HttpResponse<String> response) {
    BigDecimal value = seconds.decimalValue();
    if (value.abs().compareTo(MAX_UNIX_SECONDS) > 0) {
      throw new PrometheusException.BadResponse("prometheus at " + queryUri + " answered a sample timestamp out"
          + " of range: " + seconds + " (check the base URI)", null);
    }
    return Instant.ofEpochMilli(value.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  /** Prometheus writes sample values as Go's strconv.FormatFloat does: "+Inf", "-Inf", "NaN" or a number. */
  double sampleValue(String text, HttpResponse<String> response) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw notPrometheus(response, e);
        }
    }
  }

  PrometheusException.BadResponse notPrometheus(HttpResponse<String> response, Throwable cause) {
    String body = response.body();
    String excerpt = body.length() > BODY_EXCERPT ? body.substring(0, BODY_EXCERPT) + "..." : body;
    return new PrometheusException.BadResponse("prometheus at " + queryUri + " answered HTTP "
        + response.statusCode() + " with a body that is not a Prometheus query result (check the base URI): "
        + quoted(excerpt.strip()), cause);
  }

  /** The causes the Seldon docs give for an empty result, with the query's own windows when it has any. */
  static String emptyMessage(String promql, Instant time) {
    Set<String> windows = new LinkedHashSet<>();
    Matcher m = RANGE.matcher(promql);
    while (m.find()) {
      windows.add("[" + m.group(1) + "]");
    }
    String window = windows.isEmpty()
        ? "a rate window shorter than two scrape intervals"
        : "a rate window shorter than two scrape intervals: this query uses " + String.join(", ", windows);
    return "prometheus returned no samples for the query at " + time + "; likely causes: "
        + "(1) no inference traffic yet: Seldon creates its series on the first inference request, so send"
        + " some requests and wait at least two scrape intervals; "
        + "(2) " + window + ", and a rate needs two samples inside the window (Seldon's PodMonitors scrape"
        + " every 15s, so use at least [30s]; the Seldon docs use [2m]); "
        + "(3) label matchers or namespace that match no series: check the model, server, pod and namespace"
        + " names and the metric selector labels; "
        + "query: " + promql;
  }

  private static String unixSeconds(String field, Instant time) {
    if (time.getEpochSecond() > MAX_UNIX_SECONDS.longValue() || time.getEpochSecond() < -MAX_UNIX_SECONDS.longValue()) {
      throw new HpaValidationException(field + " must be within " + MAX_UNIX_SECONDS + " seconds of 1970"
          + " (was " + time + ")");
    }
    return BigDecimal.valueOf(time.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getName()
        : message + " (" + e.getClass().getName() + ")";
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }
}
