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

  /** {@return {@code matchLabels}, in insertion order} Default: empty. */
  public abstract Map<String, String> matchLabels();

  /** {@return {@code matchExpressions}} Default: empty. */
  public abstract List<LabelSelectorRequirement> matchExpressions();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableLabelSelector.builder();
  }

  /** Builds {@link LabelSelector}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code LabelSelector} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(LabelSelector instance);

    /**
     * Put one entry to the {@link LabelSelector#matchLabels() matchLabels} map.
     * @param key The key in the matchLabels map
     * @param value The associated value in the matchLabels map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putMatchLabel(String key, String value);

    /**
     * Put one entry to the {@link LabelSelector#matchLabels() matchLabels} map. Nulls are not permitted
     * @param entry The key and value entry
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putMatchLabel(Map.Entry<String, ? extends String> entry);

    /**
     * Sets or replaces all mappings from the specified map as entries for the {@link LabelSelector#matchLabels() matchLabels} map. Nulls are not permitted
     * @param entries The entries that will be added to the matchLabels map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder matchLabels(Map<String, ? extends String> entries);

    /**
     * Put all mappings from the specified map as entries to {@link LabelSelector#matchLabels() matchLabels} map. Nulls are not permitted
     * @param entries The entries that will be added to the matchLabels map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putAllMatchLabels(Map<String, ? extends String> entries);

    /**
     * Adds one element to {@link LabelSelector#matchExpressions() matchExpressions} list.
     * @param element A matchExpressions element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addMatchExpression(LabelSelectorRequirement element);

    /**
     * Adds elements to {@link LabelSelector#matchExpressions() matchExpressions} list.
     * @param elements An array of matchExpressions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addMatchExpressions(LabelSelectorRequirement... elements);

    /**
     * Sets or replaces all elements for {@link LabelSelector#matchExpressions() matchExpressions} list.
     * @param elements An iterable of matchExpressions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder matchExpressions(Iterable<? extends LabelSelectorRequirement> elements);

    /**
     * Adds elements to {@link LabelSelector#matchExpressions() matchExpressions} list.
     * @param elements An iterable of matchExpressions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllMatchExpressions(Iterable<? extends LabelSelectorRequirement> elements);

    /**
     * Builds a new {@link LabelSelector LabelSelector}.
     * @return An immutable instance of LabelSelector
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract LabelSelector build();

}

  /**
   * {@return the selector {@code key=value}}
   *
   * @param key the label key, in Kubernetes label-key syntax
   * @param value the label value, empty or a label name of at most 63 characters
   */
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
