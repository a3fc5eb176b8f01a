package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectReferenceTest {

  @Test
  void seldonModelAndServer() {
    ObjectReference model = ObjectReference.model("irisa0");
    assertThat(model.apiVersion()).isEqualTo("mlops.seldon.io/v1alpha1");
    assertThat(model.kind()).isEqualTo("Model");
    assertThat(model.name()).isEqualTo("irisa0");
    assertThat(model.isSeldonModel()).isTrue();
    assertThat(model.isSeldonServer()).isFalse();
    ObjectReference server = ObjectReference.server("mlserver");
    assertThat(server.kind()).isEqualTo("Server");
    assertThat(server.isSeldonServer()).isTrue();
    assertThat(ObjectReference.of("mlops.seldon.io/v1alpha1", "Model", "irisa0")).isEqualTo(model);
    assertThat(ObjectReference.of("mlops.seldon.io/v1", "Model", "irisa0").isSeldonModel()).isFalse();
  }

  @Test
  void anyDescribedObject() {
    assertThat(ObjectReference.of("v1", "Namespace", "seldon-mesh").kind()).isEqualTo("Namespace");
    assertThat(ObjectReference.of("v1", "Pod", "mlserver-0").name()).isEqualTo("mlserver-0");
    assertThat(ObjectReference.of("apps/v1", "StatefulSet", "mlserver").apiVersion()).isEqualTo("apps/v1");
  }

  @Test
  void rejectsMalformedFields() {
    assertThatThrownBy(() -> ObjectReference.of("", "Model", "a"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("apiVersion must be <group>/<version> or <version> (was \"\")");
    assertThatThrownBy(() -> ObjectReference.of("mlops.seldon.io/", "Model", "a"))
        .hasMessage("apiVersion must be <group>/<version> or <version> (was \"mlops.seldon.io/\")");
    assertThatThrownBy(() -> ObjectReference.of("v1", "", "a"))
        .hasMessage("kind must be a valid path segment: not empty, not . or .., without / or % (was \"\")");
    assertThatThrownBy(() -> ObjectReference.of("v1", "Pod", "a/b"))
        .hasMessage("name must be a valid path segment: not empty, not . or .., without / or % (was \"a/b\")");
    assertThatThrownBy(() -> ObjectReference.of("v1", "Pod", ".."))
        .hasMessage("name must be a valid path segment: not empty, not . or .., without / or % (was \"..\")");
    assertThatThrownBy(() -> ObjectReference.of("v1", "Pod", "50%"))
        .hasMessage("name must be a valid path segment: not empty, not . or .., without / or % (was \"50%\")");
  }

  @Test
  void apiVersionLength() {
    String group = "g".repeat(253);
    String version = "v".repeat(63);
    assertThat(ObjectReference.of(group + "/" + version, "Model", "a").apiVersion()).hasSize(317);
    assertThatThrownBy(() -> ObjectReference.of(group + "/" + version + "1", "Model", "a"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("apiVersion must be <group>/<version> or <version> (was \"" + group + "/" + version + "1\")");
    String long1 = "a".repeat(100_000) + "-";
    assertThatThrownBy(() -> ObjectReference.of(long1, "Model", "a")).isExactlyInstanceOf(HpaValidationException.class);
  }

  @Test
  void nullIsAnNpe() {
    assertThatThrownBy(() -> ObjectReference.model(null)).isExactlyInstanceOf(NullPointerException.class);
  }
}
