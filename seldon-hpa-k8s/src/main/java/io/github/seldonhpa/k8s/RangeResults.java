package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a {@code query_range} answer into a {@link RangeResult}. */
final class RangeResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RangeResults() {}

  static RangeResult parse(HttpResponse<String> response, String promql, Instant start, Instant end, Duration step,
      PrometheusClient client) {
    JsonNode root;
    try {
      root = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw client.notPrometheus(response, e);
    }
    if (root == null || !root.isObject() || !root.path("status").isTextual()) {
      throw client.notPrometheus(response, null);
    }
    if ("error".equals(root.get("status").asText())) {
      throw new PrometheusException.QueryError(response.statusCode(), root.path("errorType").asText("unknown"),
          root.path("error").asText(""), promql);
    }
    JsonNode data = root.path("data");
    if (!"matrix".equals(data.path("resultType").asText(""))) {
      throw new PrometheusException.BadResponse("prometheus at " + client.baseUri() + " returned a \""
          + data.path("resultType").asText("") + "\" result to a range query, not a matrix; query: " + promql, null);
    }
    JsonNode result = data.path("result");
    if (!result.isArray()) {
      throw client.notPrometheus(response, null);
    }
    if (result.isEmpty()) {
      throw new PrometheusException.EmptyResult(PrometheusClient.emptyMessage(promql, start)
          .replace("for the query at " + start, "for the query over " + start + ".." + end), promql, start);
    }
    List<RangeSeries> series = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      JsonNode metric = s.path("metric");
      JsonNode values = s.path("values");
      if (!metric.isObject() || !values.isArray()) {
        throw client.notPrometheus(response, null);
      }
      Map<String, String> labels = new TreeMap<>();
      for (Map.Entry<String, JsonNode> label : metric.properties()) {
        labels.put(label.getKey(), label.getValue().asText());
      }
      long[] times = new long[values.size()];
      double[] vs = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        JsonNode p = values.get(i);
        if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isTextual()) {
          throw client.notPrometheus(response, null);
        }
        try {
          times[i] = p.get(0).decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
          throw client.notPrometheus(response, e);
        }
        vs[i] = client.sampleValue(p.get(1).asText(), response);
      }
      series.add(new RangeSeries(labels, times, vs));
    }
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    return new RangeResult(promql, start, end, step, series, warnings);
  }
}
