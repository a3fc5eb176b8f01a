package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import org.immutables.value.Value;

/**
 * One resource a cluster serves, as its discovery API ({@code kubectl api-resources}) describes it: what
 * prometheus-adapter's RESTMapper knows about it. Names are lower-case; {@code group} is "" for the core
 * group.
 */
@Value.Immutable
public abstract class ApiResource {
  ApiResource() {}

  /** {@return the API group, "" for the core group (e.g. {@code mlops.seldon.io})} */
  public abstract String group();

  /** {@return the served version (e.g. {@code v1alpha1}); informational, objects are matched by group and kind} */
  public abstract String version();

  /** {@return the plural resource name (e.g. {@code models})} */
  public abstract String resource();

  /** {@return the singular resource name (e.g. {@code model})} */
  public abstract String singular();

  /** {@return the kind (e.g. {@code Model})} */
  public abstract String kind();

  /** {@return whether objects live in a namespace} */
  public abstract boolean namespaced();

  /**
   * {@return a resource; {@code group} "" for the core group}
   *
   * @param group the API group, such as {@code mlops.seldon.io}; "" for the core group
   * @param version the group version, such as {@code v1alpha1}
   * @param resource the plural resource name, such as {@code models}
   * @param singular the singular resource name, such as {@code model}
   * @param kind the kind, such as {@code Model}
   * @param namespaced whether objects live in a namespace
   */
  public static ApiResource of(String group, String version, String resource, String singular, String kind,
      boolean namespaced) {
    return ImmutableApiResource.builder().group(group).version(version).resource(resource).singular(singular)
        .kind(kind).namespaced(namespaced).build();
  }

  @Value.Check
  final void check() {
    lowerCaseName("resource", resource());
    lowerCaseName("singular", singular());
    if (!group().isEmpty()) {
      lowerCaseName("group", group());
    }
    if (version().isEmpty() || kind().isEmpty()) {
      throw new HpaValidationException((version().isEmpty() ? "version" : "kind") + " must not be empty (was \"\")");
    }
  }

  /** A DNS-1123 subdomain: lower-case letters, digits, '-' and '.', as resource and group names are. */
  private static void lowerCaseName(String field, String value) {
    boolean ok = !value.isEmpty() && value.length() <= 253;
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
    if (!ok) {
      throw new HpaValidationException(field + " must be a lower-case DNS subdomain (was \"" + value + "\")");
    }
  }
}
