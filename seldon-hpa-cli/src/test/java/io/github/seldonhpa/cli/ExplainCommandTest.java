package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.seldonhpa.k8s.testing.Golden;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  private static final String ADAPTER = "src/test/resources/cli/seeds/prometheus-adapter-configmap-2m.yaml";
  private static final String VALUES = "src/test/resources/cli/adapter/values.yaml";
  private static final String HPAS = "src/test/resources/cli/seeds/single-model-serving-hpas.yaml";
  private static final String ALL_KINDS = "src/test/resources/cli/adapter/values-all-kinds.yaml";
  private static final String SERVER_HPA = "src/test/resources/cli/server-hpa-all-kinds.yaml";
  private static final String QUERY = "sum by (model) (\n  rate (\n    seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n)";

  @Test
  void explainsEveryMetricOfTheHpas() {
    Cli r = Cli.run("explain", "--adapter-config", ADAPTER, "--hpa", HPAS);
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("explain/hpas.txt", r.out);
    assertThat(r.out).contains("  api path: /apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps\n")
        .contains("  check:    kubectl get --raw /apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps\n");
  }

  @Test
  void explainsOneMetricOfOneObjectFromTheChartValues() {
    Cli r = Cli.run("explain", "--adapter-config", VALUES, "--metric", "infer_rps", "--object", "Model/irisa0",
        "-n", "seldon-mesh", "--selector", "method_type=rest");
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("explain/metric.txt", r.out);
    assertThat(r.out).contains("seldon_model_infer_total{method_type=\"rest\",namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]");
  }

  @Test
  void anUnservedMetricExitsOne() {
    Cli r = Cli.run("explain", "--adapter-config", ADAPTER, "--metric", "infer_rpm", "--object", "Model/irisa0",
        "-n", "seldon-mesh");
    assertThat(r.code).isEqualTo(1);
    Golden.assertMatches("explain/unserved.txt", r.out);
    assertThat(r.out).contains("  served:   no\n");
  }

  @Test
  void badUsage() {
    Cli both = Cli.run("explain", "--adapter-config", ADAPTER, "--hpa", HPAS, "--metric", "m", "--object", "Model/x", "-n", "ns");
    assertThat(both.code).as(both.toString()).isEqualTo(2);
    assertThat(both.err).as(both.toString()).startsWith("seldon-hpa explain: Error: --hpa=FILE and [--metric=NAME"
        + " [--object=KIND/NAME] [--external] -n=NS")
        .contains("are mutually exclusive");
    Cli kind = Cli.run("explain", "--adapter-config", ADAPTER, "--metric", "m", "--object", "Widget/x", "-n", "ns");
    assertThat(kind.code).isEqualTo(2);
    assertThat(kind.err).isEqualTo("seldon-hpa explain: --object must be KIND/NAME with KIND one of Model, Server,"
        + " Pipeline, Experiment, Pod, Service, Namespace, Deployment, StatefulSet, ReplicaSet (was \"Widget/x\")"
        + " (see seldon-hpa explain --help)\n");
    Cli negative = Cli.run("explain", "--adapter-config", ADAPTER, "--hpa", HPAS, "--current", "-1");
    assertThat(negative.code).isEqualTo(2);
    assertThat(negative.err).isEqualTo("seldon-hpa explain: --current must be >= 0 (was -1) (see seldon-hpa explain --help)\n");
    Cli notAdapter = Cli.run("explain", "--adapter-config", HPAS, "--hpa", HPAS);
    assertThat(notAdapter.code).isEqualTo(2);
    assertThat(notAdapter.err).isEqualTo("seldon-hpa explain: " + HPAS + " holds no adapter config: a ConfigMap with"
        + " data.\"config.yaml\", a bare config.yaml or the adapter chart's values\n");
  }

  @Test
  void explainsPodsExternalAndResourceMetricsOfAServerHpa() {
    Cli r = Cli.run("explain", "--adapter-config", ALL_KINDS, "--hpa", SERVER_HPA);
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("explain/server-all-kinds.txt", r.out);
    // a Seldon Server's pods: its StatefulSet's mlserver-0 and mlserver-1 at minReplicas 2
    assertThat(r.out).contains("  pods:     seldon-mesh/mlserver-0,mlserver-1 (seldon-server-name=mlserver)\n")
        .contains("sum by (pod) (rate(seldon_model_infer_total{namespace=\"seldon-mesh\",pod=~\"mlserver-0|mlserver-1\"}[2m]))")
        .contains("  check:    kubectl get --raw '/apis/external.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/"
            + "model_infer_rps?labelSelector=model%3Dirisa0'\n")
        .contains("sum(rate(seldon_model_infer_total{model=\"irisa0\",namespace=\"seldon-mesh\"}[2m]))")
        .contains("  api path: /apis/metrics.k8s.io/v1beta1/namespaces/seldon-mesh/pods?labelSelector=seldon-server-name%3Dmlserver\n");
    Cli given = Cli.run("explain", "--adapter-config", ALL_KINDS, "--hpa", SERVER_HPA,
        "--pod-selector", "app=mlserver", "--pods", "a,b,c");
    assertThat(given.code).as(given.toString()).isZero();
    assertThat(given.out).contains("  pods:     seldon-mesh/a,b,c (app=mlserver)\n")
        .contains("pod=~\"a|b|c\"").doesNotContain("mlserver-0");
  }

  @Test
  void resourceMetricsWithoutResourceRulesAreServedElsewhere() {
    Cli r = Cli.run("explain", "--adapter-config", VALUES, "--hpa", SERVER_HPA);
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("spec.metrics[2]: Resource metric memory\n  not explained: the adapter config has no"
        + " resourceRules, so another server (such as metrics-server) serves metrics.k8s.io\n")
        .contains("  reason:   no external rule registers metric model_infer_rps from the known series\n");
  }

  @Test
  void podsMetricsOfAModelHpaAreRefused() {
    Cli r = Cli.run("explain", "--adapter-config", ALL_KINDS, "--hpa", "src/test/resources/cli/model-hpa-pods.yaml");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.err).isEqualTo("seldon-hpa explain: metrics[0] must not be a Pods metric on a Model HPA: it is"
        + " measured on the pods of the target's selector, and a Seldon Model's selector matches no pods; put it on"
        + " the Server HPA (was Pods infer_rps)\n");
  }

  @Test
  void explainsOneExternalMetric() {
    Cli r = Cli.run("explain", "--adapter-config", ALL_KINDS, "--metric", "model_infer_rps", "--external",
        "-n", "seldon-mesh", "--selector", "model=irisa0");
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("explain/external.txt", r.out);
  }

  @Test
  void explainsOnePodsMetric() {
    Cli r = Cli.run("explain", "--adapter-config", ALL_KINDS, "--metric", "infer_rps", "-n", "seldon-mesh",
        "--pod-selector", "seldon-server-name=mlserver", "--pods", "mlserver-0,mlserver-1", "--selector", "method_type=rest");
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("explain/pods.txt", r.out);
    Cli none = Cli.run("explain", "--adapter-config", ALL_KINDS, "--metric", "infer_rps", "-n", "seldon-mesh");
    assertThat(none.code).isEqualTo(2);
    assertThat(none.err).isEqualTo("seldon-hpa explain: --metric needs --object KIND/NAME (an Object metric), --external"
        + " (an External metric) or --pod-selector and --pods (a Pods metric) (see seldon-hpa explain --help)\n");
    Cli both = Cli.run("explain", "--adapter-config", ALL_KINDS, "--metric", "m", "--external", "--object", "Model/x",
        "-n", "ns");
    assertThat(both.code).isEqualTo(2);
    assertThat(both.err).isEqualTo("seldon-hpa explain: --object (an Object metric) and --external (an External metric)"
        + " are mutually exclusive (see seldon-hpa explain --help)\n");
  }

  /** A fake Prometheus on 127.0.0.1 answering each query with the body {@code answer} gives for it. */
  private static HttpServer prometheus(List<String> queries, java.util.function.Function<String, String> answer)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/query", exchange -> {
      String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      queries.add(form);
      byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          + answer.apply(form) + "]}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static String sample(String labels, String value) {
    return "{\"metric\":{" + labels + "},\"value\":[1796655600,\"" + value + "\"]}";
  }

  @Test
  void runsPodsExternalAndResourceQueriesAndDecidesTheReplicas() throws IOException {
    List<String> queries = new ArrayList<>();
    HttpServer server = prometheus(queries, q -> {
      if (q.contains("container_memory_working_set_bytes")) {
        // two containers of mlserver-0, one of mlserver-1: 1.5Gi and 1Gi a pod
        return sample("\"pod\":\"mlserver-0\",\"container\":\"mlserver\"", "1073741824") + ","
            + sample("\"pod\":\"mlserver-0\",\"container\":\"agent\"", "536870912") + ","
            + sample("\"pod\":\"mlserver-1\",\"container\":\"mlserver\"", "1073741824");
      }
      if (q.contains("container_cpu_usage_seconds_total")) {
        return sample("\"pod\":\"mlserver-0\",\"container\":\"mlserver\"", "0.25") + ","
            + sample("\"pod\":\"mlserver-1\",\"container\":\"mlserver\"", "0.5");
      }
      if (q.contains("by (pod)")) {
        return sample("\"pod\":\"mlserver-0\"", "7.5") + "," + sample("\"pod\":\"mlserver-1\"", "2.0001");
      }
      return sample("", "13");
    });
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Cli r = Cli.run("explain", "--adapter-config", ALL_KINDS, "--hpa", SERVER_HPA, "--prometheus", url,
          "--time", "1796655600");
      assertThat(r.code).as(r.toString()).isZero();
      assertThat(queries).hasSize(4).allSatisfy(q -> assertThat(q).endsWith("&time=1796655600"));
      Golden.assertMatches("explain/server-all-kinds-prometheus.txt", r.out);
      // Pods: 7500m and 2001m (2.0001 rounded up), (7500 + 2001) / 2 = 4750m in integer milli-units;
      // 4750m / 3 over 2 pods wants ceil(3.17) = 4
      assertThat(r.out).contains("  value:    4750m at 2026-12-07T15:00:00Z (the average of mlserver-0 7500m, mlserver-1 2001m)\n")
          .contains("  infer_rps: 4 replicas")
          // External AverageValue: 13 / 4 = ceil(3.25) = 4
          .contains("  value:    13 at 2026-12-07T15:00:00Z (the sum of 1 series)\n")
          .contains("  model_infer_rps: 4 replicas")
          // memory: (1.5Gi + 1Gi) / 2 = 1.25Gi over 2Gi wants ceil(1.25) = 2
          .contains("  value:    1342177280 at 2026-12-07T15:00:00Z (the average of mlserver-0 1610612736, mlserver-1 1073741824)\n")
          .contains("  memory: 2 replicas")
          .contains("  value:    mlserver-0 250m, mlserver-1 500m at 2026-12-07T15:00:00Z (utilization needs the pods'"
              + " requests: not decided)\n")
          .contains("Desired replicas:      4 (rescaled)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void runsTheQueryAndDecidesTheReplicas() throws IOException {
    List<String> queries = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/query", exchange -> {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      queries.add(form);
      byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
          + "{\"model\":\"irisa0\"},\"value\":[1796655600,\"7.5\"]}]}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Cli r = Cli.run("explain", "--adapter-config", ADAPTER, "--hpa", "src/test/resources/cli/seeds/single-model-serving-hpas.yaml",
          "--prometheus", url, "--time", "1796655600", "--current", "1");
      assertThat(r.code).as(r.toString()).isZero();
      assertThat(queries).hasSize(2).allSatisfy(q -> {
        assertThat(URLDecoder.decode(q, StandardCharsets.UTF_8)).isEqualTo("query=" + QUERY + "&time=1796655600");
      });
      assertThat(r.out).contains("  value:    7500m at 2026-12-07T15:00:00Z ({model=irisa0})\n")
          // 7.5 rps at 3 per replica wants ceil(2.5) = 3 replicas
          .contains("  infer_rps: 3 replicas").contains("Desired replicas:      3 (rescaled)");
      Cli bad = Cli.run("explain", "--adapter-config", ADAPTER, "--hpa", HPAS, "--prometheus", url, "--time", "yesterday");
      assertThat(bad.code).isEqualTo(2);
      assertThat(bad.err).isEqualTo("seldon-hpa explain: --time must be RFC 3339 (2026-12-07T15:00:00Z) or Unix seconds"
          + " (was \"yesterday\") (see seldon-hpa explain --help)\n");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachablePrometheusIsOneLine() {
    Cli r = Cli.run("explain", "--adapter-config", ADAPTER, "--hpa", HPAS, "--prometheus", "http://127.0.0.1:9");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).startsWith("seldon-hpa explain: ").contains("127.0.0.1:9");
    assertThat(r.err.lines().count()).isEqualTo(1);
  }
}
