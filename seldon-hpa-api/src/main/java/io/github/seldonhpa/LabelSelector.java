package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A label selector ({@code metric.selector}): every {@code matchLabels} pair and every
 * {@code matchExpressions} requirement must hold. With prometheus-adapter the labels are the series'
 * labels, for example {@code method_type: rest}.
 */
@Value.Immutable
public abstract class LabelSelector {
  LabelSelector() {}

  /** {@code matchLabels}, in insertion order. Default: empty. */
  public abstract Map<String, String> matchLabels();

  /** {@code matchExpressions}. Default: empty. */
  public abstract List<LabelSelectorRequirement> matchExpressions();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LabelSelector}. */
  public static class Builder extends ImmutableLabelSelector.Builder {}

  /** The selector {@code key=value}. */
  public static LabelSelector matchLabel(String key, String value) {
    return builder().putMatchLabel(key, value).build();
  }

  @Value.Check
  final void check() {
    for (Map.Entry<String, String> e : matchLabels().entrySet()) {
      Checks.labelKey("matchLabels key", e.getKey());
      Checks.labelValue("matchLabels." + e.getKey(), e.getValue());
    }
  }
}
