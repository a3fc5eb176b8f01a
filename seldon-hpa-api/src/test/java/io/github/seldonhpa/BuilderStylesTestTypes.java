package io.github.seldonhpa;

import org.immutables.value.Value;

/** Value types of the two builder styles, for {@code PublicBuildersTest}. */
final class BuilderStylesTestTypes {
  private BuilderStylesTestTypes() {}

  /** The old style: the public builder extends the generated one, whose methods javadoc cannot show. */
  @Value.Immutable
  public abstract static class Extending {
    /** A value. */
    public abstract int value();

    /** The builder. */
    public static class Builder extends ImmutableExtending.Builder {}
  }
}
