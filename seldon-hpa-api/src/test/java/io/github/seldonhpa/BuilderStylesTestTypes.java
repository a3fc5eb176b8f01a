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

  /** Setters declared once on an interface without a public page: javadoc would not show them either. */
  interface HiddenSetters<B extends HiddenSetters<B>> {
    B value(int value);
  }

  /** The public builder leaves {@code value} to a package-private interface. */
  @Value.Immutable
  public abstract static class Hiding {
    /** A value. */
    public abstract int value();

    /** The builder. */
    public abstract static class Builder implements HiddenSetters<Builder> {
      Builder() {}

      /** Copies. */
      public abstract Builder from(Hiding instance);

      /** Builds. */
      public abstract Hiding build();
    }
  }
}
