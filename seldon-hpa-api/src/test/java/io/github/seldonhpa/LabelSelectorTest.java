package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final String KEY_RULE = " must be a label key: an optional DNS-1123 prefix and '/', then at most 63"
      + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit (was \"";
  private static final String VALUE_RULE = " must be a label value: empty or at most 63 letters, digits, '-', '_' or"
      + " '.', starting and ending with a letter or digit (was \"";

  @Test
  void keepsMatchLabelsInInsertionOrder() {
    LabelSelector s = LabelSelector.builder()
        .putMatchLabel("method_type", "rest")
        .putMatchLabel("code", "200")
        .putMatchLabel("app.kubernetes.io/name", "seldon-server")
        .putMatchLabel("a", "")
        .addMatchExpression(LabelSelectorRequirement.in("server", "mlserver"))
        .build();
    assertThat(List.copyOf(s.matchLabels().keySet())).containsExactly("method_type", "code", "app.kubernetes.io/name", "a");
    assertThat(s.matchExpressions()).containsExactly(LabelSelectorRequirement.in("server", "mlserver"));
    assertThat(LabelSelector.matchLabel("method_type", "rest").matchLabels()).containsEntry("method_type", "rest");
  }

  @Test
  void labelKeyLimits() {
    String name63 = "k".repeat(63);
    assertThat(LabelSelector.matchLabel(name63, "v").matchLabels()).containsKey(name63);
    assertThat(LabelSelector.matchLabel("example.com/" + name63, "v").matchLabels()).hasSize(1);
    assertThatThrownBy(() -> LabelSelector.matchLabel(name63 + "k", "v"))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("matchLabels key" + KEY_RULE + name63 + "k\")");
    assertThatThrownBy(() -> LabelSelector.matchLabel("method type", "rest"))
        .hasMessage("matchLabels key" + KEY_RULE + "method type\")");
    assertThatThrownBy(() -> LabelSelector.matchLabel("_x", "rest")).hasMessage("matchLabels key" + KEY_RULE + "_x\")");
    assertThatThrownBy(() -> LabelSelector.matchLabel("Example.com/x", "rest"))
        .hasMessage("matchLabels key" + KEY_RULE + "Example.com/x\")");
    assertThatThrownBy(() -> LabelSelector.matchLabel("", "rest")).hasMessage("matchLabels key" + KEY_RULE + "\")");
  }

  @Test
  void labelValueLimits() {
    String v63 = "v".repeat(63);
    assertThat(LabelSelector.matchLabel("code", v63).matchLabels()).containsEntry("code", v63);
    assertThat(LabelSelector.matchLabel("code", "OK").matchLabels()).containsEntry("code", "OK");
    assertThatThrownBy(() -> LabelSelector.matchLabel("code", v63 + "v"))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("matchLabels.code" + VALUE_RULE + v63 + "v\")");
    assertThatThrownBy(() -> LabelSelector.matchLabel("code", "2 00"))
        .hasMessage("matchLabels.code" + VALUE_RULE + "2 00\")");
    assertThatThrownBy(() -> LabelSelector.matchLabel("code", "200-"))
        .hasMessage("matchLabels.code" + VALUE_RULE + "200-\")");
  }
}
