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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the LabelSelector whose values are copied
     * @return this builder
     */
    public abstract Builder from(LabelSelector instance);

    /**
     * Puts one entry into {@link LabelSelector#matchLabels()}; a key put again takes the new value.
     *
     * @param key the key
     * @param value the value; the map is {@code matchLabels}, in insertion order. Default: empty
     * @return this builder
     */
    public abstract Builder putMatchLabel(String key, String value);

    /**
     * Puts one entry into {@link LabelSelector#matchLabels()}; a key put again takes the new value.
     *
     * @param entry the key and value; the map is {@code matchLabels}, in insertion order. Default: empty
     * @return this builder
     */
    public abstract Builder putMatchLabel(Map.Entry<String, ? extends String> entry);

    /**
     * Replaces {@link LabelSelector#matchLabels()}.
     *
     * @param entries the new entries, in iteration order (empty clears the map); the map is {@code matchLabels}, in
     *     insertion order. Default: empty
     * @return this builder
     */
    public abstract Builder matchLabels(Map<String, ? extends String> entries);

    /**
     * Puts every entry of {@code entries} into {@link LabelSelector#matchLabels()}, keeping the others.
     *
     * @param entries the entries, in iteration order; the map is {@code matchLabels}, in insertion order. Default:
     *     empty
     * @return this builder
     */
    public abstract Builder putAllMatchLabels(Map<String, ? extends String> entries);

    /**
     * Adds one element to {@link LabelSelector#matchExpressions()}.
     *
     * @param element the element to append; the list is {@code matchExpressions}. Default: empty
     * @return this builder
     */
    public abstract Builder addMatchExpression(LabelSelectorRequirement element);

    /**
     * Adds elements to {@link LabelSelector#matchExpressions()}.
     *
     * @param elements the elements to append, in order; the list is {@code matchExpressions}. Default: empty
     * @return this builder
     */
    public abstract Builder addMatchExpressions(LabelSelectorRequirement... elements);

    /**
     * Replaces {@link LabelSelector#matchExpressions()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is
     *     {@code matchExpressions}. Default: empty
     * @return this builder
     */
    public abstract Builder matchExpressions(Iterable<? extends LabelSelectorRequirement> elements);

    /**
     * Adds elements to {@link LabelSelector#matchExpressions()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code matchExpressions}. Default: empty
     * @return this builder
     */
    public abstract Builder addAllMatchExpressions(Iterable<? extends LabelSelectorRequirement> elements);

    /**
     * Builds the {@link LabelSelector}, checking every rule of its fields.
     *
     * @return the LabelSelector
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
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
