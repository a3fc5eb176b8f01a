package io.github.seldonhpa.promql.internal.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Go text/template behaviour. Most cases come from Go's src/text/template/exec_test.go (execTests) and
 * parse/parse_test.go (errorTests) with the {@code {{ }}} delimiters and a data value shaped like Go's
 * {@code tVal}; the rest use the adapter's {@code << >>} templates.
 */
class GoTemplateTest {

  private static Map<String, Object> fields(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static GoMap intMap(Object... kv) {
    return new GoMap("map[string]int", 0L, fields(kv));
  }

  /** The fields of Go's tVal that need no methods. */
  private static final GoStruct T_VAL = GoTemplate.struct("template.T", fields(
      "True", true,
      "I", 17L,
      "U16", 16L,
      "X", "x",
      "FloatZero", 0.0,
      "U", GoTemplate.struct("*template.U", fields("V", "v")),
      "SI", List.of(3L, 4L, 5L),
      "SIEmpty", List.of(),
      "SB", List.of(true, false),
      "MSI", intMap("one", 1L, "two", 2L, "three", 3L),
      "MSIone", intMap("one", 1L),
      "MSIEmpty", intMap(),
      "MXI", GoTemplate.anyMap(fields()),
      "SMSI", List.of(intMap("one", 1L, "two", 2L), intMap("eleven", 11L, "twelve", 12L)),
      "Empty0", null,
      "Empty3", java.util.Arrays.asList(7L, 8L),
      "PS", "a string"));

  private record Case(String name, String input, String output, Object data) {}

  private static final List<Case> EXEC = new ArrayList<>();

  private static void ok(String name, String input, String output) {
    EXEC.add(new Case(name, input, output, T_VAL));
  }

  private static void ok(String name, String input, String output, Object data) {
    EXEC.add(new Case(name, input, output, data));
  }

  static {
    // Trivial cases.
    ok("empty", "", "");
    ok("text", "some text", "some text");
    ok("nil action", "{{nil}}", null);
    // Ideal constants.
    ok("ideal int", "{{typeOf 3}}".replace("typeOf", "printf `%T`"), "int");
    ok("ideal float", "{{printf `%T` 1.0}}", "float64");
    ok("ideal exp float", "{{printf `%T` 1e1}}", "float64");
    ok("ideal char", "{{printf `%T` 'a'}}", "int");
    ok("ideal hex int", "{{printf `%T` 0x10}}", "int");
    ok("ideal big int", "{{printf `%T` 1e30}}", "float64");
    ok("ideal number 1e3", "{{1e3}}", "1000");
    ok("ideal number 0x10", "{{0x10}}", "16");
    ok("ideal number 0b101", "{{0b101}}", "5");
    ok("ideal number 0o17 017 1_000", "{{0o17}} {{017}} {{1_000}}", "15 15 1000");
    ok("ideal number -1.5", "{{-1.5}}", "-1.5");
    // Fields of structs.
    ok(".X", "-{{.X}}-", "-x-");
    ok(".U.V", "-{{.U.V}}-", "-v-");
    // Fields on maps.
    ok("map .one", "{{.MSI.one}}", "1");
    ok("map .two", "{{.MSI.two}}", "2");
    ok("map .NO", "{{.MSI.NO}}", "<no value>");
    ok("map .one interface", "{{.MXI.one}}", "<no value>");
    ok("map .WRONG args", "{{.MSI.one 1}}", null);
    // Dots of all kinds to test basic evaluation.
    ok("dot int", "<{{.}}>", "<13>", 13L);
    ok("dot float", "<{{.}}>", "<15.1>", 15.1);
    ok("dot bool", "<{{.}}>", "<true>", true);
    ok("dot string", "<{{.}}>", "<hello>", "hello");
    ok("dot slice", "<{{.}}>", "<[-1 -2 -3]>", List.of(-1L, -2L, -3L));
    ok("dot map", "<{{.}}>", "<map[two:22]>", intMap("two", 22L));
    ok("dot struct", "<{{.}}>", "<{7 seven}>", GoTemplate.struct("struct { a int; b string }",
        fields("a", 7L, "b", "seven")));
    // Variables.
    ok("$ int", "{{$}}", "123", 123L);
    ok("$.I", "{{$.I}}", "17");
    ok("$.U.V", "{{$.U.V}}", "v");
    ok("declare in action", "{{$x := $.U.V}}{{$x}}", "v");
    ok("simple assignment", "{{$x := 2}}{{$x = 3}}{{$x}}", "3");
    ok("nested assignment", "{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{$x}}", "3");
    ok("nested assignment changes the last declaration",
        "{{$x := 1}}{{if true}}{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{end}}{{$x}}", "1");
    // Type with String method would go here; none in template data.
    // Parenthesized expressions
    ok("parens in pipeline", "{{printf `%d %d %d` (1) (2 | print) (print 4 (print 5 6))}}",
        "1 %!d(string=2) %!d(string=45 6)");
    ok("parens: $ in paren", "{{($).X}}", "x");
    ok("parens: $.U in paren", "{{($.U).V}}", "v");
    ok("parens: chained index", "{{(index .SMSI 1).eleven}}", "11");
    // If.
    ok("if true", "{{if true}}TRUE{{end}}", "TRUE");
    ok("if false", "{{if false}}TRUE{{else}}FALSE{{end}}", "FALSE");
    ok("if nil", "{{if nil}}TRUE{{end}}", null);
    ok("if 1", "{{if 1}}NON-ZERO{{else}}ZERO{{end}}", "NON-ZERO");
    ok("if 0", "{{if 0}}NON-ZERO{{else}}ZERO{{end}}", "ZERO");
    ok("if 1.5", "{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}", "NON-ZERO");
    ok("if 0.0", "{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}", "ZERO");
    ok("if emptystring", "{{if ``}}NON-EMPTY{{else}}EMPTY{{end}}", "EMPTY");
    ok("if string", "{{if `notempty`}}NON-EMPTY{{else}}EMPTY{{end}}", "NON-EMPTY");
    ok("if emptyslice", "{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}", "EMPTY");
    ok("if slice", "{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}", "NON-EMPTY");
    ok("if emptymap", "{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}", "EMPTY");
    ok("if map", "{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}", "NON-EMPTY");
    ok("if map unset", "{{if .MXI.none}}NON-ZERO{{else}}ZERO{{end}}", "ZERO");
    ok("if map not unset", "{{if not .MXI.none}}ZERO{{else}}NON-ZERO{{end}}", "ZERO");
    ok("if $x with $y int", "{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}", "true,17");
    ok("if $x with $x int", "{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}", "17,true");
    ok("if else if", "{{if false}}FALSE{{else if true}}TRUE{{end}}", "TRUE");
    ok("if else chain", "{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}", "3");
    // Print etc.
    ok("print", "{{print \"hello, print\"}}", "hello, print");
    ok("print 123", "{{print 1 2 3}}", "1 2 3");
    ok("print nil", "{{print nil}}", "<nil>");
    ok("println", "{{println 1 2 3}}", "1 2 3\n");
    ok("printf int", "{{printf \"%04x\" 127}}", "007f");
    ok("printf float", "{{printf \"%g\" 3.5}}", "3.5");
    ok("printf string", "{{printf \"%s\" \"hello\"}}", "hello");
    ok("printf field", "{{printf \"%s\" .U.V}}", "v");
    ok("printf dot", "{{with .I}}{{printf \"%d\" .}}{{end}}", "17");
    ok("printf var", "{{with $x := .I}}{{printf \"%d\" $x}}{{end}}", "17");
    ok("printf lots", "{{printf \"%d %s %g %s\" 127 \"hello\" 7.5 .X}}", "127 hello 7.5 x");
    // HTML, JavaScript, URL query.
    ok("html", "{{html \"<script>alert(\\\"XSS\\\");</script>\"}}",
        "&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;", null);
    ok("html pipeline", "{{printf \"<script>alert(\\\"XSS\\\");</script>\" | html}}",
        "&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;", null);
    ok("html", "{{html .PS}}", "a string");
    ok("html typed nil", "{{html .MXI.none}}", "&lt;no value&gt;");
    ok("js", "{{js .}}", "It\\'d be nice.", "It'd be nice.");
    ok("js control and unicode", "{{js .}}", "\\u000A\\u003C\\u003E\\u0026\\u003D☺", "\n<>&=☺");
    ok("urlquery", "{{\"http://www.example.org/\"|urlquery}}", "http%3A%2F%2Fwww.example.org%2F", null);
    // Booleans.
    ok("not", "{{not true}} {{not false}}", "false true", null);
    ok("and", "{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}", "false 0 0 1", null);
    ok("or", "{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}", "0 1 true 1", null);
    ok("or short-circuits", "{{or 1 .Nope.Undefined}}", "1");
    ok("and short-circuits", "{{and 0 .Nope.Undefined}}", "0");
    ok("boolean if", "{{if and true 1 `hi`}}TRUE{{else}}FALSE{{end}}", "TRUE");
    ok("boolean if not", "{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}", "FALSE", null);
    ok("and pipe", "{{true | and 1}}", "true");
    ok("or pipe", "{{0 | or 0}}", "0");
    // Indexing.
    ok("slice[0]", "{{index .SI 0}}", "3");
    ok("slice[1]", "{{index .SI 1}}", "4");
    ok("slice[HUGE]", "{{index .SI 10}}", null);
    ok("slice[WRONG]", "{{index .SI `hello`}}", null);
    ok("slice[nil]", "{{index .SI nil}}", null);
    ok("map[one]", "{{index .MSI `one`}}", "1");
    ok("map[two]", "{{index .MSI `two`}}", "2");
    ok("map[NO]", "{{index .MSI `XXX`}}", "0");
    ok("map[nil]", "{{index .MSI nil}}", null);
    ok("map[``]", "{{index .MSI ``}}", "0");
    ok("map[WRONG]", "{{index .MSI 10}}", null);
    ok("double index", "{{index .SMSI 1 `eleven`}}", "11");
    ok("nil[1]", "{{index nil 1}}", null);
    ok("interface map missing", "{{index .MXI `x`}}", "<no value>");
    ok("string index is a byte", "{{index \"hé\" 1}}", "195");
    // Slicing.
    ok("slice[:]", "{{slice .SI}}", "[3 4 5]");
    ok("slice[1:]", "{{slice .SI 1}}", "[4 5]");
    ok("slice[1:2]", "{{slice .SI 1 2}}", "[4]");
    ok("slice[-1:]", "{{slice .SI -1}}", null);
    ok("slice[1:-2]", "{{slice .SI 1 -2}}", null);
    ok("slice[1:2:-1]", "{{slice .SI 1 2 -1}}", null);
    ok("slice[2:1]", "{{slice .SI 2 1}}", null);
    ok("slice[2:2:1]", "{{slice .SI 2 2 1}}", null);
    ok("out of range", "{{slice .SI 4 5}}", null);
    ok("3-index slice of string", "{{slice .X 1 2 3}}", null);
    ok("string[:]", "{{slice .X}}", "x");
    ok("string[0:1]", "{{slice .X 0 1}}", "x");
    ok("string[1:]", "{{slice .X 1}}", "");
    ok("string[1:2]", "{{slice .X 1 2}}", null);
    // Len.
    ok("slice", "{{len .SI}}", "3");
    ok("map", "{{len .MSI }}", "3");
    ok("len of int", "{{len 3}}", null);
    ok("len of nothing", "{{len .Empty0}}", null);
    ok("len of string counts bytes", "{{len \"hé\"}}", "3");
    // With.
    ok("with true", "{{with true}}{{.}}{{end}}", "true");
    ok("with false", "{{with false}}{{.}}{{else}}FALSE{{end}}", "FALSE");
    ok("with 1", "{{with 1}}{{.}}{{else}}ZERO{{end}}", "1");
    ok("with 0", "{{with 0}}{{.}}{{else}}ZERO{{end}}", "ZERO");
    ok("with 1.5", "{{with 1.5}}{{.}}{{else}}ZERO{{end}}", "1.5");
    ok("with 0.0", "{{with .FloatZero}}{{.}}{{else}}ZERO{{end}}", "ZERO");
    ok("with emptystring", "{{with ``}}{{.}}{{else}}EMPTY{{end}}", "EMPTY");
    ok("with string", "{{with `notempty`}}{{.}}{{else}}EMPTY{{end}}", "notempty");
    ok("with emptyslice", "{{with .SIEmpty}}{{.}}{{else}}EMPTY{{end}}", "EMPTY");
    ok("with slice", "{{with .SI}}{{.}}{{else}}EMPTY{{end}}", "[3 4 5]");
    ok("with emptymap", "{{with .MSIEmpty}}{{.}}{{else}}EMPTY{{end}}", "EMPTY");
    ok("with map", "{{with .MSIone}}{{.}}{{else}}EMPTY{{end}}", "map[one:1]");
    ok("with $x int", "{{with $x := .I}}{{$x}}{{end}}", "17");
    ok("with $x struct.U.V", "{{with $x := $}}{{$x.U.V}}{{end}}", "v");
    ok("with variable and action", "{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}", "v");
    ok("with else with", "{{with 0}}{{.}}{{else with true}}{{.}}{{end}}", "true");
    ok("with else with chain", "{{with 0}}{{.}}{{else with false}}{{.}}{{else with `notempty`}}{{.}}{{end}}",
        "notempty");
    // Range.
    ok("range []int", "{{range .SI}}-{{.}}-{{end}}", "-3--4--5-");
    ok("range empty no else", "{{range .SIEmpty}}-{{.}}-{{end}}", "");
    ok("range []int else", "{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}", "-3--4--5-");
    ok("range empty else", "{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}", "EMPTY");
    ok("range []int break else", "{{range .SI}}-{{.}}-{{break}}NOTREACHED{{else}}EMPTY{{end}}", "-3-");
    ok("range []int continue else", "{{range .SI}}-{{.}}-{{continue}}NOTREACHED{{else}}EMPTY{{end}}",
        "-3--4--5-");
    ok("range []bool", "{{range .SB}}-{{.}}-{{end}}", "-true--false-");
    ok("range map", "{{range .MSI}}-{{.}}-{{end}}", "-1--3--2-");
    ok("range empty map no else", "{{range .MSIEmpty}}-{{.}}-{{end}}", "");
    ok("range map else", "{{range .MSI}}-{{.}}-{{else}}EMPTY{{end}}", "-1--3--2-");
    ok("range empty map else", "{{range .MSIEmpty}}-{{.}}-{{else}}EMPTY{{end}}", "EMPTY");
    ok("range empty interface", "{{range .Empty3}}-{{.}}-{{else}}EMPTY{{end}}", "-7--8-");
    ok("range empty nil", "{{range .Empty0}}-{{.}}-{{end}}", "");
    ok("range $x SI", "{{range $x := .SI}}<{{$x}}>{{end}}", "<3><4><5>");
    ok("range $x $y SI", "{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}", "<0=3><1=4><2=5>");
    ok("range $x MSIone", "{{range $x := .MSIone}}<{{$x}}>{{end}}", "<1>");
    ok("range $x $y MSIone", "{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}", "<one=1>");
    ok("declare in range", "{{range $x := .SI}}<{{$foo:=$x}}{{$x}}>{{end}}", "<3><4><5>");
    ok("range int", "{{range 3}}{{.}}{{end}}", "012");
    ok("range $x int", "{{range $x := 2}}[{{$x}}]{{end}}", "[0][1]");
    ok("range 0 else", "{{range 0}}x{{else}}none{{end}}", "none");
    ok("range assignment", "{{$i := 0}}{{$v := 0}}{{range $i, $v = .SI}}{{end}}{{$i}}:{{$v}}", "2:5");
    ok("range over int elements", "{{range .SI}}{{range .}}{{.}}{{end}};{{end}}", "012;0123;01234;");
    ok("range break in if", "{{range .SI}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}", "3");
    ok("range continue in with", "{{range .SI}}{{with eq . 4}}{{continue}}{{end}}{{.}}{{end}}", "35");
    // Cute examples.
    ok("or as if true", "{{or .SI \"slice is empty\"}}", "[3 4 5]");
    ok("or as if false", "{{or .SIEmpty \"slice is empty\"}}", "slice is empty");
    // Comparisons.
    ok("eq", "{{eq 1 1}} {{eq 1 2}} {{eq `a` `a`}} {{eq true true}} {{eq 1.5 1.5}}", "true false true true true");
    ok("eq multi", "{{eq 3 1 2 3}} {{eq 4 1 2 3}}", "true false");
    ok("ne", "{{ne 1 1}} {{ne `a` `b`}}", "false true");
    ok("lt le gt ge", "{{lt 1 2}} {{le 2 2}} {{gt 1 2}} {{ge 2 2}} {{lt `a` `b`}} {{gt 1.5 1.25}}",
        "true true false true true true");
    ok("eq nil nil-valued field", "{{eq .Empty0 .Empty0}}", "true");
    ok("eq incompatible", "{{eq 1 `a`}}", null);
    ok("lt bool", "{{lt true false}}", null);
    ok("eq missing", "{{eq 1}}", null);
    // Fixed bugs and corner cases.
    ok("bug7a", "{{3 2}}", null);
    ok("bug7b", "{{$x := 1}}{{$x 2}}", null);
    ok("bug7c", "{{$x := 1}}{{3 | $x}}", null);
    ok("bug12xe", "{{printf `%T` 0xef}}", "int");
    ok("bug12XE", "{{printf `%T` 0XEE}}", "int");
    ok("bug14a", "{{(nil).True}}", null);
    ok("bug14b", "{{$x := nil}}{{$x.anything}}", null);
    ok("bug14c", "{{$x := (1.0)}}{{$y := (\"hello\")}}{{$x.anything}}{{$y.true}}", null);
    ok("bug16a", "{{true|printf}}", null);
    ok("bug16b", "{{1|printf}}", null);
    ok("bug16c", "{{1.1|printf}}", null);
    ok("bug16d", "{{'x'|printf}}", null);
    ok("bug16k", "{{\"aaa\"|printf }}", "aaa");
    ok("bug9", "{{.cause}}", "neglect", Map.of("cause", "neglect"));
    // Comments and trim markers.
    ok("comment", "a{{/* c */}}b", "ab");
    ok("trimmed comment", "a  {{- /* c */ -}}  b", "ab");
    ok("trim left", "x  \n {{- 3}}", "x3");
    ok("trim right", "{{3 -}} \n\t y", "3y");
    ok("trim both", "a {{- 3 -}} b", "a3b");
    ok("minus number is not a trim marker", "{{-3}}", "-3");
    ok("newlines in actions", "{{if\n.True\n}}yes{{end}}", "yes");
  }

  @TestFactory
  Stream<DynamicTest> execTestsFromGo() {
    return EXEC.stream().map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.input(), () -> {
      GoTemplate t = GoTemplate.parse("t", c.input(), "{{", "}}");
      if (c.output() == null) {
        assertThatThrownBy(() -> t.execute(c.data())).isInstanceOf(HpaValidationException.class)
            .hasMessageStartingWith("template: t:1:");
      } else {
        assertThat(t.execute(c.data())).isEqualTo(c.output());
      }
    }));
  }

  private static final String[][] EXEC_ERRORS = {
      {"{{.X}}{{.Foo}}", "template: t:1:8: executing \"t\" at <.Foo>: can't evaluate field Foo in type template.T"},
      {"{{.U.Nope}}", "template: t:1:4: executing \"t\" at <.U.Nope>: can't evaluate field Nope in type *template.U"},
      {"{{.X.Y}}", "template: t:1:4: executing \"t\" at <.X.Y>: can't evaluate field Y in type string"},
      {"{{.SI.Y}}", "template: t:1:5: executing \"t\" at <.SI.Y>: can't evaluate field Y in type []interface {}"},
      {"{{nil}}", "template: t:1:2: executing \"t\" at <nil>: nil is not a command"},
      {"{{3 2}}", "template: t:1:2: executing \"t\" at <3>: can't give argument to non-function 3"},
      {"{{index .SI 10}}", "template: t:1:2: executing \"t\" at <index .SI 10>: error calling index: index out of range: 10"},
      {"{{index .SI 3}}", "template: t:1:2: executing \"t\" at <index .SI 3>: error calling index: reflect: slice index out of range"},
      {"{{index .MSI 10}}", "template: t:1:2: executing \"t\" at <index .MSI 10>: error calling index: value has type int; should be string"},
      {"{{index nil 1}}", "template: t:1:2: executing \"t\" at <index nil 1>: error calling index: index of untyped nil"},
      {"{{len 3}}", "template: t:1:2: executing \"t\" at <len 3>: error calling len: len of type int"},
      {"{{len .Empty0}}", "template: t:1:2: executing \"t\" at <len .Empty0>: error calling len: reflect: call of reflect.Value.Type on zero Value"},
      {"{{slice .SI 2 1}}", "template: t:1:2: executing \"t\" at <slice .SI 2 1>: error calling slice: invalid slice index: 2 > 1"},
      {"{{eq 1 `a`}}", "template: t:1:2: executing \"t\" at <eq 1 `a`>: error calling eq: incompatible types for comparison"},
      {"{{lt true false}}", "template: t:1:2: executing \"t\" at <lt true false>: error calling lt: invalid type for comparison"},
      {"{{eq 1}}", "template: t:1:2: executing \"t\" at <eq 1>: error calling eq: missing argument for comparison"},
      {"{{len}}", "template: t:1:2: executing \"t\" at <len>: wrong number of args for len: want 1 got 0"},
      {"{{index}}", "template: t:1:2: executing \"t\" at <index>: wrong number of args for index: want at least 1 got 0"},
      {"{{printf 3}}", "template: t:1:9: executing \"t\" at <3>: expected string; found 3"},
      {"{{true|printf}}", "template: t:1:7: executing \"t\" at <printf>: wrong type for value; expected string; got bool"},
      {"{{printf .Empty0}}", "template: t:1:9: executing \"t\" at <.Empty0>: invalid value; expected string"},
      {"{{.MSI.one 1}}", "template: t:1:6: executing \"t\" at <.MSI.one>: one is not a method but has arguments"},
      {"{{.X 1}}", "template: t:1:2: executing \"t\" at <.X>: X has arguments but cannot be invoked as function"},
      {"{{range .X}}{{end}}", "template: t:1:8: executing \"t\" at <.X>: range can't iterate over x"},
      {"{{range $i, $v := 3}}{{end}}", "template: t:1:18: executing \"t\" at <3>: can't use 3 to iterate over more than one variable"},
      {"{{(nil).True}}", "template: t:1:3: executing \"t\" at <nil>: nil is not a command"},
      {"{{printf `%T` 18446744073709551615}}", "template: t:1:14: executing \"t\" at <18446744073709551615>: 18446744073709551615 overflows int"},
      {"line1\n{{.Foo}}", "template: t:2:2: executing \"t\" at <.Foo>: can't evaluate field Foo in type template.T"},
  };

  @TestFactory
  Stream<DynamicTest> executionErrorsCarryGosLocationAndContext() {
    return Stream.of(EXEC_ERRORS).map(c -> DynamicTest.dynamicTest(c[0], () -> {
      GoTemplate t = GoTemplate.parse("t", c[0], "{{", "}}");
      assertThatThrownBy(() -> t.execute(T_VAL)).isInstanceOf(HpaValidationException.class).hasMessage(c[1]);
    }));
  }


  private static final String[][] PARSE_ERRORS = {
      {"unclosed1", "line1\n{{", "template: unclosed1:2: unclosed action"},
      {"unclosed2", "line1\n{{.X\n", "template: unclosed2:3: unclosed action started at unclosed2:2"},
      {"function", "{{foo}}", "template: function:1: function \"foo\" not defined"},
      {"comment", "{{/*}}", "template: comment:1: unclosed comment"},
      {"commentdelim", "{{/* x */ }}", "template: commentdelim:1: comment ends before closing delimiter"},
      {"lparen", "{{.X (1 2 3}}", "template: lparen:1: unclosed left paren"},
      {"rparen", "{{.X 1 2 3)}}", "template: rparen:1: unexpected right paren"},
      {"space", "{{`x`3}}", "template: space:1: unexpected \"3\" in operand"},
      {"idchar", "{{a#}}", "template: idchar:1: bad character U+0023 '#'"},
      {"charconst", "{{'a}}", "template: charconst:1: unterminated character constant"},
      {"stringconst", "{{\"a}}", "template: stringconst:1: unterminated quoted string"},
      {"rawstringconst", "{{`a}}", "template: rawstringconst:1: unterminated raw quoted string"},
      {"number", "{{0xi}}", "template: number:1: illegal number syntax: \"0xi\""},
      {"eof", "{{range .X}}", "template: eof:1: unexpected EOF"},
      {"variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}", "template: variable:1: unexpected \":=\" in operand"},
      {"multidecl", "{{$a,$b,$c := 23}}", "template: multidecl:1: too many declarations in command"},
      {"undefvar", "{{$a}}", "template: undefvar:1: undefined variable \"$a\""},
      {"wrongdot", "{{true.any}}", "template: wrongdot:1: unexpected . after term \"true\""},
      {"wrongpipeline", "{{12|false}}", "template: wrongpipeline:1: non executable command in pipeline stage 2"},
      {"emptypipeline", "{{ ( ) }}", "template: emptypipeline:1: missing value for parenthesized pipeline"},
      {"multilinerawstring", "{{ $v := `\n` }} {{", "template: multilinerawstring:2: unclosed action"},
      {"rangeundefvar", "{{range $k}}{{end}}", "template: rangeundefvar:1: undefined variable \"$k\""},
      {"rangemissingvalue1", "{{range $k,}}{{end}}", "template: rangemissingvalue1:1: missing value for range"},
      {"rangemissingvalue2", "{{range $k, $v := }}{{end}}", "template: rangemissingvalue2:1: missing value for range"},
      {"rangenotvariable1", "{{range $k, .}}{{end}}", "template: rangenotvariable1:1: range can only initialize variables"},
      {"rangenotvariable2", "{{range $k, 123 := .}}{{end}}", "template: rangenotvariable2:1: range can only initialize variables"},
      {"end", "{{end}}", "template: end:1: unexpected {{end}}"},
      {"else", "x{{else}}", "template: else:1: unexpected {{else}}"},
      {"elseend", "{{if 1}}{{else}}{{else}}{{end}}", "template: elseend:1: expected end; found {{else}}"},
      {"break", "{{break}}", "template: break:1: {{break}} outside {{range}}"},
      {"continue", "{{if 1}}{{continue}}{{end}}", "template: continue:1: {{continue}} outside {{range}}"},
      {"breakarg", "{{range .}}{{break 1}}{{end}}", "template: breakarg:1: unexpected \"1\" in {{break}}"},
      {"missingvalue", "{{}}", "template: missingvalue:1: missing value for command"},
      {"colon", "{{$x := 1}}{{$x : 1}}", "template: colon:1: expected :="},
      {"badchar", "{{\u0001}}", "template: badchar:1: unrecognized character in action: U+0001"},
      {"undefcolon", "{{$x : 1}}", "template: undefcolon:1: undefined variable \"$x\""},
      {"longunexpected", "{{if \"abcdefghijklm\" = 1}}", "template: longunexpected:1: unexpected \"=\" in operand"},
      {"illegalnumber", "{{08}}", "template: illegalnumber:1: integer overflow: \"08\""},
      {"badnumber", "{{1e}}", "template: badnumber:1: illegal number syntax: \"1e\""},
      {"call", "{{call .F}}", "template: call:1: seldon-hpa does not support \"call\""},
      {"complex", "{{1+2i}}", "template: complex:1: seldon-hpa does not support \"complex number constants\""},
  };

  @TestFactory
  Stream<DynamicTest> parseErrorsMatchGo() {
    return Stream.of(PARSE_ERRORS).map(c -> DynamicTest.dynamicTest(c[0] + ": " + c[1], () ->
        assertThatThrownBy(() -> GoTemplate.parse(c[0], c[1], "{{", "}}"))
            .isInstanceOf(HpaValidationException.class).hasMessage(c[2])));
  }


  // ---- the adapter's templates ----

  private static GoStruct queryArgs(String series, String matchers, Map<String, String> byName,
      String groupBy, List<String> groupBySlice) {
    return GoTemplate.struct("naming.queryTemplateArgs", fields("Series", series, "LabelMatchers", matchers,
        "LabelValuesByName", byName, "GroupBy", groupBy, "GroupBySlice", groupBySlice));
  }

  private static final GoStruct ARGS = queryArgs("http_requests_total", "namespace=\"ns\",pod=\"p1\"",
      Map.of("namespace", "ns", "pod", "p1"), "pod", List.of("pod", "container"));

  private static String run(String text) {
    return GoTemplate.parse("metrics-query", text).execute(ARGS);
  }

  @Test
  void seedsQuery() {
    assertThat(run("sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)"))
        .isEqualTo("sum(rate(http_requests_total{namespace=\"ns\",pod=\"p1\"}[5m])) by (pod)");
  }

  @Test
  void slicesAndMapsPrintLikeGo() {
    assertThat(run("<<.GroupBySlice>> <<.LabelValuesByName>>")).isEqualTo("[pod container] map[namespace:ns pod:p1]");
    assertThat(run("<<len .GroupBySlice>>")).isEqualTo("2");
    assertThat(run("<<printf \"%s_rate\" .Series>>")).isEqualTo("http_requests_total_rate");
  }

  @Test
  void missingMapKeyByFieldIsNoValueButByIndexIsEmpty() {
    assertThat(run("[<<.LabelValuesByName.nothere>>]")).isEqualTo("[<no value>]");
    assertThat(run("[<<index .LabelValuesByName \"nothere\">>]")).isEqualTo("[]");
  }

  @Test
  void bracesArePlainTextWithAngleDelimiters() {
    assertThat(run("{{ }} <<- \" \" ->> x")).isEqualTo("{{ }} x");
  }

  @Test
  void unknownFieldIsGosExecutionError() {
    assertThatThrownBy(() -> run("<<.Foo>>")).isInstanceOf(HpaValidationException.class)
        .hasMessage("template: metrics-query:1:2: executing \"metrics-query\" at <.Foo>: "
            + "can't evaluate field Foo in type naming.queryTemplateArgs");
  }

  @Test
  void unclosedActionIsGosParseError() {
    assertThatThrownBy(() -> GoTemplate.parse("metrics-query", "<<.Series"))
        .hasMessage("template: metrics-query:1: unclosed action");
  }

  @Test
  void strayBraceInAnAdapterActionIsGosOperandError() {
    assertThatThrownBy(() -> GoTemplate.parse("metrics-query", "sum(<<.Series }>>)"))
        .hasMessage("template: metrics-query:1: unexpected \"}\" in operand");
    assertThatThrownBy(() -> GoTemplate.parse("metrics-query", "sum(<<.Series}>>)"))
        .hasMessage("template: metrics-query:1: bad character U+007D '}'");
  }

  @Test
  void rangeWithIndexAndIf() {
    assertThat(run("<<range $i, $l := .GroupBySlice>><<if $i>>;<<end>><<$l>><<end>>")).isEqualTo("pod;container");
  }

  @Test
  void outputBeforeAnErrorStaysInTheBuffer() {
    StringBuilder out = new StringBuilder();
    GoTemplate t = GoTemplate.parse("q", "abc<<.Nope>>def");
    assertThatThrownBy(() -> t.execute(ARGS, out)).isInstanceOf(HpaValidationException.class);
    assertThat(out).hasToString("abc");
  }

  @Test
  void oneTemplateServesConcurrentExecutions() throws Exception {
    GoTemplate t = GoTemplate.parse("q", "<<range $i, $v := .GroupBySlice>><<$i>>=<<$v>>;<<end>>");
    List<Thread> threads = new ArrayList<>();
    List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread th = new Thread(() -> {
        for (int k = 0; k < 1000; k++) {
          results.add(t.execute(ARGS));
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(results).hasSize(8000).containsOnly("0=pod;1=container;");
  }
}
