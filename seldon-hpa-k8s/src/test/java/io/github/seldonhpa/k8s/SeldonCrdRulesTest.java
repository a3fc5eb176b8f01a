package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Seldon CRD rule lint checks: the object just inside gives no finding, just outside the exact one. */
class SeldonCrdRulesTest {
  static final String MODEL = """
      apiVersion: mlops.seldon.io/v1alpha1
      kind: Model
      metadata:
        name: iris
        namespace: seldon-mesh
      spec:
        storageUri: gs://seldon-models/scv2/samples/mlserver_1.3.5/iris-sklearn
        requirements:
        - sklearn
        memory: 100Ki
        replicas: 1
      """;
  static final String SERVER = """
      apiVersion: mlops.seldon.io/v1alpha1
      kind: Server
      metadata:
        name: mlserver
        namespace: seldon-mesh
      spec:
        serverConfig: mlserver
        replicas: 1
        podSpec:
          containers:
          - name: mlserver
      """;

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("Model storageUri required", MODEL, MODEL.replaceAll("  storageUri: .*\n", ""),
            "SHPA033 spec.storageUri: spec.storageUri must be set: the Model CRD requires it (was unset)"),
        Arguments.of("Model replicas an integer", MODEL.replace("replicas: 1", "replicas: 2147483647"),
            MODEL.replace("replicas: 1", "replicas: 2147483648"),
            "SHPA033 spec.replicas: spec.replicas must be an integer (was 2147483648)"),
        Arguments.of("Model requirements a list", MODEL, MODEL.replace("requirements:\n  - sklearn", "requirements: sklearn"),
            "SHPA033 spec.requirements: spec.requirements must be a sequence (was \"sklearn\")"),
        Arguments.of("Model memory an int or a string", MODEL.replace("memory: 100Ki", "memory: 102400"),
            MODEL.replace("memory: 100Ki", "memory: [100Ki]"),
            "SHPA033 spec.memory: spec.memory must be an integer or a string (was [\"100Ki\"])"),
        Arguments.of("Model dedicated a boolean", MODEL + "  dedicated: true\n", MODEL + "  dedicated: \"yes\"\n",
            "SHPA033 spec.dedicated: spec.dedicated must be true or false (was \"yes\")"),
        Arguments.of("Model null values are pruned, unknown fields refused", MODEL + "  explainer: null\n",
            MODEL + "  explainers: null\n", "SHPA033 spec.explainers: spec.explainers is not a field of the Model CRD:"
            + " kubectl apply refuses it (strict field validation) and the API server would drop it (was unset)"),
        Arguments.of("Model name", MODEL.replace("name: iris", "name: iris-2.a"), MODEL.replace("name: iris",
            "name: iris_2"), "SHPA033 metadata.name: metadata.name must be a DNS-1123 subdomain: lower-case letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (was"
            + " \"iris_2\")"),
        Arguments.of("Server serverConfig required", SERVER, SERVER.replace("  serverConfig: mlserver\n", ""),
            "SHPA033 spec.serverConfig: spec.serverConfig must be set: the Server CRD requires it (was unset)"),
        Arguments.of("Server podSpec a mapping", SERVER.replace("  podSpec:\n    containers:\n    - name: mlserver\n",
            "  podSpec: null\n"), SERVER.replace("  podSpec:\n    containers:\n    - name: mlserver\n",
            "  podSpec: []\n"), "SHPA033 spec.podSpec: spec.podSpec must be a mapping (was [])"),
        Arguments.of("Server namespace", SERVER, SERVER.replace("namespace: seldon-mesh", "namespace: Seldon"),
            "SHPA033 metadata.namespace: metadata.namespace must be a DNS-1123 label: lower-case letters, digits"
            + " and '-', starting and ending with a letter or digit, at most 63 characters (was \"Seldon\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void justInsideIsAcceptedJustOutsideIsTheFinding(String name, String inside, String outside, String finding) {
    assertThat(lint(inside)).as("inside").isEmpty();
    assertThat(lint(outside)).as("outside").containsExactly(finding);
  }

  private static List<String> lint(String yaml) {
    return Lint.check(ManifestReader.create().read("crd.yaml", yaml), LintFacts.defaults()).stream()
        .map(f -> f.code().id() + " " + f.path() + ": " + f.message()).collect(Collectors.toList());
  }
}
