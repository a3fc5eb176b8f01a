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
    assertThat(both.code).isEqualTo(2);
    assertThat(both.err).startsWith("seldon-hpa explain: Error: --hpa=FILE and [--metric=NAME --object=KIND/NAME -n=NS")
        .contains("are mutually exclusive");
    Cli kind = Cli.run("explain", "--adapter-config", ADAPTER, "--metric", "m", "--object", "Widget/x", "-n", "ns");
    assertThat(kind.code).isEqualTo(2);
    assertThat(kind.err).isEqualTo("seldon-hpa explain: --object must be KIND/NAME with KIND one of Model, Server,"
        + " Pipeline, Experiment, Pod, Service, Namespace, Deployment, StatefulSet, ReplicaSet (was \"Widget/x\")"
        + " (see seldon-hpa explain --help)\n");
    Cli notAdapter = Cli.run("explain", "--adapter-config", HPAS, "--hpa", HPAS);
    assertThat(notAdapter.code).isEqualTo(2);
    assertThat(notAdapter.err).isEqualTo("seldon-hpa explain: " + HPAS + " holds no adapter config: a ConfigMap with"
        + " data.\"config.yaml\", a bare config.yaml or the adapter chart's values\n");
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
