package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading, writing and reading again keeps every field, unknown ones included, in order. */
class ManifestRoundTripTest {
  private final ManifestReader reader = ManifestReader.create();

  @Test
  void keepsFieldsTheLibraryDoesNotModel() {
    String yaml = """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata:
          name: mlserver
          namespace: seldon-mesh
          annotations:
            argocd.argoproj.io/sync-options: ServerSideApply=true
          labels:
            app.kubernetes.io/part-of: models
        spec:
          serverConfig: mlserver
          podSpec:
            containers:
            - name: mlserver
              resources:
                requests: {cpu: 500m, memory: 2Gi}
              env:
              - name: MLSERVER_PARALLEL_WORKERS
                value: "0"
          capabilities: [sklearn, xgboost]
          x-custom:
            nested: {deep: [1, 2.5, true, null, "yes", "0x10", "2001-12-14"]}
        status:
          replicas: 2
          selector: seldon-server-name=mlserver
        """;
    List<Manifest> read = reader.read("server.yaml", yaml);
    String written = Manifest.toYaml(read);
    List<Manifest> again = reader.read("server.yaml", written);
    assertThat(again).isEqualTo(read);
    assertThat(again.get(0).node().at("/spec/x-custom/nested/deep/4").textValue()).isEqualTo("yes");
    assertThat(again.get(0).node().at("/spec/podSpec/containers/0/env/0/value").textValue()).isEqualTo("0");
    assertThat(written).isEqualTo("""
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata:
          name: mlserver
          namespace: seldon-mesh
          annotations:
            argocd.argoproj.io/sync-options: ServerSideApply=true
          labels:
            app.kubernetes.io/part-of: models
        spec:
          serverConfig: mlserver
          podSpec:
            containers:
            - name: mlserver
              resources:
                requests:
                  cpu: 500m
                  memory: 2Gi
              env:
              - name: MLSERVER_PARALLEL_WORKERS
                value: "0"
          capabilities:
          - sklearn
          - xgboost
          x-custom:
            nested:
              deep:
              - 1
              - 2.5
              - true
              - null
              - "yes"
              - "0x10"
              - "2001-12-14"
        status:
          replicas: 2
          selector: seldon-server-name=mlserver
        """);
  }

  @Test
  void keepsTheAdapterConfigText() {
    List<Manifest> read = SeedManifestsTest.read("002-single-model-serving.yaml");
    Manifest configMap = read.get(0);
    String text = configMap.node().at("/data/config.yaml").textValue();
    Manifest again = reader.read(configMap.toYaml()).get(0);
    assertThat(again.node().at("/data/config.yaml").textValue()).isEqualTo(text);
    assertThat(text).startsWith("\"rules\":\n-\n  \"seriesQuery\": |\n").endsWith("      )\n    )");
  }

  @Test
  void treesAreReadOnly() {
    Manifest m = reader.read("kind: X\nmetadata: {name: a}\n").get(0);
    assertThatThrownBy(() -> m.tree().put("kind", "Y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(m.kind()).isEqualTo("X");
  }
}
