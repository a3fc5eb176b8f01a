package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ObjectReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14's rows for the adapter engine: each hostile input gets the library's error at once. */
class HostileAdapterInputTest {
  private static AdapterConfig withQuery(String metricsQuery) {
    return AdapterConfig.builder().addRule(DiscoveryRule.builder().seriesQuery("q")
        .resources(ResourceMapping.template("<<.Resource>>")).metricsQuery(metricsQuery).build()).build();
  }

  /** Was a StackOverflowError out of loadErrors(), validate() and Lint.check. */
  @Test
  void aThousandNestedParenthesesInAMetricsQuery() {
    String query = "<<" + "(".repeat(1000) + ".Series" + ")".repeat(1000) + ">>";
    AdapterConfig config = withQuery(query);
    assertThat(config.loadErrors()).singleElement().asString()
        .startsWith("rules[0]: unable to construct metrics query associated with series query \"q\": unable to parse"
            + " metrics query template \"<<((((")
        .endsWith("\": template: metrics-query:1: max expression depth exceeded");
    assertThatThrownBy(config::validate).isInstanceOf(HpaValidationException.class)
        .hasMessageEndingWith("max expression depth exceeded");
    assertThat(withQuery("<<" + "(".repeat(100) + ".Series" + ")".repeat(100) + ">>").loadErrors()).isEmpty();
  }

  @Test
  void deeplyNestedControlsAndLongElseIfChains() {
    assertThat(withQuery("<<if 1>>".repeat(5000) + "<<end>>".repeat(5000)).loadErrors()).singleElement().asString()
        .endsWith("template: metrics-query:1: max expression depth exceeded");
    assertThat(withQuery("<<if 1>>" + "<<else if 1>>".repeat(5000) + "<<end>>").loadErrors()).singleElement()
        .asString().endsWith("template: metrics-query:1: max expression depth exceeded");
  }

  @Test
  void recursiveTemplatesStopAtTheExecutionDepth() {
    AdapterConfig config = withQuery("<<define \"r\">><<template \"r\" .>><<end>><<template \"r\" .>>");
    assertThat(config.loadErrors()).isEmpty();
    assertThatThrownBy(() -> MetricsQuery.of(config.rules().get(0)).build("s", GroupResource.core("pods"), "ns",
        Optional.empty(), "p")).isInstanceOf(HpaValidationException.class)
        .hasMessage("template: metrics-query:1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template"
            + " depth (1000)");
  }

  /** Was 112 s of lint through java.util.regex. */
  @Test
  void aNameMatchesOf160000Characters() {
    AdapterConfig config = AdapterConfig.builder().addRule(DiscoveryRule.builder().seriesQuery("q")
        .resources(ResourceMapping.template("<<.Resource>>")).name(NameMapping.of("a".repeat(160_000), ""))
        .metricsQuery("<<.Series>>").build()).build();
    assertThat(config.loadErrors()).singleElement().asString().endsWith(
        "regexp must be at most 4096 characters (was 160000 characters)");
  }

  /** Was {@code kubectl get --raw ".../$(id)/infer_rps"}, which runs id when pasted. */
  @Test
  void aModelNamedLikeACommandSubstitutionIsQuoted() {
    Explanation e = SeldonPresets.inferRpsConfig(java.time.Duration.ofMinutes(1)).explain(ApiTypes.objectMetric(
        "infer_rps", ObjectReference.model("$(id)"), Optional.empty()), "seldon-mesh", SeldonPresets.defaultSeries());
    assertThat(e.kubectlCommand()).isEqualTo("kubectl get --raw "
        + "'/apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/$(id)/infer_rps'");
  }

  @Test
  void shellWordsQuoteEverythingAShellReads() {
    assertThat(ShellWords.quote("/apis/x.k8s.io/v1/a-b_c:d,e+f@g%h")).isEqualTo("/apis/x.k8s.io/v1/a-b_c:d,e+f@g%h");
    for (String w : List.of("$(id)", "`id`", "a b", "*", "a?b", "[a]", "~", "a;b", "a|b", "a&b", "a>b", "{a,b}",
        "!x", "#x", "a=b", "")) {
      assertThat(ShellWords.quote(w)).isEqualTo("'" + w + "'");
    }
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
  }
}
