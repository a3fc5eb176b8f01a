package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.keda;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per KEDA check: the code, the path and the exact message of its finding. */
class KedaLintTest {
  private static final String SEEDS_PAIR = KedaManifests.yaml(KedaManifestsTest.seedsPair(),
      keda(KedaManifestsTest.PROMETHEUS).build(), KedaManifestsTest.SEEDS_ADAPTER);

  private static final String MODEL = """
      apiVersion: mlops.seldon.io/v1alpha1
      kind: Model
      metadata:
        name: irisa0
        namespace: seldon-mesh
      spec:
        storageUri: gs://seldon-models/testing/iris1
        requirements:
        - sklearn
        memory: 3M
        replicas: 1
      """;

  private static List<Finding> lint(String... docs) {
    return Lint.check(ManifestReader.create().read(String.join("---\n", docs)), LintFacts.defaults());
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(f -> f.code().id() + " " + f.path()).collect(Collectors.toList());
  }

  private static Finding only(List<Finding> findings, LintCode code) {
    List<Finding> of = findings.stream().filter(f -> f.code() == code).collect(Collectors.toList());
    assertThat(of).as(findings.toString()).hasSize(1);
    return of.get(0);
  }

  @Test
  void theRenderedSeedsPairAndItsModelAreClean() {
    assertThat(lint(MODEL, SEEDS_PAIR)).isEmpty();
  }

  @Test
  void aScaledObjectOnADeploymentIsNotSeldonsBusiness() {
    assertThat(lint("""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: web
        spec:
          scaleTargetRef:
            name: web
          triggers:
          - type: prometheus
            metadata:
              serverAddress: http://prometheus:9090
              query: sum(rate(http_requests_total{deployment="web"}[2m]))
              threshold: "100"
        """)).isEmpty();
  }

  @Test
  void aScaledObjectAndAnHpaOnOneModel() {
    String hpa = LintTest.hpa("irisa0-model-hpa", "Model", "irisa0", "irisa0", "");
    Finding f = only(lint(MODEL, SEEDS_PAIR, hpa), LintCode.KEDA_SCALED_OBJECT_AND_HPA);
    assertThat(f.object()).isEqualTo("ScaledObject seldon-mesh/irisa0-model");
    assertThat(f.path()).isEqualTo("spec.scaleTargetRef");
    assertThat(f.message()).isEqualTo("the Model irisa0 is already managed by the HPA irisa0-model-hpa: KEDA refuses"
        + " the ScaledObject, and two autoscalers would fight over spec.replicas");
    // KEDA's own HPA, as a cluster dump holds it, is no conflict
    String generated = LintTest.hpa("keda-hpa-irisa0-model", "Model", "irisa0", "irisa0", "");
    assertThat(codes(lint(MODEL, SEEDS_PAIR, generated))).noneMatch(c -> c.startsWith("SHPA101"));
  }

  @Test
  void twoScaledObjectsOnOneServer() {
    String second = SEEDS_PAIR.split("---\n")[1].replace("name: mlserver-server", "name: mlserver-other");
    Finding f = only(lint(MODEL, SEEDS_PAIR, second), LintCode.KEDA_DUPLICATE_TARGET);
    assertThat(f.object()).isEqualTo("ScaledObject seldon-mesh/mlserver-other");
    assertThat(f.message()).isEqualTo("the Server mlserver is already managed by the ScaledObject"
        + " seldon-mesh/mlserver-server: KEDA refuses a second one");
  }

  @Test
  void theModelNeedsReplicasAndNoNativeBounds() {
    String noReplicas = MODEL.replace("  replicas: 1\n", "  minReplicas: 1\n  maxReplicas: 3\n");
    List<Finding> findings = lint(noReplicas, SEEDS_PAIR);
    assertThat(only(findings, LintCode.KEDA_MODEL_REPLICAS_MISSING).message()).isEqualTo("the Model irisa0 has no"
        + " spec.replicas: Seldon's docs require it on a Model an autoscaler scales");
    assertThat(only(findings, LintCode.KEDA_NATIVE_BOUNDS).message()).isEqualTo("the Model irisa0 sets"
        + " minReplicas/maxReplicas: Seldon's native scaling then also writes spec.replicas and fights the"
        + " ScaledObject");
  }

