package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoStruct;
import io.github.seldonhpa.promql.internal.go.GoTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code define}, {@code block} and {@code template}, from Go's src/text/template tests (multi_test.go
 * multiExecTests and multiParseTests, exec_test.go TestExecError, TestMaxExecDepth, TestTree, TestBlock,
 * parse/parse_test.go parseTests and errorTests; Go 1.19 to 1.24 agree on these rows), and as
 * prometheus-adapter runs them: parse errors at load, a missing template at query time.
 */
class GoTemplateDefineTest {
  /** multi_test.go multiText1 and multiText2, parsed with the input instead of in a second Parse call. */
  private static final String DEFINITIONS = "{{define \"x\"}}TEXT{{end}}{{define \"dotV\"}}{{.V}}{{end}}"
      + "{{define \"dot\"}}{{.}}{{end}}{{define \"nested\"}}{{template \"dot\" .}}{{end}}";

  private static final GoStruct T_VAL = GoTemplate.struct("template.T", Map.of(
      "I", 17L, "SI", List.of(3L, 4L, 5L), "U", GoTemplate.struct("*template.U", Map.of("V", "v"))));

  private static String run(String name, String text, Object data) {
    return GoTemplate.parse(name, text, "{{", "}}").execute(data);
  }

  /** multi_test.go multiExecTests. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
    "{{template \"x\" .SI}}|TEXT",
    "{{template \"x\"}}|TEXT",
    "{{template \"dot\" .I}}|17",
    "{{template \"dot\" .SI}}|[3 4 5]",
    "{{template \"dotV\" .U}}|v",
    "{{template \"nested\" .I}}|17",
    "{{template \"nested\" $x:=.SI}},{{index $x 1}}|[3 4 5],4",
  })
  void invokesDefinedTemplates(String input, String output) {
    assertThat(run("root", input + DEFINITIONS, T_VAL)).isEqualTo(output);
  }

  /** A called template sees only its dot, as {@code $}; without a pipeline the dot is nil. */
  @Test
  void calledTemplatesSeeOnlyTheirDot() {
    assertThat(run("t", "{{$v := 1}}{{template \"a\" .I}}{{define \"a\"}}{{$}}/{{.}}{{end}}", T_VAL))
        .isEqualTo("17/17");
    assertThat(run("t", "{{template \"a\"}}{{define \"a\"}}{{.}}{{end}}", T_VAL)).isEqualTo("<no value>");
    assertThatThrownBy(() -> run("t", "{{$v := 1}}{{template \"a\"}}{{define \"a\"}}{{$v}}{{end}}", T_VAL))
        .hasMessage("template: t:1: undefined variable \"$v\"");
  }

  /** exec_test.go TestExecError: the location is the top-level name, the template is the called one. */
  @Test
  void errorsInCalledTemplatesNameThem() {
    String text = "line 1\nline 2\nline 3\n{{template \"one\" .}}\n{{define \"one\"}}{{template \"two\" .}}{{end}}\n"
        + "{{define \"two\"}}{{template \"three\" .}}{{end}}\n{{define \"three\"}}{{index \"hi\" $}}{{end}}";
    assertThatThrownBy(() -> run("top", text, 5L)).isInstanceOf(HpaValidationException.class)
        .hasMessage("template: top:7:20: executing \"three\" at <index \"hi\" $>: error calling index: index out of"
            + " range: 5");
  }

  /** exec_test.go TestMaxExecDepth, with the limit of Go on WebAssembly. */
  @Test
  void recursionStopsAtTheMaximumTemplateDepth() {
    assertThatThrownBy(() -> run("tmpl", "{{template \"tmpl\" .}}", null))
        .hasMessage("template: tmpl:1:11: executing \"tmpl\" at <{{template \"tmpl\" .}}>: exceeded maximum template"
            + " depth (1000)");
  }

