package io.github.seldonhpa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.promql.AdapterConfig;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prometheus-adapter config in a file: its ConfigMap ({@code data."config.yaml"}), a bare
 * {@code config.yaml}, or the adapter Helm chart's values, whose {@code rules.custom}, {@code rules.external}
 * and {@code rules.resource} the chart writes into the config as {@code rules}, {@code externalRules} and
 * {@code resourceRules}.
 */
final class AdapterConfigFile {
  private AdapterConfigFile() {}

  static AdapterConfig read(Path file) {
    List<Manifest> manifests = ManifestReader.create().read(file);
    for (Manifest m : manifests) {
      if (m.kind().isEmpty() && isChartValues(m.tree())) {
        return fromChartValues(file, m.tree());
      }
      boolean configMap = m.kind().equals("ConfigMap")
          && m.tree().get("data") instanceof Map && ((Map<?, ?>) m.tree().get("data")).containsKey("config.yaml");
      if (configMap || m.kind().isEmpty()) {
        return m.toAdapterConfig();
      }
    }
    throw new HpaValidationException(file + " holds no adapter config: a ConfigMap with data.\"config.yaml\","
        + " a bare config.yaml or the adapter chart's values");
  }

  /** The chart nests its rules one level down: {@code rules: {default: true, custom: [...]}}. */
  private static boolean isChartValues(Map<String, Object> tree) {
    if (!(tree.get("rules") instanceof Map)) {
      return false;
    }
    Map<?, ?> rules = (Map<?, ?>) tree.get("rules");
    return rules.containsKey("custom") || rules.containsKey("external") || rules.containsKey("resource")
        || rules.containsKey("default");
  }

  private static AdapterConfig fromChartValues(Path file, Map<String, Object> values) {
    Map<?, ?> rules = (Map<?, ?>) values.get("rules");
    Map<String, Object> config = new LinkedHashMap<>();
    copy(rules, "custom", config, "rules");
    copy(rules, "external", config, "externalRules");
    copy(rules, "resource", config, "resourceRules");
    try {
      String yaml = new ObjectMapper(new YAMLFactory()).writeValueAsString(config);
      return ManifestReader.create().read(file + " (chart values' rules)", yaml).get(0).toAdapterConfig();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree read from YAML always writes back
    }
  }

  private static void copy(Map<?, ?> from, String key, Map<String, Object> to, String as) {
    Object v = from.get(key);
    if (v != null) {
      to.put(as, v);
    }
  }
}