  @Test
  void aPairOutOfStep() {
    String[] docs = SEEDS_PAIR.split("---\n");
    String server = docs[1].replace("threshold: \"3\"", "threshold: \"4\"").replace("maxReplicaCount: 3",
        "maxReplicaCount: 5");
    Finding f = only(lint(MODEL, docs[0], server), LintCode.KEDA_PAIR_OUT_OF_SYNC);
    assertThat(f.object()).isEqualTo("ScaledObject seldon-mesh/mlserver-server");
    assertThat(f.message()).isEqualTo("the ScaledObjects of the pair seldon-mesh/irisa0-model (Model irisa0) and"
        + " seldon-mesh/mlserver-server (Server mlserver) differ in threshold ([3] vs [4]), maxReplicaCount (3 vs 5):"
        + " the Model and its Server scale apart");
  }

  @Test
  void minReplicaCountLeftAtKedasDefaultOnAModel() {
    String model = SEEDS_PAIR.split("---\n")[0].replace("  minReplicaCount: 1\n", "");
    List<Finding> findings = lint(MODEL, model);
    Finding f = only(findings, LintCode.KEDA_MIN_REPLICA_COUNT_DEFAULT);
    assertThat(f.message()).isEqualTo("minReplicaCount is unset, so KEDA's default 0 scales the Model to zero when"
        + " its triggers are idle: Seldon unloads it (ModelScaledDown)");
    Finding zero = only(findings, LintCode.KEDA_ZERO_ON_MODEL_METRIC);
    assertThat(zero.path()).isEqualTo("spec.triggers[0].metadata.query");
    assertThat(zero.message()).isEqualTo("the Model scales to zero on a seldon_model_* metric, which the agents of"
        + " the Model's server pods count: at zero the query stays 0 and KEDA never activates it again");
  }

  @Test
  void aQueryWithoutTheModelsMatcher() {
    String model = SEEDS_PAIR.split("---\n")[0].replace(",model=\"irisa0\"", "");
    Finding f = only(lint(MODEL, model), LintCode.KEDA_QUERY_WITHOUT_MODEL);
    assertThat(f.message()).isEqualTo("the query has no model=\"irisa0\" matcher: it measures other models' traffic"
        + " too");
    // an alternation naming the model counts, and so does a regexp lint does not evaluate; another name does not
    String matcher = "namespace=\"seldon-mesh\"";
    assertThat(lint(MODEL, model.replace(matcher, matcher + ",model=~\"income|irisa0\""))).isEmpty();
    assertThat(lint(MODEL, model.replace(matcher, matcher + ",model=~\"iris.*\""))).isEmpty();
    assertThat(lint(MODEL, model.replace(matcher, matcher + ",model=~\"income|iris\"")))
        .extracting(x -> x.code()).containsExactly(LintCode.KEDA_QUERY_WITHOUT_MODEL);
  }

  @Test
  void valueOnAModelAndBrokenBounds() {
    String model = SEEDS_PAIR.split("---\n")[0].replace("metricType: AverageValue", "metricType: Value")
        .replace("  minReplicaCount: 1\n", "  idleReplicaCount: 1\n  minReplicaCount: 1\n");
    List<Finding> findings = lint(MODEL, model);
    assertThat(only(findings, LintCode.KEDA_VALUE_ON_MODEL).path()).isEqualTo("spec.triggers[0].metricType");
    assertThat(only(findings, LintCode.KEDA_REPLICA_BOUNDS).message())
        .isEqualTo("idleReplicaCount 1 must be < minReplicaCount 1");
    assertThat(only(lint(MODEL, SEEDS_PAIR.split("---\n")[0].replace("minReplicaCount: 1", "minReplicaCount: 4")),
        LintCode.KEDA_REPLICA_BOUNDS).message()).isEqualTo("minReplicaCount 4 must be <= maxReplicaCount 3");
  }

  @Test
  void wrongTypesNeverThrow() {
    assertThat(lint("""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: odd
        spec:
          scaleTargetRef: {apiVersion: mlops.seldon.io/v1alpha1, kind: Model, name: [x]}
          minReplicaCount: one
          triggers: {type: prometheus}
        """)).extracting(f -> f.code().id()).containsExactly("SHPA106");
  }
}
