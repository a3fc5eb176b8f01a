package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.List;
import org.immutables.value.Value;

/** One {@code matchExpressions} entry of a label selector: {@code key}, {@code operator}, {@code values}. */
@Value.Immutable
public abstract class LabelSelectorRequirement {
  /** {@code operator}: how {@code values} apply to the label {@code key}. */
  public enum Operator {
    /** The label's value is one of {@code values} ({@code In}). */
    IN("In"),
    /** The label is absent or its value is none of {@code values} ({@code NotIn}). */
    NOT_IN("NotIn"),
    /** The label is present, with any value ({@code Exists}). */
    EXISTS("Exists"),
    /** The label is absent ({@code DoesNotExist}). */
    DOES_NOT_EXIST("DoesNotExist");

    private final String yaml;

    Operator(String yaml) {
      this.yaml = yaml;
    }

    /** {@return the spelling in YAML: {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}} */
    public String yamlName() {
      return yaml;
    }

    /**
     * {@return the operator spelled as in YAML}
     *
     * @param field the YAML path of the value, named in the error message
     * @param value the operator as written in YAML, such as {@code NotIn}
     * @throws HpaValidationException for any other spelling
     */
    public static Operator fromYaml(String field, String value) {
      return Checks.yamlConstant(field, value, values(), Operator::yamlName);
    }
  }

  LabelSelectorRequirement() {}

  /** {@return {@code key}: a label key} */
  public abstract String key();

  /** {@return {@code operator}} */
  public abstract Operator operator();

  /** {@return {@code values}: non-empty for In and NotIn, empty for Exists and DoesNotExist} Default: empty. */
  public abstract List<String> values();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableLabelSelectorRequirement.builder();
  }

  /** Builds {@link LabelSelectorRequirement}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the LabelSelectorRequirement whose values are copied
     * @return this builder
     */
    public abstract Builder from(LabelSelectorRequirement instance);

    /**
     * Sets {@link LabelSelectorRequirement#key()}.
     *
     * @param key {@code key}: a label key
     * @return this builder
     */
    public abstract Builder key(String key);

    /**
     * Sets {@link LabelSelectorRequirement#operator()}.
     *
     * @param operator {@code operator}
     * @return this builder
     */
    public abstract Builder operator(LabelSelectorRequirement.Operator operator);

    /**
     * Adds one element to {@link LabelSelectorRequirement#values()}.
     *
     * @param element the element to append; the list is {@code values}: non-empty for In and NotIn, empty for Exists
     *     and DoesNotExist. Default: empty
     * @return this builder
     */
    public abstract Builder addValue(String element);

    /**
     * Adds elements to {@link LabelSelectorRequirement#values()}.
     *
     * @param elements the elements to append, in order; the list is {@code values}: non-empty for In and NotIn, empty
     *     for Exists and DoesNotExist. Default: empty
     * @return this builder
     */
    public abstract Builder addValues(String... elements);

    /**
     * Replaces {@link LabelSelectorRequirement#values()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code values}:
     *     non-empty for In and NotIn, empty for Exists and DoesNotExist. Default: empty
     * @return this builder
     */
    public abstract Builder values(Iterable<String> elements);

    /**
     * Adds elements to {@link LabelSelectorRequirement#values()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code values}: non-empty for In and
     *     NotIn, empty for Exists and DoesNotExist. Default: empty
     * @return this builder
     */
    public abstract Builder addAllValues(Iterable<String> elements);

    /**
     * Builds the {@link LabelSelectorRequirement}, checking every rule of its fields.
     *
     * @return the LabelSelectorRequirement
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract LabelSelectorRequirement build();

}

  /**
   * {@return {@code key In (values)}}
   *
   * @param key the label key
   * @param values the values the label may take; at least one
   */
  public static LabelSelectorRequirement in(String key, String... values) {
    return builder().key(key).operator(Operator.IN).addValues(values).build();
  }

  /**
   * {@return {@code key NotIn (values)}}
   *
   * @param key the label key
   * @param values the values the label must not take; at least one
   */
  public static LabelSelectorRequirement notIn(String key, String... values) {
    return builder().key(key).operator(Operator.NOT_IN).addValues(values).build();
  }

  /**
   * {@return {@code key Exists}}
   *
   * @param key the label key that must be present
   */
  public static LabelSelectorRequirement exists(String key) {
    return builder().key(key).operator(Operator.EXISTS).build();
  }

  /**
   * {@return {@code key DoesNotExist}}
   *
   * @param key the label key that must be absent
   */
  public static LabelSelectorRequirement doesNotExist(String key) {
    return builder().key(key).operator(Operator.DOES_NOT_EXIST).build();
  }

  @Value.Check
  final void check() {
    Checks.labelKey("key", key());
    boolean needsValues = operator() == Operator.IN || operator() == Operator.NOT_IN;
    if (needsValues) {
      Checks.check(!values().isEmpty(), "values must not be empty for operator %s (was [])",
          operator().yamlName());
    } else {
      Checks.check(values().isEmpty(), "values must be empty for operator %s (was %s)",
          operator().yamlName(), values());
    }
    for (int i = 0; i < values().size(); i++) {
      Checks.labelValue("values[" + i + "]", values().get(i));
    }
  }
}
