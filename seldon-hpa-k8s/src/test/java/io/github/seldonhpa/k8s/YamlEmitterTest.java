package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlEmitterTest {
  private static String emit(Map<String, ?> doc) {
    StringBuilder out = new StringBuilder();
    YamlEmitter.document(doc, out);
    return out.toString();
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void writesNestedMapsAndListsInKubectlLayout() {
    Map<String, Object> doc = map("spec", map(
        "metrics", List.of(map("type", "Object", "object", map("metric", map("name", "infer_rps")))),
        "requirements", List.of("sklearn"),
        "empty", Map.of(),
        "none", List.of()));
    assertThat(emit(doc)).isEqualTo("""
        spec:
          metrics:
          - type: Object
            object:
              metric:
                name: infer_rps
          requirements:
          - sklearn
          empty: {}
          none: []
        """);
  }

  @Test
  void quotesStringsThatWouldReadAsAnotherTypeOrText() {
    Map<String, Object> doc = map("a", "3", "b", "true", "c", "yes", "d", "", "e", "a: b", "f", "x #y",
        "g", "-x", "h", "1e3", "i", "2026-11-22", "j", "1:30", "k", "null", "l", " pad", "m", "tab\there",
        "url", "gs://seldon-models/testing/iris1", "n", "n", "o", "{__name__=\"x\"}", "p", "0o17", "q", ".inf",
        "r", "._", "s", "1_000", "t", "10.244.0.39:9006", "u", "3M");
    assertThat(emit(doc)).isEqualTo("""
        a: "3"
        b: "true"
        c: "yes"
        d: ""
        e: "a: b"
        f: "x #y"
        g: "-x"
        h: "1e3"
        i: "2026-11-22"
        j: "1:30"
        k: "null"
        l: " pad"
        m: "tab\\there"
        url: gs://seldon-models/testing/iris1
        "n": "n"
        o: "{__name__=\\"x\\"}"
        p: "0o17"
        q: ".inf"
        r: "._"
        s: "1_000"
        t: "10.244.0.39:9006"
        u: 3M
        """);
  }

  @Test
  void writesQuantitiesAsThePlainIntegerOrTheirText() {
    assertThat(emit(map("a", Quantity.parse("3"), "b", Quantity.parse("500m"), "c", Quantity.parse("1e3"),
        "d", Quantity.parse("007")))).isEqualTo("""
        a: 3
        b: 500m
        c: "1e3"
        d: "007"
        """);
  }

  @Test
  void writesMultiLineStringsAsLiteralBlocksWithTheRightChomping() {
    Map<String, Object> doc = map("config.yaml", "rules:\n- a\n", "strip", "x\ny", "keep", "x\n\n\n",
        "indented", "  starts with spaces\n");
    assertThat(emit(map("data", doc))).isEqualTo("""
        data:
          config.yaml: |
            rules:
            - a
          strip: |-
            x
            y
          keep: |+
            x


          indented: "  starts with spaces\\n"
        """);
  }

  @Test
  void escapesControlCharactersInDoubleQuotes() {
    assertThat(emit(map("a", "bell\u0007", "b", "nul\u0000", "c", "cr\r\nlf")))
        .isEqualTo("a: \"bell\\u0007\"\nb: \"nul\\0\"\nc: \"cr\\r\\nlf\"\n");
  }
}
