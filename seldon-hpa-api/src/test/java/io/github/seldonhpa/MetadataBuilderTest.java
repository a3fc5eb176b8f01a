package io.github.seldonhpa;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The label and annotation setters every rendered object's builder shares, as {@link MetadataBuilder}
 * documents them.
 */
class MetadataBuilderTest {
  private static final ScalingPlan PLAN = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
      .addMetric(objectMetric("infer_rps", averageValue(3))).replicas(1, 3).build();

  /** One team convention for every kind of object: what the shared interface is for. */
  private static <B extends MetadataBuilder<B>> B owned(B builder) {
    return builder.putLabel("team", "risk").putAnnotation("owner", "ml-platform@example.com");
  }

  @Test
  void oneGenericHelperLabelsEveryKindOfObject() {
    Map<String, String> labels = Map.of("team", "risk");
    Map<String, String> annotations = Map.of("owner", "ml-platform@example.com");
    ScalingPlan plan = owned(PLAN.toBuilder()).build();
    Model m = owned(Model.builder().name("irisa0").storageUri("gs://seldon-models/iris")).build();
    Server s = owned(Server.builder().name("mlserver").serverConfig("mlserver")).build();
    Hpa h = owned(PLAN.modelHpa().toBuilder()).build();
    ScaledObject so = owned(ScaledObject.builder()
        .from(keda("http://prometheus:9090").build().scaledObjects(PLAN, List.of("sum(rate(x[1m]))")).get(0)))
        .build();
    assertThat(List.of(plan.labels(), m.labels(), s.labels(), h.labels(), so.labels())).containsOnly(labels);
    assertThat(List.of(plan.annotations(), m.annotations(), s.annotations(), h.annotations(), so.annotations()))
        .containsOnly(annotations);
  }

  @Test
  void aKeyPutAgainTakesTheNewValueAndKeepsItsPlace() {
    Model m = Model.builder().name("irisa0").storageUri("gs://seldon-models/iris")
        .putLabel("a", "1").putLabel(Map.entry("b", "2")).putLabel("a", "3")
        .putAllLabels(Map.of("c", "")).build();
    assertThat(m.labels()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"), Map.entry("c", ""));
  }

  @Test
  void replacingSettersClearWhatWasPutBefore() {
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("z", "1");
    ordered.put("y", "2");
    Hpa h = PLAN.modelHpa().toBuilder().putLabel("a", "1").putAnnotation("n", "text")
        .labels(ordered).annotations(Map.of()).build();
    assertThat(h.labels()).containsExactly(Map.entry("z", "1"), Map.entry("y", "2"));
    assertThat(h.annotations()).isEmpty();
  }

  @Test
  void nullsFailAtOnceAndSyntaxFailsAtBuild() {
    assertThatThrownBy(() -> Model.builder().putLabel(null, "v")).isExactlyInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Model.builder().putAnnotation("k", null))
        .isExactlyInstanceOf(NullPointerException.class);
    Server.Builder bad = Server.builder().name("mlserver").serverConfig("mlserver").putLabel("team", "risk team");
    assertThatThrownBy(bad::build).isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("labels.team must be a label value: empty or at most 63 letters, digits, '-', '_' or '.',"
            + " starting and ending with a letter or digit (was \"risk team\")");
    Server.Builder badKey = Server.builder().name("mlserver").serverConfig("mlserver")
        .putAnnotation("not a key", "free text is fine");
    assertThatThrownBy(badKey::build).isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("annotations key must be a label key: an optional DNS-1123 prefix and '/', then at most 63"
            + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit (was \"not a key\")");
  }
}
