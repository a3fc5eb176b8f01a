package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** apimachinery's selector grammar corners and validation, beyond the selectorParsing vectors. */
class LabelSelectorsTest {
  private static String parsed(String text) {
    return LabelSelectors.toString(LabelSelectors.parse(text));
  }

  @Test
  void emptyValuesAndKeywordsAsValues() {
    assertThat(parsed("a=")).isEqualTo("a=");
    assertThat(parsed("a in (,b)")).isEqualTo("a in (,b)");
    assertThat(parsed("a in (b,,c)")).isEqualTo("a in (,b,c)");
    assertThat(parsed("a notin (in, notin)")).isEqualTo("a notin (in,notin)");
    assertThat(parsed("  b = 1 , a != 2 ")).isEqualTo("a!=2,b=1");
    assertThat(parsed("")).isEmpty();
    assertThat(parsed("x>3,x<9")).isEqualTo("x>3,x<9");
  }

  @Test
  void equalKeysKeepTheirOrder() {
    assertThat(parsed("b=2,a=1,b!=3,a")).isEqualTo("a=1,a,b=2,b!=3");
  }

  @Test
  void syntaxErrorsNameTheToken() {
    assertThatThrownBy(() -> LabelSelectors.parse("a=b,"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("metricLabelSelector must parse as a label selector: found '', expected: identifier after ','"
            + " (was \"a=b,\")");
    assertThatThrownBy(() -> LabelSelectors.parse("a in b"))
        .hasMessage("metricLabelSelector must parse as a label selector: unable to parse requirement: found 'b'"
            + " expected: '(' (was \"a in b\")");
    assertThatThrownBy(() -> LabelSelectors.parse("a b"))
        .hasMessage("metricLabelSelector must parse as a label selector: unable to parse requirement: found 'b',"
            + " expected: in, notin, =, ==, !=, gt, lt (was \"a b\")");
    assertThatThrownBy(() -> LabelSelectors.parse("!a=b"))
        .hasMessage("metricLabelSelector must parse as a label selector: found '=', expected: ',' or 'end of"
            + " string' (was \"!a=b\")");
  }

  @Test
  void requirementsAreValidatedAsNewRequirementDoes() {
    assertThatThrownBy(() -> LabelSelectors.parse("x>three"))
        .hasMessage("metricLabelSelector values must be exactly one integer for 'gt', 'lt' operators (was [three])");
    assertThatThrownBy(() -> LabelSelectors.parse("-a=b"))
        .hasMessageStartingWith("metricLabelSelector key must be a qualified name").hasMessageEndingWith("(was \"-a\")");
    assertThatThrownBy(() -> LabelSelectors.parse("a=b-"))
        .hasMessageStartingWith("metricLabelSelector values must be valid label values")
        .hasMessageEndingWith("(was \"b-\")");
    assertThat(parsed("app.kubernetes.io/name=web")).isEqualTo("app.kubernetes.io/name=web");
  }

  @Test
  void hpaSelectorsSortKeysAndValueSets() {
    LabelSelector selector = LabelSelector.builder().putMatchLabel("z", "1")
        .addMatchExpression(ApiTypes.requirement("a", "In", List.of("y", "x", "y")))
        .addMatchExpression(ApiTypes.requirement("m", "DoesNotExist", List.of())).build();
    assertThat(LabelSelectors.toString(LabelSelectors.of(selector))).isEqualTo("a in (x,y),!m,z=1");
  }

  @Test
  void keysSortInUtf8ByteOrderNotUtf16Order() {
    // U+FF21 sorts after U+1F600 in UTF-16 code units but before it in UTF-8 bytes (Go's order)
    assertThat(Requirement.compareGo("\uFF21", "\uD83D\uDE00")).isNegative();
    assertThat("\uFF21".compareTo("\uD83D\uDE00")).isPositive();
  }
}
