package io.github.seldonhpa;

import java.util.Arrays;

/**
 * Thrown for invalid input anywhere in seldon-hpa. Messages are shaped {@code <field> <rule> (was <value>)}
 * and name the path of the field, for example
 * {@code spec.behavior.scaleUp.policies[0].periodSeconds must be in 1..1800 (was 0)}.
 */
public class HpaValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with the given message.
   *
   * @param message the whole message, shaped {@code <field> <rule> (was <value>)}
   */
  public HpaValidationException(String message) {
    super(message);
  }

  /**
   * Called by the generated builders when required attributes are missing; receives their names.
   *
   * @param missingAttributes the names of the attributes that were not set
   */
  public HpaValidationException(String... missingAttributes) {
    super("missing required attributes: " + String.join(", ", Arrays.asList(missingAttributes)));
  }
}
