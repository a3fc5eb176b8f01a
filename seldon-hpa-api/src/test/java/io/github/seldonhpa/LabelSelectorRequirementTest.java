package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.LabelSelectorRequirement.Operator;
import org.junit.jupiter.api.Test;

class LabelSelectorRequirementTest {

  @Test
  void factoriesPerOperator() {
    assertThat(LabelSelectorRequirement.in("code", "200", "OK").values()).containsExactly("200", "OK");
    assertThat(LabelSelectorRequirement.notIn("code", "500").operator()).isEqualTo(Operator.NOT_IN);
    assertThat(LabelSelectorRequirement.exists("server").values()).isEmpty();
    assertThat(LabelSelectorRequirement.doesNotExist("server").operator().yamlName()).isEqualTo("DoesNotExist");
    assertThat(Operator.IN.yamlName()).isEqualTo("In");
    assertThat(Operator.NOT_IN.yamlName()).isEqualTo("NotIn");
    assertThat(Operator.EXISTS.yamlName()).isEqualTo("Exists");
  }

  @Test
  void valuesMustMatchTheOperator() {
    assertThatThrownBy(() -> LabelSelectorRequirement.in("code"))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("values must not be empty for operator In (was [])");
    assertThatThrownBy(() -> LabelSelectorRequirement.notIn("code"))
        .hasMessage("values must not be empty for operator NotIn (was [])");
    assertThatThrownBy(() -> LabelSelectorRequirement.builder().key("code").operator(Operator.EXISTS).addValue("200").build())
        .hasMessage("values must be empty for operator Exists (was [200])");
    assertThatThrownBy(() -> LabelSelectorRequirement.builder().key("code").operator(Operator.DOES_NOT_EXIST)
            .addValue("a").build())
        .hasMessage("values must be empty for operator DoesNotExist (was [a])");
  }

  @Test
  void keysAndValuesAreLabelsyntax() {
    assertThatThrownBy(() -> LabelSelectorRequirement.exists("bad key"))
        .hasMessageStartingWith("key must be a label key: ").hasMessageEndingWith("(was \"bad key\")");
    assertThatThrownBy(() -> LabelSelectorRequirement.in("code", "200", "no good"))
        .hasMessageStartingWith("values[1] must be a label value: ").hasMessageEndingWith("(was \"no good\")");
  }

  @Test
  void operatorFromYaml() {
    assertThat(Operator.fromYaml("operator", "NotIn")).isEqualTo(Operator.NOT_IN);
    assertThatThrownBy(() -> Operator.fromYaml("matchExpressions[0].operator", "in"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("matchExpressions[0].operator must be In, NotIn, Exists or DoesNotExist (was \"in\")");
  }
}
