package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A {@code CrossVersionObjectReference}: the HPA's {@code scaleTargetRef} or an Object metric's
 * {@code describedObject}. {@link #model(String)} and {@link #server(String)} name Seldon CRs.
 */
@Value.Immutable
public abstract class ObjectReference {
  /** The API version of Seldon Core 2's Model and Server CRs: {@value}. */
  public static final String SELDON_API_VERSION = "mlops.seldon.io/v1alpha1";

  private static final Pattern API_VERSION = Pattern.compile(
      "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[a-z0-9]+");

  ObjectReference() {}

  /** {@return {@code apiVersion}: {@code <group>/<version>}, or {@code <version>} for the core group ({@code v1})} */
  public abstract String apiVersion();

  /** {@return {@code kind}, for example {@code Model}, {@code Server}, {@code Pod} or {@code Namespace}} */
  public abstract String kind();

  /** {@return {@code name} of the referent, in the HPA's namespace} */
  public abstract String name();

  /**
   * {@return a reference to any object}
   *
   * @param apiVersion the object's {@code apiVersion}, such as {@code mlops.seldon.io/v1alpha1}
   * @param kind the object's {@code kind}, such as {@code Model}
   * @param name the object's {@code metadata.name}
   */
  public static ObjectReference of(String apiVersion, String kind, String name) {
    return ImmutableObjectReference.builder().apiVersion(apiVersion).kind(kind).name(name).build();
  }

  /**
   * {@return the Seldon Model {@code name} ({@code mlops.seldon.io/v1alpha1}, kind {@code Model})}
   *
   * @param name the Model's {@code metadata.name}
   */
  public static ObjectReference model(String name) {
    return of(SELDON_API_VERSION, "Model", name);
  }

  /**
   * {@return the Seldon Server {@code name} ({@code mlops.seldon.io/v1alpha1}, kind {@code Server})}
   *
   * @param name the Server's {@code metadata.name}
   */
  public static ObjectReference server(String name) {
    return of(SELDON_API_VERSION, "Server", name);
  }

  /** {@return whether this names a Seldon Model} */
  public final boolean isSeldonModel() {
    return SELDON_API_VERSION.equals(apiVersion()) && "Model".equals(kind());
  }

  /** {@return whether this names a Seldon Server} */
  public final boolean isSeldonServer() {
    return SELDON_API_VERSION.equals(apiVersion()) && "Server".equals(kind());
  }

  @Value.Check
  final void check() {
    // a group is a DNS-1123 subdomain (253), a version a label (63); bounding first keeps the regex linear
    Checks.check(apiVersion().length() <= 253 + 1 + 63 && API_VERSION.matcher(apiVersion()).matches(),
        "apiVersion must be <group>/<version> or <version> (was \"%s\")", apiVersion());
    Checks.pathSegment("kind", kind());
    Checks.pathSegment("name", name());
  }
}
