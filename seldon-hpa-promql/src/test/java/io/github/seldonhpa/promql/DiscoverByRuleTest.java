package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each rule's own registrations, which the whole config's registry hides when two rules collide. */
class DiscoverByRuleTest {
  @Test
  void collidingRulesShowTheirMetricsPerRule() {
    DiscoveryRule rps = SeldonPresets.modelInferRps(Duration.ofMinutes(2));
    AdapterConfig config = AdapterConfig.builder().addRule(rps).addRule(rps).build();
    List<List<RegisteredMetric>> byRule = config.discoverByRule(SeldonPresets.defaultSeries());
    assertThat(byRule).hasSize(2);
    assertThat(byRule.get(0)).extracting(RegisteredMetric::ruleIndex).containsOnly(0);
    assertThat(byRule.get(1)).extracting(RegisteredMetric::ruleIndex).containsOnly(1);
    assertThat(byRule.get(0)).extracting(RegisteredMetric::metricName).containsOnly("infer_rps");
    List<RegisteredMetric> whole = config.discover(SeldonPresets.defaultSeries());
    assertThat(whole).extracting(RegisteredMetric::ruleIndex).containsOnly(1);
    assertThat(whole.stream().map(r -> r.resource().orElseThrow()).collect(Collectors.toSet()))
        .isEqualTo(byRule.get(0).stream().map(r -> r.resource().orElseThrow()).collect(Collectors.toSet()));
  }

  @Test
  void aConfigThatDoesNotLoadIsRefused() {
    AdapterConfig config = AdapterConfig.builder().addRule(DiscoveryRule.builder().seriesQuery("{x=\"1\"}")
        .metricsQuery("<<.Series").build()).build();
    assertThatThrownBy(() -> config.discoverByRule(List.of())).isInstanceOf(HpaValidationException.class);
  }
}
