package io.github.seldonhpa.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.PrometheusDuration;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One description of a prometheus-adapter install with the {@code prometheus-community/prometheus-adapter}
 * Helm chart, and everything the Seldon docs derive from it: the ConfigMap with the adapter rules, the
 * chart values that hold the same rules, and the shell commands of the docs' walk-through.
 *
 * <pre>{@code
 * AdapterInstall install = AdapterInstall.builder()
 *     .release("hpa-metrics").namespace("seldon-monitoring")
 *     .prometheusUrl("http://seldon-monitoring-prometheus")
 *     .config(SeldonPresets.inferRpsConfig(Duration.ofMinutes(2)))
 *     .build();
 * install.configMapYaml();   // hpa-metrics-prometheus-adapter in seldon-monitoring, for kubectl replace -f
 * install.chartValuesYaml(); // prometheus.url, rules.custom: for helm install -f
 * install.commands("prometheus-adapter.config.yaml"); // helm repo add ... kubectl get --raw ...
 * }</pre>
 *
 * <p>Chart keys as in {@code charts/prometheus-adapter/values.yaml} of prometheus-community/helm-charts
 * (commit 4e2b8dbb7bef): {@code prometheus.url}, {@code prometheus.port} (default 9090),
 * {@code metricsRelistInterval} (default 1m), {@code rules.default} (the chart's own rules, default true),
 * {@code rules.custom}, {@code rules.external}, {@code rules.resource}; the deployment template passes
 * {@code --prometheus-url=<url>:<port><path>} and {@code --metrics-relist-interval}.
 */
@Value.Immutable
public abstract class AdapterInstall {
  /** The Helm repository name the Seldon docs add: {@code prometheus-community}. */
  public static final String CHART_REPOSITORY_NAME = "prometheus-community";
  /** The Helm repository of the chart. */
  public static final String CHART_REPOSITORY_URL = "https://prometheus-community.github.io/helm-charts";
  /** The chart: {@code prometheus-community/prometheus-adapter}. */
  public static final String CHART = CHART_REPOSITORY_NAME + "/prometheus-adapter";
  /** The custom metrics API the adapter serves, as the docs list it. */
  public static final String CUSTOM_METRICS_API = "/apis/custom.metrics.k8s.io/v1beta1/";

  AdapterInstall() {}

  /** {@return the Helm release name ({@code hpa-metrics} in the Seldon docs): a DNS-1123 label} */
  public abstract String release();

  /** {@return the namespace of the release, where Prometheus runs in the docs ({@code seldon-monitoring})} */
  public abstract String namespace();

  /**
   * {@return chart value {@code prometheus.url}: the Prometheus service URL without port and path
   * ({@code http://seldon-monitoring-prometheus}); the chart appends {@code :<prometheus.port>}}
   */
  public abstract String prometheusUrl();

  /** {@return chart value {@code prometheus.port}} Range: 1..65535. Default: none (the chart's 9090). */
  public abstract Optional<Integer> prometheusPort();

  /**
   * {@return chart value {@code metricsRelistInterval} ({@code --metrics-relist-interval}); must be at least the
   * Prometheus scrape interval} Range: &gt; 0, whole milliseconds. Default: none (the chart's 1m).
   */
  public abstract Optional<Duration> metricsRelistInterval();

  /** {@return the adapter's rules: the ConfigMap's {@code config.yaml}, and {@code rules.*} in the chart values} */
  public abstract AdapterConfig config();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableAdapterInstall.builder();
  }

  /** {@return a builder holding this install's values, to derive another install from it} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link AdapterInstall}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code install}.
     *
     * @param install the install whose values are copied; this builder's values for the ones it lacks are kept
     * @return this builder
     */
    public abstract Builder from(AdapterInstall install);

    /**
     * Sets {@link AdapterInstall#release()}.
     *
     * @param release the Helm release name, a DNS-1123 label such as {@code hpa-metrics}
     * @return this builder
     */
    public abstract Builder release(String release);

    /**
     * Sets {@link AdapterInstall#namespace()}.
     *
     * @param namespace the release's namespace, a DNS-1123 label such as {@code seldon-monitoring}
     * @return this builder
     */
    public abstract Builder namespace(String namespace);

    /**
     * Sets {@link AdapterInstall#prometheusUrl()}.
     *
     * @param prometheusUrl the Prometheus service URL without port and path, such as {@code
     *     http://seldon-monitoring-prometheus}
     * @return this builder
     */
    public abstract Builder prometheusUrl(String prometheusUrl);

    /**
     * Sets {@link AdapterInstall#prometheusPort()}.
     *
     * @param prometheusPort the Prometheus port, 1 to 65535
     * @return this builder
     */
    public abstract Builder prometheusPort(int prometheusPort);

    /**
     * Sets or clears {@link AdapterInstall#prometheusPort()}.
     *
     * @param prometheusPort the Prometheus port, or empty for the chart's 9090
     * @return this builder
     */
    public abstract Builder prometheusPort(Optional<Integer> prometheusPort);

    /**
     * Sets {@link AdapterInstall#metricsRelistInterval()}.
     *
     * @param metricsRelistInterval above 0, in whole milliseconds; at least the Prometheus scrape interval
     * @return this builder
     */
    public abstract Builder metricsRelistInterval(Duration metricsRelistInterval);

    /**
     * Sets or clears {@link AdapterInstall#metricsRelistInterval()}.
     *
     * @param metricsRelistInterval the interval, or empty for the chart's 1m
     * @return this builder
     */
    public abstract Builder metricsRelistInterval(Optional<? extends Duration> metricsRelistInterval);

    /**
     * Sets {@link AdapterInstall#config()}.
     *
     * @param config the adapter's rules
     * @return this builder
     */
    public abstract Builder config(AdapterConfig config);

    /**
     * {@return the install}
     *
     * @throws HpaValidationException when a required value is missing or a value breaks a rule
     */
    public abstract AdapterInstall build();
  }

  /** {@return the ConfigMap the chart creates and the adapter reads: {@code <release>-prometheus-adapter}} */
  public final String configMapName() {
    return Manifests.adapterConfigMapName(release());
  }

  /** {@return the adapter's ConfigMap with {@link #config()}, as a fresh fabric8 object} */
  public final ConfigMap configMap() {
    return Manifests.adapterConfigMap(release(), namespace(), config());
  }

  /** {@return the adapter's ConfigMap as YAML, the file of {@code kubectl replace -f}} */
  public final String configMapYaml() {
    return Manifests.adapterConfigMapYaml(release(), namespace(), config());
  }

  /**
   * {@return the chart values for {@code helm install -f}: {@code prometheus.url} (and {@code port}),
   * {@code metricsRelistInterval} when set, and the rules under {@code rules}: {@code default: false} (the
   * chart's generic rules would otherwise come first in {@code config.yaml}, as the ConfigMap of the docs
   * has none), {@code custom}, {@code external} and {@code resource} from {@link #config()}} The chart
   * renders them into the same {@code config.yaml} as {@link #configMapYaml()}, so no replace and restart
   * is needed.
   */
  public final String chartValuesYaml() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> prometheus = new LinkedHashMap<>();
    prometheus.put("url", prometheusUrl());
    prometheusPort().ifPresent(p -> prometheus.put("port", p));
    root.put("prometheus", prometheus);
    metricsRelistInterval().ifPresent(d -> root.put("metricsRelistInterval", PrometheusDuration.format(d)));
    Map<String, Object> config = ManifestTrees.adapterConfig(config());
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("default", false);
    putIfPresent(config, "rules", rules, "custom");
    putIfPresent(config, "externalRules", rules, "external");
    putIfPresent(config, "resourceRules", rules, "resource");
    root.put("rules", rules);
    StringBuilder out = new StringBuilder(1024);
    YamlEmitter.document(root, out);
    return out.toString();
  }

  private static void putIfPresent(Map<String, Object> from, String key, Map<String, Object> to, String as) {
    if (from.containsKey(key)) {
      to.put(as, from.get(key));
    }
  }

  /**
   * {@return the Seldon docs' commands, shell-safe and in order: add and update the chart repository, install the
   * release pointed at Prometheus, replace the ConfigMap with {@code configMapFile} (holding
   * {@link #configMapYaml()}), restart the adapter so it reads it, and list the custom metrics API}
   *
   * @param configMapFile the file {@code kubectl replace -f} reads, holding {@link #configMapYaml()}; not blank
   */
  public final List<String> commands(String configMapFile) {
    Checks.notBlank("configMapFile", configMapFile);
    List<String> commands = new ArrayList<>(6);
    commands.add("helm repo add " + CHART_REPOSITORY_NAME + " " + CHART_REPOSITORY_URL);
    commands.add("helm repo update");
    commands.add(helmInstall());
    commands.add("kubectl replace -f " + ShellWords.word(configMapFile));
    commands.add("kubectl rollout restart deployment " + configMapName() + " -n " + namespace());
    commands.add(listCommand());
    return commands;
  }

  /**
   * {@return the commands with the rules in the chart values instead of a replaced ConfigMap: add and update the
   * repository, install with {@code -f valuesFile} (holding {@link #chartValuesYaml()}), list the API}
   *
   * @param valuesFile the file {@code helm install -f} reads, holding {@link #chartValuesYaml()}; not blank
   */
  public final List<String> chartValuesCommands(String valuesFile) {
    Checks.notBlank("valuesFile", valuesFile);
    return List.of(
        "helm repo add " + CHART_REPOSITORY_NAME + " " + CHART_REPOSITORY_URL,
        "helm repo update",
        "helm install " + release() + " " + CHART + " -n " + namespace() + " -f " + ShellWords.word(valuesFile),
        listCommand());
  }

  /** The docs' {@code helm install --set prometheus.url='...' <release> <chart> -n <namespace>}. */
  private String helmInstall() {
    StringBuilder cmd = new StringBuilder("helm install --set prometheus.url=")
        .append(ShellWords.quoted(ShellWords.helmSetValue(prometheusUrl())));
    prometheusPort().ifPresent(p -> cmd.append(" --set prometheus.port=").append(p));
    metricsRelistInterval().ifPresent(d -> cmd.append(" --set metricsRelistInterval=")
        .append(PrometheusDuration.format(d)));
    return cmd.append(' ').append(release()).append(' ').append(CHART).append(" -n ").append(namespace())
        .toString();
  }

  private static String listCommand() {
    return "kubectl get --raw " + CUSTOM_METRICS_API + " | jq .";
  }

  @Value.Check
  final void check() {
    Checks.dns1123Label("release", release());
    Checks.check(release().length() <= 63 - "-prometheus-adapter".length(),
        "release must be at most %d characters so that <release>-prometheus-adapter is a valid name (was %d"
            + " characters)", 63 - "-prometheus-adapter".length(), release().length());
    Checks.dns1123Label("namespace", namespace());
    checkUrl(prometheusUrl());
    prometheusPort().ifPresent(p -> Checks.check(p >= 1 && p <= 65535,
        "prometheusPort must be in 1..65535 (was %d)", p));
    metricsRelistInterval().ifPresent(d -> {
      Checks.check(!d.isNegative() && !d.isZero(), "metricsRelistInterval must be > 0 (was %s)", d);
      Checks.check(d.getNano() % 1_000_000 == 0, "metricsRelistInterval must be whole milliseconds (was %s)", d);
    });
  }

  private static void checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new HpaValidationException(String.format("prometheusUrl must be a URL (was \"%s\")", url));
    }
    Checks.check(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
        "prometheusUrl must be an http or https URL with a host (was \"%s\")", url);
    Checks.check(uri.getPort() < 0 && uri.getUserInfo() == null,
        "prometheusUrl must not carry a port or user: the chart appends :<prometheus.port> (default 9090);"
            + " set prometheusPort (was \"%s\")", url);
    Checks.check((uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
            && uri.getRawFragment() == null,
        "prometheusUrl must not carry a path, query or fragment: the chart appends :<prometheus.port> to it"
            + " (was \"%s\")", url);
  }
}
