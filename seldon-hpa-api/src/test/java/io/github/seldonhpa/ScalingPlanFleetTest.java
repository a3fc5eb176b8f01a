package io.github.seldonhpa;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans for many models: a team default derived per model, labels and annotations on every object. */
class ScalingPlanFleetTest {
  private static final ScalingPlan TEAM = scalingPlan("team-default")
      .namespace("seldon-mesh")
      .addMetric(objectMetric("infer_rps", averageValue(3)))
      .replicas(1, 3)
      .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
      .putLabel("app.kubernetes.io/managed-by", "seldon-hpa")
      .putAnnotation("owner", "ml-platform@example.com")
      .build();

  @Test
  void toBuilderGivesAnEqualPlan() {
    assertThat(TEAM.toBuilder().build()).isEqualTo(TEAM);
  }

  @Test
  void aTeamDefaultVariesNameServerAndTargetPerModel() {
    ScalingPlan iris = TEAM.toBuilder()
        .modelName("iris")
        .serverName("mlserver-iris")
        .metrics(List.of(objectMetric("infer_rps", averageValue(5))))
        .build();

    assertThat(iris.modelHpa().name()).isEqualTo("iris-model-hpa");
    assertThat(iris.serverHpa().orElseThrow().name()).isEqualTo("mlserver-iris-server-hpa");
    assertThat(iris.modelHpa().metrics()).singleElement()
        .satisfies(m -> assertThat(m.target().averageValue()).contains(Quantity.of(5)))
        .satisfies(m -> assertThat(((ObjectMetric) m).describedObject()).contains(ObjectReference.model("iris")));
    assertThat(iris.scaleUp()).isEqualTo(TEAM.scaleUp());
    assertThat(iris.namespace()).isEqualTo("seldon-mesh");
    // the default itself is unchanged
    assertThat(TEAM.modelName()).isEqualTo("team-default");
    assertThat(TEAM.serverName()).isEmpty();
  }

  @Test
  void aDerivedPlanCanDropTheServer() {
    ScalingPlan withServer = TEAM.toBuilder().serverName("mlserver").build();
    assertThat(withServer.toBuilder().serverName(Optional.empty()).build().serverHpa()).isEmpty();
  }

  @Test
  void labelsAndAnnotationsReachEveryDerivedObject() {
    ScalingPlan plan = TEAM.toBuilder().modelName("iris").serverName("mlserver")
        .storageUri("gs://seldon-models/scv2/samples/mlserver_1.3.5/iris-sklearn").build();
    Map<String, String> labels = Map.of("app.kubernetes.io/managed-by", "seldon-hpa");
    Map<String, String> annotations = Map.of("owner", "ml-platform@example.com");

    assertThat(plan.modelResource().orElseThrow().labels()).isEqualTo(labels);
    assertThat(plan.modelResource().orElseThrow().annotations()).isEqualTo(annotations);
    assertThat(plan.modelHpa().labels()).isEqualTo(labels);
    assertThat(plan.modelHpa().annotations()).isEqualTo(annotations);
    assertThat(plan.serverHpa().orElseThrow().labels()).isEqualTo(labels);
    assertThat(plan.serverHpa().orElseThrow().annotations()).isEqualTo(annotations);
  }

  @Test
  void labelsAndAnnotationsReachTheKedaScaledObjects() {
    ScalingPlan plan = TEAM.toBuilder().modelName("iris").serverName("mlserver").build();
    List<ScaledObject> scaledObjects = KedaOptions.builder().serverAddress("http://prometheus.monitoring:9090")
        .build().scaledObjects(plan, List.of("sum(rate(seldon_model_infer_total{model=\"iris\"}[1m]))"));
    assertThat(scaledObjects).hasSize(2).allSatisfy(so -> {
      assertThat(so.labels()).isEqualTo(Map.of("app.kubernetes.io/managed-by", "seldon-hpa"));
      assertThat(so.annotations()).isEqualTo(Map.of("owner", "ml-platform@example.com"));
    });
  }

  @Test
  void rejectsALabelValueKubernetesWouldReject() {
    assertThatThrownBy(() -> TEAM.toBuilder().putLabel("team", "ML Platform").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("labels.team must be a label value: empty or at most 63 letters, digits, '-', '_' or '.',"
            + " starting and ending with a letter or digit (was \"ML Platform\")");
  }

  @Test
  void rejectsAnAnnotationKeyKubernetesWouldRejectButKeepsFreeTextValues() {
    assertThat(TEAM.toBuilder().putAnnotation("description", "Iris: 3 rps per replica, see runbook").build()
        .annotations()).containsEntry("description", "Iris: 3 rps per replica, see runbook");
    assertThatThrownBy(() -> TEAM.toBuilder().putAnnotation("not a key", "x").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("annotations key must be a label key: an optional DNS-1123 prefix and '/', then at most 63"
            + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit (was \"not a key\")");
  }

  @Test
  void hpaLabelsAreCheckedToo() {
    assertThatThrownBy(() -> Hpa.builder().name("h").namespace("n").scaleTargetRef(ObjectReference.server("s"))
        .maxReplicas(2).putLabel("-bad", "v").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessageStartingWith("labels key must be a label key");
  }

  @Test
  void metricIsSealedToItsFourKinds() {
    assertThat(Metric.class.isSealed()).isTrue();
    assertThat(Metric.class.getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactly("ObjectMetric", "PodsMetric", "ResourceMetric", "ExternalMetric");
  }
}
