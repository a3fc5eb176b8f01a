package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The read API in plain Java: the tree's values as the reader resolved them, read-only; the envelope as strings. */
class ManifestTreeTest {
  private static final ManifestReader READER = ManifestReader.create();

  // Seldon's docs/source/contents/kubernetes/autoscaling HPA, with scalars of every kind the reader resolves
  private static final String HPA = """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: irisa0-model-hpa
        namespace: seldon-mesh
        labels: {app.kubernetes.io/name: irisa0, tier: "3"}
      spec:
        scaleTargetRef:
          apiVersion: mlops.seldon.io/v1alpha1
          kind: Model
          name: irisa0
        minReplicas: 1
        maxReplicas: 0o17
        metrics:
        - type: Object
          object:
            metric:
              name: infer_rps
            describedObject:
              apiVersion: mlops.seldon.io/v1alpha1
              kind: Model
              name: irisa0
            target:
              type: AverageValue
              averageValue: 3
      x-scalars:
        float: 1.50
        exponent: 1e3
        tagged: !!float 2
        uint64: 18446744073709551615
        int64: -9223372036854775808
        quoted: "3"
        hex: 0x1F
        time: 1:30
        flag: y
        nothing: ~
        empty: []
        emptyMap: {}
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  @Test
  void theEnvelopeIsPlainStrings() {
    Manifest m = READER.read("hpa.yaml", HPA).get(0);
    assertThat(m.kind()).isEqualTo("HorizontalPodAutoscaler");
    assertThat(m.kind().equals("HorizontalPodAutoscaler")).isTrue();
    assertThat(m.apiVersion()).isEqualTo("autoscaling/v2");
    assertThat(m.name()).isEqualTo("irisa0-model-hpa");
    assertThat(m.namespace()).hasValue("seldon-mesh");
    assertThat(m.item()).isEmpty();
  }

  @Test
  void absentFieldsAreEmptyStrings() {
    // a bare prometheus-adapter config.yaml: no kind, no apiVersion, no metadata
    Manifest config = READER.read("config.yaml", "rules:\n- seriesQuery: up\n").get(0);
    assertThat(config.kind()).isEmpty();
    assertThat(config.apiVersion()).isEmpty();
    assertThat(config.name()).isEmpty();
    assertThat(config.namespace()).isEmpty();
    assertThat(config.toString()).isEqualTo("(no kind) (no name) (config.yaml, document 1)");
    // written empty is the same as absent, to the API server as here
    Manifest empty = READER.read("kind: \"\"\nmetadata: {name: \"\", namespace: \"\"}\n").get(0);
    assertThat(empty.kind()).isEmpty();
    assertThat(empty.name()).isEmpty();
    assertThat(empty.namespace()).isEmpty();
  }

  @Test
  void itemsOfAListKnowTheirIndexAndHaveTheirOwnTree() {
    List<Manifest> read = READER.read("list.yaml", """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: {k: v}}
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
        """);
    assertThat(read).extracting(Manifest::item).containsExactly(OptionalInt.of(0), OptionalInt.of(1));
    assertThat(read.get(0).tree()).isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Map.of("name", "a"), "data", Map.of("k", "v")));
  }

  @Test
  void mappingsKeepTheOrderWritten() {
    Map<String, Object> tree = READER.read(HPA).get(0).tree();
    assertThat(tree.keySet()).containsExactly("apiVersion", "kind", "metadata", "spec", "x-scalars");
    assertThat(map(tree.get("spec")).keySet()).containsExactly("scaleTargetRef", "minReplicas", "maxReplicas",
        "metrics");
    assertThat(tree.get("metadata").toString()).isEqualTo(
        "{name=irisa0-model-hpa, namespace=seldon-mesh, labels={app.kubernetes.io/name=irisa0, tier=3}}");
  }

  @Test
  void scalarsAreTheValuesTheReaderResolved() {
    Map<String, Object> x = map(READER.read(HPA).get(0).tree().get("x-scalars"));
    assertThat(x.toString()).isEqualTo("{float=1.5, exponent=1000.0, tagged=2.0, uint64=18446744073709551615,"
        + " int64=-9223372036854775808, quoted=3, hex=31, time=1:30, flag=true, nothing=null, empty=[],"
        + " emptyMap={}}");
    assertThat(x.get("float")).isEqualTo(1.5);
    assertThat(x.get("exponent")).isEqualTo(1000.0);
    assertThat(x.get("tagged")).isEqualTo(2.0);
    assertThat(x.get("uint64")).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(x.get("int64")).isEqualTo(Long.MIN_VALUE);
    assertThat(x.get("quoted")).isEqualTo("3");
    assertThat(x.get("hex")).isEqualTo(31L);
    assertThat(x.get("time")).isEqualTo("1:30");
    assertThat(x.get("flag")).isEqualTo(Boolean.TRUE);
    assertThat(x).containsEntry("nothing", null);
    assertThat(x.get("empty")).isEqualTo(List.of());
    assertThat(x.get("emptyMap")).isEqualTo(Map.of());
  }

  @Test
  void nestedMappingsAndSequences() {
    Map<String, Object> spec = map(READER.read(HPA).get(0).tree().get("spec"));
    assertThat(spec.get("minReplicas")).isEqualTo(1L);
    assertThat(spec.get("maxReplicas")).isEqualTo(15L);
    List<Object> metrics = list(spec.get("metrics"));
    assertThat(metrics).hasSize(1);
    Map<String, Object> object = map(map(metrics.get(0)).get("object"));
    assertThat(object.get("target")).isEqualTo(Map.of("type", "AverageValue", "averageValue", 3L));
    assertThat(object.get("describedObject")).isEqualTo(Map.of("apiVersion", "mlops.seldon.io/v1alpha1",
        "kind", "Model", "name", "irisa0"));
    assertThat(metrics.get(0).hashCode()).isEqualTo(new LinkedHashMap<>(map(metrics.get(0))).hashCode());
    assertThatThrownBy(() -> metrics.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Index 1 out of bounds for length 1");
    assertThat(spec.get(3)).isNull();
    assertThat(spec.containsKey(3)).isFalse();
    assertThat(spec.get("absent")).isNull();
    assertThat(spec.containsKey("absent")).isFalse();
  }

  @Test
  void aliasesAreCopies() {
    Map<String, Object> tree = READER.read("kind: X\na: &t {k: [1, two]}\nb: *t\n").get(0).tree();
    assertThat(tree.get("b")).isEqualTo(tree.get("a")).isEqualTo(Map.of("k", List.of(1L, "two")));
  }

  @Test
  void theTreeRefusesChanges() {
    Manifest m = READER.read(HPA).get(0);
    Map<String, Object> tree = m.tree();
    Map<String, Object> spec = map(tree.get("spec"));
    List<Object> metrics = list(spec.get("metrics"));
    assertThatThrownBy(() -> tree.put("kind", "Y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tree.remove("kind")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(tree::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tree.keySet().remove("kind")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tree.entrySet().iterator().next().setValue("Y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> spec.put("minReplicas", 2L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metrics.add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metrics.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metrics.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    Iterator<Object> it = metrics.iterator();
    it.next();
    assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThat(m.toYaml()).isEqualTo(READER.read(HPA).get(0).toYaml());
  }

  @Test
  void theTreeWritesBackAsTheSameYaml() {
    Manifest m = READER.read(HPA).get(0);
    Manifest again = READER.read(m.toYaml()).get(0);
    assertThat(again.tree()).isEqualTo(m.tree());
    assertThat(again.toYaml()).isEqualTo(m.toYaml());
    assertThat(m.toYaml()).endsWith("""
        x-scalars:
          float: 1.5
          exponent: 1000.0
          tagged: 2.0
          uint64: 18446744073709551615
          int64: -9223372036854775808
          quoted: "3"
          hex: 31
          time: "1:30"
          flag: true
          nothing: null
          empty: []
          emptyMap: {}
        """);
  }
}
