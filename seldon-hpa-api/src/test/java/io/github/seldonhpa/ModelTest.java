package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

  private static Model.Builder iris() {
    return Model.builder().name("irisa0").storageUri("gs://seldon-models/testing/iris1");
  }

  @Test
  void theSeedsHpaScaledModel() {
    Model m = iris().namespace("seldon-mesh").memory("3M").replicas(1).addRequirement("sklearn").build();
    assertThat(m.name()).isEqualTo("irisa0");
    assertThat(m.namespace()).contains("seldon-mesh");
    assertThat(m.memory().map(Quantity::toString)).contains("3M");
    assertThat(m.replicas()).contains(1);
    assertThat(m.requirements()).containsExactly("sklearn");
    assertThat(m.minReplicas()).isEmpty();
    assertThat(m.maxReplicas()).isEmpty();
    assertThat(m.nativeScaling()).isFalse();
  }

  @Test
  void theNativeScalingTfsimpleModelOfSeed003() {
    Model m = Model.builder().name("tfsimple").storageUri("gs://seldon-models/triton/simple")
        .addRequirement("tensorflow").memory("100Ki").minReplicas(1).replicas(1).build();
    assertThat(m.namespace()).isEmpty();
    assertThat(m.memory()).contains(Quantity.parse("102400"));
    assertThat(m.nativeScaling()).isTrue();
    assertThat(iris().maxReplicas(3).build().nativeScaling()).isTrue();
    assertThat(iris().minReplicas(0).maxReplicas(0).build().nativeScaling()).isFalse();
  }

  @Test
  void extraSpecAndLabelsKeepTheirOrder() {
    Model m = iris().putLabel("team", "ml").putLabel("app", "iris")
        .putExtraSpec("dedicated", true).putExtraSpec("parameters", List.of(Map.of("name", "x", "value", "1")))
        .build();
    assertThat(List.copyOf(m.labels().keySet())).containsExactly("team", "app");
    assertThat(List.copyOf(m.extraSpec().keySet())).containsExactly("dedicated", "parameters");
  }

  @Test
  void replicaRulesOfSeldonsController() {
    assertThat(iris().replicas(0).build().replicas()).contains(0);
    assertThat(iris().minReplicas(2).maxReplicas(2).replicas(2).build().replicas()).contains(2);
    assertThatThrownBy(() -> iris().replicas(-1).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("replicas must be >= 0 (was -1)");
    assertThatThrownBy(() -> iris().minReplicas(-1).build()).hasMessage("minReplicas must be >= 0 (was -1)");
    assertThatThrownBy(() -> iris().maxReplicas(-1).build()).hasMessage("maxReplicas must be >= 0 (was -1)");
    assertThatThrownBy(() -> iris().minReplicas(3).maxReplicas(2).build())
        .hasMessage("maxReplicas must be >= minReplicas (was maxReplicas=2, minReplicas=3)");
    assertThatThrownBy(() -> iris().replicas(3).maxReplicas(2).build())
        .hasMessage("replicas must be <= maxReplicas (was replicas=3, maxReplicas=2)");
    assertThatThrownBy(() -> iris().replicas(1).minReplicas(2).build())
        .hasMessage("replicas must be >= minReplicas (was replicas=1, minReplicas=2)");
    // maxReplicas 0 is unbounded
    assertThat(iris().minReplicas(5).maxReplicas(0).replicas(9).build().maxReplicas()).contains(0);
  }

  @Test
  void specFieldsAreChecked() {
    assertThatThrownBy(() -> Model.builder().name("irisa0").storageUri(" ").build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("storageUri must not be blank (was \" \")");
    assertThatThrownBy(() -> iris().addRequirements("sklearn", "").build())
        .hasMessage("requirements[1] must not be blank (was \"\")");
    assertThatThrownBy(() -> iris().memory("0").build()).hasMessage("memory must be > 0 (was 0)");
    assertThatThrownBy(() -> iris().memory("3MB"))
        .hasMessage("memory must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was \"3MB\")");
    assertThatThrownBy(() -> iris().server("ML_server").build())
        .hasMessageStartingWith("server must be a DNS-1123 subdomain: ");
    assertThatThrownBy(() -> Model.builder().name("iris_a0").storageUri("gs://x").build())
        .hasMessageStartingWith("name must be a DNS-1123 subdomain: ").hasMessageEndingWith("(was \"iris_a0\")");
    assertThatThrownBy(() -> iris().namespace("Seldon").build())
        .hasMessageStartingWith("namespace must be a DNS-1123 label: ");
    assertThatThrownBy(() -> iris().putLabel("bad key", "x").build())
        .hasMessageStartingWith("labels key must be a label key: ");
    assertThatThrownBy(() -> iris().putLabel("team", "m l").build())
        .hasMessageStartingWith("labels.team must be a label value: ");
  }

  @Test
  void namesUpTo253Characters() {
    String name253 = "a".repeat(61) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63);
    assertThat(name253).hasSize(253);
    assertThat(Model.builder().name(name253).storageUri("gs://x").build().name()).isEqualTo(name253);
    assertThatThrownBy(() -> Model.builder().name(name253 + "e").storageUri("gs://x").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("name must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit, at most 253 characters (was \"" + name253 + "e\")");
  }

  @Test
  void typedFieldsCannotHideInExtraSpec() {
    assertThatThrownBy(() -> iris().putExtraSpec("replicas", 2).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("extraSpec.replicas must be set with replicas(), not in extraSpec (was 2)");
    assertThatThrownBy(() -> iris().putExtraSpec("minReplicas", 1).build())
        .hasMessage("extraSpec.minReplicas must be set with minReplicas(), not in extraSpec (was 1)");
  }

  @Test
  void storageUriIsRequired() {
    assertThatThrownBy(() -> Model.builder().name("irisa0").build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("missing required attributes: storageUri");
  }
}
