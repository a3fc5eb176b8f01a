package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Seldon Core 2 release ({@code 2.9.1}, {@code v2.10.2}), for the behaviour that changed between releases:
 * from 2.10.0 native lag-based Model scaling is hard-coded off in the agent and the scheduler
 * (SeldonIO/seldon-core#6814, in tags v2.10.0 to v2.10.2), so its settings are inert.
 */
public final class SeldonVersion implements Comparable<SeldonVersion> {
  /** The first release with native Model scaling switched off. */
  public static final SeldonVersion V2_10_0 = new SeldonVersion(2, 10, 0);
  /** The newest release the library knows, the simulators' default. */
  public static final SeldonVersion LATEST = new SeldonVersion(2, 10, 2);

  private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

  private final int major;
  private final int minor;
  private final int patch;

  private SeldonVersion(int major, int minor, int patch) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
  }

  /**
   * Parses {@code 2.9}, {@code 2.9.1} or {@code v2.10.2}.
   *
   * @param text the version as written, with or without a leading {@code v}
   * @return the version
   * @throws io.github.seldonhpa.HpaValidationException when the text is not such a version
   */
  public static SeldonVersion of(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    Checks.check(m.matches(), "seldonVersion must look like 2.9.1 or v2.10.2 (was \"%s\")", text);
    return new SeldonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  /** {@return whether native lag-based Model scaling is hard-coded off (2.10.0 and later)} */
  public boolean nativeModelScalingInert() {
    return compareTo(V2_10_0) >= 0;
  }

  @Override
  public int compareTo(SeldonVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c == 0 ? Integer.compare(patch, o.patch) : c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeldonVersion && compareTo((SeldonVersion) o) == 0;
  }

  @Override
  public int hashCode() {
    return (major * 1000 + minor) * 1000 + patch;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
