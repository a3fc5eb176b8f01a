package io.github.seldonhpa.promql.internal.go;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoTemplateFuncs.Builtin;
import io.github.seldonhpa.promql.internal.go.GoTemplateFuncs.FuncError;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.ActionNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.BoolNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.BranchNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.ChainNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.CommandNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.DotNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.FieldNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.IdentifierNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.ListNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.LoopControlNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.NilNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.Node;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.NumberNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.PipeNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.StringNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.TemplateNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.TextNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.VariableNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Go {@code text/template} parsed once and executed with Go's semantics, for prometheus-adapter's
 * {@code metricsQuery} and resource-label templates (delimiters {@code <<} and {@code >>} by default).
 *
 * <p>Supported: text, comments, trim markers, field chains, {@code $} and variables ({@code :=} and
 * {@code =}), pipelines, parenthesised pipelines, {@code if}/{@code else if}/{@code else}, {@code with}/
 * {@code else with}, {@code range} over slices, maps (sorted keys) and integers with {@code else},
 * {@code break} and {@code continue}, {@code define}, {@code block} and {@code template} (a missing
 * template is an execution error, as in Go), literals, and the builtins {@code and or not len index slice
 * print printf println eq ne lt le gt ge html js urlquery}. Rejected when parsing, with a message naming
 * them: {@code call} and complex constants.
 *
 * <p>Template calls nest at most {@link #MAX_EXEC_DEPTH} deep, with Go's message {@code exceeded maximum
 * template depth (1000)}: Go's {@code maxExecDepth} is 100,000 (1,000 on WebAssembly, whose stack is
 * small, as a Java thread's is).
 *
 * <p>Data: a {@link GoStruct} (see {@link #struct}) is a Go struct; a plain {@link Map} is
 * {@code map[string]string}; a {@link GoMap} (see {@link #anyMap}) is {@code map[string]interface {}};
 * a {@link List} is a slice; {@link String}, {@link Long}/{@link Integer} (int), {@link Double} (float64),
 * {@link Boolean}; {@code null} is nil. As in Go, {@code .Map.key} of a missing key yields no value (printed
 * {@code <no value>}) while {@code index .Map "key"} yields the element type's zero value.
 *
 * <p>Instances are immutable and safe to execute from several threads at once.
 */
public final class GoTemplate {
  private static final Object MISSING = new Object();
  /** The deepest nesting of template calls executed. */
  static final int MAX_EXEC_DEPTH = 1000;

  private final String name;
  private final Map<String, ListNode> trees;
  private final String text;

  private GoTemplate(String name, String text, Map<String, ListNode> trees) {
    this.name = name;
    this.text = text;
    this.trees = trees;
  }

  /**
   * {@code template.New(name).Delims("<<", ">>").Parse(text)}.
   *
   * @throws HpaValidationException with Go's message, e.g. {@code template: metrics-query:1: unclosed action}
   */
  public static GoTemplate parse(String name, String text) {
    return parse(name, text, "<<", ">>");
  }

  /** {@code template.New(name).Delims(leftDelim, rightDelim).Parse(text)}; empty delimiters mean Go's defaults. */
  public static GoTemplate parse(String name, String text, String leftDelim, String rightDelim) {
    String left = leftDelim.isEmpty() ? "{{" : leftDelim;
    String right = rightDelim.isEmpty() ? "}}" : rightDelim;
    return new GoTemplate(name, text, GoTemplateParser.parse(name, text, left, right));
  }

  /** A Go struct value of type {@code goTypeName} (as Go prints it) with these fields in order. */
  public static GoStruct struct(String goTypeName, Map<String, ?> fields) {
    return new GoStruct(goTypeName, fields);
  }

  /** A Go {@code map[string]interface {}}: a missing key indexes to nil. */
  public static GoMap anyMap(Map<String, ?> entries) {
    return new GoMap("map[string]interface {}", null, entries);
  }

  /** {@code tmpl.Execute(&buf, data)}; returns the output. */
  public String execute(Object data) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    execute(data, out);
    return out.toString();
  }

  /**
   * {@code tmpl.Execute(out, data)}. On an execution error, output written before the error stays in
   * {@code out}, as with Go's writer.
   *
   * @throws HpaValidationException with Go's message, e.g.
   *     {@code template: q:1:2: executing "q" at <.Foo>: can't evaluate field Foo in type x.T}
   */
  public void execute(Object data, StringBuilder out) {
    new State(this, name, 0, out, data).walk(data, trees.get(name));
  }

  /** One execution: the output, the variable stack and the node being evaluated (for errors). */
  private static final class State {
    private static final int NORMAL = 0;
    private static final int BREAK = 1;
    private static final int CONTINUE = 2;

    private final GoTemplate tmpl;
    /** The template being executed: the top-level one or a called one. */
    private final String current;
    private final int depth;
    private final StringBuilder out;
    private final Object data;
    private Node node;
    private String[] varNames;
    private Object[] varValues;
    private int nvars = 1;

    State(GoTemplate tmpl, String current, int depth, StringBuilder out, Object data) {
      this.tmpl = tmpl;
      this.current = current;
      this.depth = depth;
      this.out = out;
      this.data = data;
    }

    // ---- variables ----

    private void ensureVars() {
      if (varNames == null) {
        varNames = new String[8];
        varValues = new Object[8];
        varNames[0] = "$";
        varValues[0] = data;
      }
    }

    private void push(String n, Object v) {
      ensureVars();
      if (nvars == varNames.length) {
        varNames = Arrays.copyOf(varNames, nvars * 2);
        varValues = Arrays.copyOf(varValues, nvars * 2);
      }
      varNames[nvars] = n;
      varValues[nvars] = v;
      nvars++;
    }

    private void pop(int mark) {
      for (int i = mark; i < nvars; i++) {
        varValues[i] = null;
      }
      nvars = mark;
    }

    private void setVar(String n, Object v) {
      ensureVars();
      for (int i = nvars - 1; i >= 0; i--) {
        if (varNames[i].equals(n)) {
          varValues[i] = v;
          return;
        }
      }
      throw errorf("undefined variable: " + n);
    }

    private Object varValue(String n) {
      if (varNames == null) {
        if (n.equals("$")) {
          return data;
        }
      } else {
        for (int i = nvars - 1; i >= 0; i--) {
          if (varNames[i].equals(n)) {
            return varValues[i];
          }
        }
      }
      throw errorf("undefined variable: " + n);
    }

    // ---- errors ----

    private HpaValidationException errorf(String message) {
      String n = tmpl.name;
      if (node == null) {
        return new HpaValidationException("template: " + n + ": " + message);
      }
      String before = tmpl.text.substring(0, Math.min(node.pos, tmpl.text.length()));
      int nl = before.lastIndexOf('\n');
      int col = GoTemplateFuncs.utf8Length(nl < 0 ? before : before.substring(nl + 1));
      int line = 1;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
        }
      }
      return new HpaValidationException("template: " + n + ":" + line + ":" + col + ": executing "
          + GoQuote.quote(current) + " at <" + node + ">: " + message);
    }

    // ---- walk ----

    int walk(Object dot, Node n) {
      node = n;
      if (n instanceof TextNode) {
        out.append(((TextNode) n).text);
        return NORMAL;
      }
      if (n instanceof ActionNode) {
        ActionNode a = (ActionNode) n;
        Object val = evalPipeline(dot, a.pipe);
        if (a.pipe.decl.length == 0) {
          node = n;
          if (val == null) {
            out.append("<no value>");
          } else {
            GoFormat.appendValue(out, val);
          }
        }
        return NORMAL;
      }
      if (n instanceof ListNode) {
        for (Node c : ((ListNode) n).nodes) {
          int r = walk(dot, c);
          if (r != NORMAL) {
            return r;
          }
        }
        return NORMAL;
      }
      if (n instanceof BranchNode) {
        BranchNode b = (BranchNode) n;
        return b.keyword.equals("range") ? walkRange(dot, b) : walkIfOrWith(dot, b);
      }
      if (n instanceof LoopControlNode) {
        return ((LoopControlNode) n).isBreak ? BREAK : CONTINUE;
      }
      if (n instanceof TemplateNode) {
        walkTemplate(dot, (TemplateNode) n);
        return NORMAL;
      }
      throw errorf("unknown node: " + n);
    }

    /** Go's {@code walkTemplate}: the called template sees only its dot, as {@code $}. */
    private void walkTemplate(Object dot, TemplateNode t) {
      ListNode called = tmpl.trees.get(t.name);
      if (called == null) {
        throw errorf("template " + GoQuote.quote(t.name) + " not defined");
      }
      if (depth == MAX_EXEC_DEPTH) {
        throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
      }
      Object newDot = t.pipe == null ? null : evalPipeline(dot, t.pipe);
      new State(tmpl, t.name, depth + 1, out, newDot).walk(newDot, called);
    }

    private int walkIfOrWith(Object dot, BranchNode b) {
      int mark = nvars;
      try {
        Object val = evalPipeline(dot, b.pipe);
        if (GoTemplateFuncs.truth(val)) {
          return walk(b.keyword.equals("with") ? val : dot, b.list);
        } else if (b.elseList != null) {
          return walk(dot, b.elseList);
        }
        return NORMAL;
      } finally {
        if (nvars > mark) {
          pop(mark);
        }
      }
    }

    private int walkRange(Object dot, BranchNode r) {
      node = r;
      int outer = nvars;
      try {
        Object val = evalPipeline(dot, r.pipe);
        int mark = nvars;
        if (val instanceof List) {
          List<?> list = (List<?>) val;
          if (!list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
              if (oneIteration(r, mark, (long) i, list.get(i)) == BREAK) {
                break;
              }
            }
            return NORMAL;
          }
        } else if (val instanceof Map || val instanceof GoMap) {
          @SuppressWarnings("unchecked")
          Map<String, ?> m = val instanceof GoMap ? ((GoMap) val).entries() : (Map<String, ?>) val;
          if (!m.isEmpty()) {
            for (String k : GoFormat.sortedKeys(m)) {
              if (oneIteration(r, mark, k, m.get(k)) == BREAK) {
                break;
              }
            }
            return NORMAL;
          }
        } else if (val instanceof Long || val instanceof Integer || val instanceof Short
            || val instanceof Byte) {
          long n = ((Number) val).longValue();
          if (r.pipe.decl.length > 1) {
            throw errorf("can't use " + GoFormat.sprint(val) + " to iterate over more than one variable");
          }
          if (n > 0) {
            for (long i = 0; i < n; i++) {
              if (oneIteration(r, mark, i, i) == BREAK) {
                break;
              }
            }
            return NORMAL;
          }
        } else if (val != null) {
          throw errorf("range can't iterate over " + GoFormat.sprint(val));
        }
        if (r.elseList != null) {
          return walk(dot, r.elseList);
        }
        return NORMAL;
      } finally {
        if (nvars > outer) {
          pop(outer);
        }
      }
    }

    private int oneIteration(BranchNode r, int mark, Object index, Object elem) {
      PipeNode p = r.pipe;
      if (p.decl.length > 0) {
        if (p.isAssign) {
          setVar(p.decl[0], p.decl.length > 1 ? index : elem);
        } else {
          varValues[nvars - 1] = elem;
        }
      }
      if (p.decl.length > 1) {
        if (p.isAssign) {
          setVar(p.decl[1], elem);
        } else {
          varValues[nvars - 2] = index;
        }
      }
      try {
        return walk(elem, r.list);
      } finally {
        if (nvars > mark) {
          pop(mark);
        }
      }
    }

    // ---- evaluation ----

    private Object evalPipeline(Object dot, PipeNode pipe) {
      node = pipe;
      Object value = MISSING;
      for (CommandNode cmd : pipe.cmds) {
        value = evalCommand(dot, cmd, value);
      }
      for (String v : pipe.decl) {
        if (pipe.isAssign) {
          setVar(v, value);
        } else {
          push(v, value);
        }
      }
      return value;
    }

    private void notAFunction(Node[] args, Object fin) {
      if (args.length > 1 || fin != MISSING) {
        throw errorf("can't give argument to non-function " + args[0]);
      }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
      Node first = cmd.args[0];
      if (first instanceof FieldNode) {
        FieldNode f = (FieldNode) first;
        node = f;
        return evalFieldChain(dot, dot, f.ident, 0, cmd.args, fin);
      }
      if (first instanceof ChainNode) {
        return evalChain(dot, (ChainNode) first, cmd.args, fin);
      }
      if (first instanceof IdentifierNode) {
        return evalFunction(dot, (IdentifierNode) first, cmd, cmd.args, fin);
      }
      if (first instanceof PipeNode) {
        notAFunction(cmd.args, fin);
        return evalPipeline(dot, (PipeNode) first);
      }
      if (first instanceof VariableNode) {
        return evalVariable(dot, (VariableNode) first, cmd.args, fin);
      }
      node = first;
      notAFunction(cmd.args, fin);
      if (first instanceof BoolNode) {
        return ((BoolNode) first).value;
      }
      if (first instanceof DotNode) {
        return dot;
      }
      if (first instanceof NilNode) {
        throw errorf("nil is not a command");
      }
      if (first instanceof NumberNode) {
        return idealConstant((NumberNode) first);
      }
      if (first instanceof StringNode) {
        return ((StringNode) first).text;
      }
      throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private Object idealConstant(NumberNode c) {
      node = c;
      if (c.isFloat && !isHexInt(c.text) && !c.isRune && containsAny(c.text, ".eEpP")) {
        return c.floatValue;
      }
      if (c.isInt) {
        return c.intValue;
      }
      if (c.isUint) {
        throw errorf(c.text + " overflows int");
      }
      return null;
    }

    private static boolean isHexInt(String s) {
      return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
          && !containsAny(s, "pP");
    }

    private static boolean containsAny(String s, String chars) {
      for (int i = 0; i < s.length(); i++) {
        if (chars.indexOf(s.charAt(i)) >= 0) {
          return true;
        }
      }
      return false;
    }

    private Object evalChain(Object dot, ChainNode chain, Node[] args, Object fin) {
      node = chain;
      if (chain.node instanceof NilNode) {
        throw errorf("indirection through explicit nil in " + chain);
      }
      Object pipe = evalArg(dot, chain.node);
      node = chain;
      return evalFieldChain(dot, pipe, chain.field, 0, args, fin);
    }

    private Object evalVariable(Object dot, VariableNode v, Node[] args, Object fin) {
      node = v;
      Object value = varValue(v.ident[0]);
      if (v.ident.length == 1) {
        notAFunction(args, fin);
        return value;
      }
      return evalFieldChain(dot, value, v.ident, 1, args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, String[] ident, int from, Node[] args,
        Object fin) {
      int n = ident.length;
      for (int i = from; i < n - 1; i++) {
        receiver = evalField(ident[i], null, MISSING, receiver);
      }
      return evalField(ident[n - 1], args, fin, receiver);
    }

    private Object evalField(String fieldName, Node[] args, Object fin, Object receiver) {
      if (receiver == null) {
        return null; // Go: a field of no value is no value (missingkey=default)
      }
      boolean hasArgs = (args != null && args.length > 1) || fin != MISSING;
      if (receiver instanceof GoStruct) {
        GoStruct s = (GoStruct) receiver;
        int i = s.indexOf(fieldName);
        if (i >= 0) {
          if (hasArgs) {
            throw errorf(fieldName + " has arguments but cannot be invoked as function");
          }
          return s.value(i);
        }
      } else if (receiver instanceof Map) {
        if (hasArgs) {
          throw errorf(fieldName + " is not a method but has arguments");
        }
        return ((Map<?, ?>) receiver).get(fieldName);
      } else if (receiver instanceof GoMap) {
        if (hasArgs) {
          throw errorf(fieldName + " is not a method but has arguments");
        }
        return ((GoMap) receiver).entries().get(fieldName);
      }
      throw errorf("can't evaluate field " + fieldName + " in type " + GoFormat.typeName(receiver));
    }

    /** Evaluates an argument of a function or chain as Go's evalArg does for interface or Value types. */
    private Object evalArg(Object dot, Node n) {
      node = n;
      if (n instanceof DotNode) {
        return dot;
      }
      if (n instanceof NilNode) {
        return null;
      }
      if (n instanceof FieldNode) {
        FieldNode f = (FieldNode) n;
        return evalFieldChain(dot, dot, f.ident, 0, new Node[] {n}, MISSING);
      }
      if (n instanceof VariableNode) {
        return evalVariable(dot, (VariableNode) n, new Node[] {n}, MISSING);
      }
      if (n instanceof PipeNode) {
        return evalPipeline(dot, (PipeNode) n);
      }
      if (n instanceof IdentifierNode) {
        return evalFunction(dot, (IdentifierNode) n, n, new Node[] {n}, MISSING);
      }
      if (n instanceof ChainNode) {
        return evalChain(dot, (ChainNode) n, new Node[] {n}, MISSING);
      }
      if (n instanceof BoolNode) {
        return ((BoolNode) n).value;
      }
      if (n instanceof NumberNode) {
        return idealConstant((NumberNode) n);
      }
      if (n instanceof StringNode) {
        return ((StringNode) n).text;
      }
      throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }

    /** Evaluates printf's format argument, which Go's reflection types as string. */
    private String evalStringArg(Object dot, Node n) {
      node = n;
      if (n instanceof NilNode) {
        throw errorf("cannot assign nil to string");
      }
      if (n instanceof BoolNode || n instanceof NumberNode) {
        throw errorf("expected string; found " + n);
      }
      return validateString(evalArg(dot, n));
    }

    private String validateString(Object v) {
      if (v == null) {
        throw errorf("invalid value; expected string");
      }
      if (!(v instanceof String)) {
        throw errorf("wrong type for value; expected string; got " + GoFormat.typeName(v));
      }
      return (String) v;
    }

    private Object evalFunction(Object dot, IdentifierNode id, Node cmd, Node[] args, Object fin) {
      node = id;
      Builtin b = id.builtin;
      int nargs = args.length - 1;
      int numIn = nargs + (fin != MISSING ? 1 : 0);
      if (b.variadic) {
        if (numIn < b.fixed) {
          throw errorf("wrong number of args for " + b.goName + ": want at least " + b.fixed + " got " + nargs);
        }
      } else if (numIn != b.fixed) {
        throw errorf("wrong number of args for " + b.goName + ": want " + b.fixed + " got " + numIn);
      }
      if (b == Builtin.AND || b == Builtin.OR) {
        Object v = null;
        for (int i = 1; i < args.length; i++) {
          v = evalArg(dot, args[i]);
          if (GoTemplateFuncs.truth(v) == (b == Builtin.OR)) {
            return v;
          }
        }
        if (fin != MISSING) {
          v = fin;
        }
        return v;
      }
      if (b == Builtin.PRINTF) {
        String format;
        Object[] rest;
        if (nargs >= 1) {
          format = evalStringArg(dot, args[1]);
          rest = new Object[numIn - 1];
          for (int i = 2; i < args.length; i++) {
            rest[i - 2] = evalArg(dot, args[i]);
          }
          if (fin != MISSING) {
            rest[rest.length - 1] = fin;
          }
        } else {
          format = validateString(fin);
          rest = new Object[0];
        }
        StringBuilder s = new StringBuilder();
        GoFormat.printf(s, format, rest);
        return s.toString();
      }
      Object[] argv = new Object[numIn];
      for (int i = 1; i < args.length; i++) {
        argv[i - 1] = evalArg(dot, args[i]);
      }
      if (fin != MISSING) {
        argv[numIn - 1] = fin;
      }
      try {
        return call(b, argv);
      } catch (FuncError e) {
        node = cmd;
        throw errorf("error calling " + b.goName + ": " + e.getMessage());
      }
    }

    private static Object call(Builtin b, Object[] a) {
      switch (b) {
        case NOT:
          return !GoTemplateFuncs.truth(a[0]);
        case LEN:
          return GoTemplateFuncs.len(a[0]);
        case INDEX:
          return GoTemplateFuncs.index(a[0], Arrays.copyOfRange(a, 1, a.length));
        case SLICE:
          return GoTemplateFuncs.slice(a[0], Arrays.copyOfRange(a, 1, a.length));
        case PRINT:
          return GoFormat.sprint(a);
        case PRINTLN:
          return GoFormat.sprintln(a);
        case HTML:
          return GoTemplateFuncs.html(GoTemplateFuncs.evalArgs(a));
        case JS:
          return GoTemplateFuncs.js(GoTemplateFuncs.evalArgs(a));
        case URLQUERY:
          return GoTemplateFuncs.urlquery(GoTemplateFuncs.evalArgs(a));
        case EQ:
          return GoTemplateFuncs.eq(a[0], Arrays.copyOfRange(a, 1, a.length));
        case NE:
          return !GoTemplateFuncs.eq(a[0], new Object[] {a[1]});
        case LT:
          return GoTemplateFuncs.lt(a[0], a[1]);
        case LE:
          return GoTemplateFuncs.le(a[0], a[1]);
        case GT:
          return !GoTemplateFuncs.le(a[0], a[1]);
        case GE:
          return !GoTemplateFuncs.lt(a[0], a[1]);
        default:
          throw new FuncError("unsupported builtin " + b.goName);
      }
    }
  }
}
