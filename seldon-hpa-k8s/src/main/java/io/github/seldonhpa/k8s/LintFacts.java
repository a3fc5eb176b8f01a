package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.promql.ResourceTable;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What {@link Lint} cannot read from the manifests: the Prometheus scrape interval of the Seldon series,
 * the adapter's relist interval, the Seldon Core 2 version and how long a server pod takes to start.
 */
@Value.Immutable
public abstract class LintFacts {
  private static final Duration MIN_INTERVAL = Duration.ofMillis(1);
  private static final Duration MAX_INTERVAL = Duration.ofHours(24);
  private static final Pattern VERSION = Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?(?:[-+].*)?");

  /**
   * {@return the interval at which Prometheus scrapes the Seldon agents} Default: 15 s, the interval of the
   * PodMonitors Seldon ships (Prometheus' own default is 1 m: set it when your monitors do not say).
   */
  @Value.Default
  public Duration scrapeInterval() {
    return Duration.ofSeconds(15);
  }

  /** {@return prometheus-adapter's {@code --metrics-relist-interval}} Default: 1 m, the Helm chart's value. */
  @Value.Default
  public Duration relistInterval() {
    return Duration.ofMinutes(1);
  }

  /** {@return the Seldon Core 2 version ({@code 2.10.1}, {@code v2.8.4})} Default: unknown, version checks skipped. */
  public abstract Optional<String> seldonVersion();

  /**
   * {@return the time from a server pod's creation until it can load a model} Default: unknown, the start-up check
   * is skipped.
   */
  public abstract Optional<Duration> serverStartup();

  /**
   * {@return the namespace of objects written without {@code metadata.namespace}, as {@code kubectl apply -n} gives it}
   * Default: {@code default}, kubectl's.
   */
  @Value.Default
  public String defaultNamespace() {
    return "default";
  }

  /**
   * {@return whether to report objects lint does not check ({@link LintCode#NOT_CHECKED}, INFO)} Default: false, so a
   * folder of mixed manifests gives findings about HPAs, Seldon objects and adapter configs only.
   */
  @Value.Default
  public boolean reportNotChecked() {
    return false;
  }

  /**
   * {@return the resources of the cluster prometheus-adapter runs in, against which the overrides of adapter configs
   * read from YAML are normalised (a cluster's CRDs, KServe, ...)} Default: {@link ResourceTable#builtIn()}.
   */
  @Value.Default
  public ResourceTable resourceTable() {
    return ResourceTable.builtIn();
  }

  /** {@return the defaults: scrape 15 s, relist 1 m, version and start-up time unknown, namespace default} */
  public static LintFacts defaults() {
    return builder().build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableLintFacts.builder();
  }

  /** Builds {@link LintFacts}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's.
     *
     * @param instance the LintFacts whose values are copied
     * @return this builder
     */
    public abstract Builder from(LintFacts instance);

    /**
     * Sets {@link LintFacts#scrapeInterval()}.
     *
     * @param scrapeInterval the interval at which Prometheus scrapes the Seldon agents, in whole milliseconds from
     *     1 ms to 24 h
     * @return this builder
     */
    public abstract Builder scrapeInterval(Duration scrapeInterval);

    /**
     * Sets {@link LintFacts#relistInterval()}.
     *
     * @param relistInterval prometheus-adapter's {@code --metrics-relist-interval}, in whole milliseconds from 1 ms
     *     to 24 h
     * @return this builder
     */
    public abstract Builder relistInterval(Duration relistInterval);

    /**
     * Sets {@link LintFacts#seldonVersion()}.
     *
     * @param seldonVersion the Seldon Core 2 version, such as {@code 2.10.1} or {@code v2.8.4}
     * @return this builder
     */
    public abstract Builder seldonVersion(String seldonVersion);

    /**
     * Sets or clears {@link LintFacts#seldonVersion()}.
     *
     * @param seldonVersion the Seldon Core 2 version, or empty when unknown (version checks are skipped)
     * @return this builder
     */
    public abstract Builder seldonVersion(Optional<String> seldonVersion);

    /**
     * Sets {@link LintFacts#serverStartup()}.
     *
     * @param serverStartup the time from a server pod's creation until it can load a model, in whole milliseconds
     *     from 1 ms to 24 h
     * @return this builder
     */
    public abstract Builder serverStartup(Duration serverStartup);

    /**
     * Sets or clears {@link LintFacts#serverStartup()}.
     *
     * @param serverStartup the start-up time, or empty when unknown (the start-up check is skipped)
     * @return this builder
     */
    public abstract Builder serverStartup(Optional<? extends Duration> serverStartup);

    /**
     * Sets {@link LintFacts#defaultNamespace()}.
     *
     * @param defaultNamespace the namespace of objects written without {@code metadata.namespace}, a DNS-1123
     *     label
     * @return this builder
     */
    public abstract Builder defaultNamespace(String defaultNamespace);

    /**
     * Sets {@link LintFacts#reportNotChecked()}.
     *
     * @param reportNotChecked true to report objects lint does not check as {@link LintCode#NOT_CHECKED} (INFO)
     * @return this builder
     */
    public abstract Builder reportNotChecked(boolean reportNotChecked);

    /**
     * Sets {@link LintFacts#resourceTable()}.
     *
     * @param resourceTable the resources of the cluster prometheus-adapter runs in
     * @return this builder
     */
    public abstract Builder resourceTable(ResourceTable resourceTable);

    /**
     * Builds the {@link LintFacts}, checking every rule of its fields.
     *
     * @return the LintFacts
     * @throws HpaValidationException when a value breaks a rule; the message names the field
     */
    public abstract LintFacts build();
  }

  @Value.Check
  final void check() {
    interval("scrapeInterval", scrapeInterval());
    interval("relistInterval", relistInterval());
    serverStartup().ifPresent(d -> interval("serverStartup", d));
    Checks.dns1123Label("defaultNamespace", defaultNamespace());
    seldonVersion().ifPresent(v -> {
      if (!VERSION.matcher(v).matches()) {
        throw new HpaValidationException(
            "seldonVersion must be a version such as 2.10.1 (was \"" + v + "\")");
      }
    });
  }

  /** Prometheus and the adapter count in milliseconds; a day is far beyond any real interval or start-up. */
  private static void interval(String field, Duration d) {
    if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0 || d.getNano() % 1_000_000 != 0) {
      throw new HpaValidationException(field + " must be whole milliseconds in 1ms..24h (was " + d + ")");
    }
  }

  /** Whether the Seldon version is known and at least {@code major.minor.patch}. */
  final Optional<Boolean> seldonAtLeast(int major, int minor, int patch) {
    return seldonVersion().map(v -> {
      Matcher m = VERSION.matcher(v);
      m.matches();
      int[] have = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
      int[] want = {major, minor, patch};
      for (int i = 0; i < 3; i++) {
        if (have[i] != want[i]) {
          return have[i] > want[i];
        }
      }
      return true;
    });
  }
}