  private static GoStruct tree(long val, GoStruct left, GoStruct right) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("Val", val);
    f.put("Left", left);
    f.put("Right", right);
    return GoTemplate.struct("*template.Tree", f);
  }

  /** exec_test.go TestTree: a recursive template with ( ) delimiters and trim markers. */
  @Test
  void walksABinaryTree() {
    String treeTemplate = "\n\t(- define \"tree\" -)\n\t[\n\t\t(- .Val -)\n\t\t(- with .Left -)\n\t\t\t(template \"tree\" . -)\n"
        + "\t\t(- end -)\n\t\t(- with .Right -)\n\t\t\t(- template \"tree\" . -)\n\t\t(- end -)\n\t]\n\t(- end -)\n";
    GoStruct t = tree(1, tree(2, tree(3, tree(4, null, null), null), tree(5, tree(6, null, null), null)),
        tree(7, tree(8, tree(9, null, null), null), tree(10, tree(11, null, null), null)));
    assertThat(GoTemplate.parse("root", "(template \"tree\" .)" + treeTemplate, "(", ")").execute(t))
        .isEqualTo("[1[2[3[4]][5[6]]][7[8[9]][10[11]]]]");
  }

  /** exec_test.go TestBlock and parse_test.go "block definition". */
  @Test
  void blockDefinesAndCallsInPlace() {
    assertThat(run("outer", "a({{block \"inner\" .}}bar({{.}})baz{{end}})b", "hello")).isEqualTo("a(bar(hello)baz)b");
    // the block's body is its own tree: it sees neither the outer variables nor a surrounding range
    assertThatThrownBy(() -> run("t", "{{$x := 1}}{{block \"b\" .}}{{$x}}{{end}}", null))
        .hasMessage("template: t:1: undefined variable \"$x\"");
    assertThatThrownBy(() -> run("t", "{{range .}}{{block \"b\" .}}{{break}}{{end}}{{end}}", null))
        .hasMessage("template: t:1: {{break}} outside {{range}}");
  }

  /** A define with the template's own name replaces an empty top level (parse_test.go "definitions and space"). */
  @Test
  void aDefinitionFillsAnEmptyTopLevel() {
    assertThat(run("q", "{{define \"q\"}}from define{{end}}\n\n", null)).isEqualTo("from define");
    assertThat(run("q", "{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n", null))
        .isEqualTo("\n\n\n\n");
  }

  /** parse_test.go errorTests and parseTests' error rows, multi_test.go multiParseTests; errors at parse time. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
    "{{define `a`}}a{{end}}{{define `a`}}b{{end}}|template: t:1: template: multiple definition of template \"a\"",
    "{{define \"foo\"}} FOO |template: t:1: unexpected EOF",
    "{{define \"foo}} FOO |template: t:1: unterminated quoted string",
    "{{define .X}}a{{end}}|template: t:1: unexpected \".X\" in define clause",
    "{{define \"a\"}}a{{else}}b{{end}}|template: t:1: unexpected {{else}} in define clause",
    "{{template .X}}|template: t:1: unexpected \".X\" in template clause",
    "{{template $v}}|template: t:1: unexpected \"$v\" in template clause",
    "{{block \"foo\"}}hello{{end}}|template: t:1: missing value for block clause",
    "{{if 1}}{{define \"a\"}}{{end}}{{end}}|template: t:1: unexpected <define> in command",
  })
  void rejectsMalformedDefinitionsWhenParsing(String input, String message) {
    assertThatThrownBy(() -> GoTemplate.parse("t", input, "{{", "}}")).isInstanceOf(HpaValidationException.class)
        .hasMessage(message);
  }

  /** The example: the adapter loads the rule and fails at query time, with Go's message. */
  @Test
  void aMissingTemplateFailsTheQueryNotTheLoad() {
    DiscoveryRule rule = DiscoveryRule.builder().seriesQuery("seldon_model_infer_total")
        .resources(ResourceMapping.builder().template("<<.Resource>>").build())
        .metricsQuery("<<template \"x\">>").build();
    assertThat(AdapterConfig.builder().addRule(rule).build().loadErrors()).isEmpty();
    MetricsQuery query = MetricsQuery.of(rule);
    assertThatThrownBy(() -> query.build("s", GroupResource.of("", "pods"), "ns", java.util.Optional.empty(), "p"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("template: metrics-query:1:11: executing \"metrics-query\" at <{{template \"x\"}}>: template \"x\" not"
            + " defined");
  }

  @Test
  void aDefinedHelperTemplateBuildsTheQuery() {
    DiscoveryRule rule = DiscoveryRule.builder().seriesQuery("seldon_model_infer_total")
        .resources(ResourceMapping.builder().template("<<.Resource>>").build())
        .metricsQuery("<<define \"rate\">>rate(<<.Series>>{<<.LabelMatchers>>}[2m])<<end>>"
            + "sum(<<template \"rate\" .>>) by (<<.GroupBy>>)").build();
    assertThat(MetricsQuery.of(rule).build("seldon_model_infer_total", GroupResource.of("", "pods"), "ns",
        java.util.Optional.empty(), "p")).isEqualTo(
            "sum(rate(seldon_model_infer_total{namespace=\"ns\",pod=\"p\"}[2m])) by (pod)");
  }
}
