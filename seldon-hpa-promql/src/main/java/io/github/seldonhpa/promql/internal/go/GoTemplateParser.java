package io.github.seldonhpa.promql.internal.go;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoTemplateLexer.Kind;
import io.github.seldonhpa.promql.internal.go.GoTemplateLexer.Token;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.ActionNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.BoolNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.BranchNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.ChainNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.CommandNode;
import io.github.seldonhpa.promql.internal.go.GoTemplateNodes.DelimiterNode;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parser of Go's {@code text/template/parse} as of Go 1.24 (including {@code else with},
 * {@code define}, {@code block} and {@code template}), with Go's error messages
 * ({@code template: <name>:<line>: <message>}). The {@code call} builtin and complex constants are
 * rejected with a message naming them, because a template here runs on plain data.
 *
 * <p>Nesting is limited to {@link #MAX_DEPTH} levels of parenthesised pipelines and control bodies
 * together, with Go's message {@code max expression depth exceeded}: Go's {@code maxStackDepth} limits
 * parentheses alone, to 10,000 (1,000 on WebAssembly, whose stack is small, as a Java thread's is), and
 * control bodies not at all.
 */
final class GoTemplateParser {
  /** The deepest nesting of parentheses and control bodies parsed. */
  static final int MAX_DEPTH = 100;

  private final String name;
  /** Every tree of the text, by name: the top-level one and each {@code define} and {@code block}. */
  private final Map<String, ListNode> trees = new HashMap<>();
  private final List<Token> tokens;
  private int idx;
  private int furthest;
  private final List<String> vars = new ArrayList<>();
  private int actionLine;
  private int rangeDepth;
  private int depth;

  private GoTemplateParser(String name, List<Token> tokens) {
    this.name = name;
    this.tokens = tokens;
    vars.add("$");
  }

  /** The trees of the text by name: {@code name} for the top level, and one per {@code define} and {@code block}. */
  static Map<String, ListNode> parse(String name, String text, String leftDelim, String rightDelim) {
    GoTemplateParser p = new GoTemplateParser(name, GoTemplateLexer.lex(text, leftDelim, rightDelim));
    p.add(name, p.parseRoot());
    return p.trees;
  }

  /**
   * Go's {@code Tree.add}: a tree replaces an absent or empty one of the same name; two non-empty ones
   * are an error.
   */
  private void add(String treeName, ListNode root) {
    ListNode old = trees.get(treeName);
    if (old == null || isEmptyTree(old)) {
      trees.put(treeName, root);
    } else if (!isEmptyTree(root)) {
      throw errorf("template: multiple definition of template " + GoQuote.quote(treeName));
    }
  }

  /** Go's {@code IsEmptyTree}: nothing but white space. */
  private static boolean isEmptyTree(ListNode list) {
    for (Node n : list.nodes) {
      if (!(n instanceof TextNode t) || !t.text.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private void enter() {
    if (depth >= MAX_DEPTH) {
      throw errorf("max expression depth exceeded");
    }
    depth++;
  }

  // ---- token stream ----

  private Token at(int i) {
    int k = Math.min(i, tokens.size() - 1);
    if (k > furthest) {
      furthest = k;
    }
    return tokens.get(k);
  }

  private Token next() {
    return at(idx++);
  }

  private void backup() {
    idx--;
  }

  private Token peek() {
    return at(idx);
  }

  private Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.kind == Kind.SPACE);
    return t;
  }

  private Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  // ---- errors ----

  private HpaValidationException errorf(String message) {
    int line = tokens.get(Math.min(furthest, tokens.size() - 1)).line;
    return new HpaValidationException("template: " + name + ":" + line + ": " + message);
  }

  private HpaValidationException unexpected(Token token, String context) {
    if (token.kind == Kind.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line) {
        extra = " in action started at " + name + ":" + actionLine;
        if (token.val.endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return errorf(token.val + extra);
    }
    return errorf("unexpected " + token + " in " + context);
  }

  private HpaValidationException unsupported(String construct) {
    return errorf("seldon-hpa does not support " + GoQuote.quote(construct));
  }

  private Token expect(Kind kind, String context) {
    Token t = nextNonSpace();
    if (t.kind != kind) {
      throw unexpected(t, context);
    }
    return t;
  }

  // ---- grammar ----

  private ListNode parseRoot() {
    int pos = peek().pos;
    List<Node> nodes = new ArrayList<>();
    while (peek().kind != Kind.EOF) {
      if (peek().kind == Kind.LEFT_DELIM) {
        int delimIdx = idx;
        next();
        if (nextNonSpace().kind == Kind.DEFINE) {
          parseDefinition();
          continue;
        }
        idx = delimIdx;
      }
      Node n = textOrAction();
      if (n instanceof DelimiterNode) {
        throw errorf("unexpected " + n);
      }
      nodes.add(n);
    }
    return new ListNode(pos, nodes);
  }

  /** Go's {@code parseDefinition}: {@code {{define "name"}} itemList {{end}}}, parsed as a tree of its own. */
  private void parseDefinition() {
    String context = "define clause";
    Token token = nextNonSpace();
    if (token.kind != Kind.STRING && token.kind != Kind.RAW_STRING) {
      throw unexpected(token, context);
    }
    String treeName = templateName(token);
    expect(Kind.RIGHT_DELIM, context);
    add(treeName, subTree(context));
  }

  /**
   * The body of a {@code define} or {@code block} up to its {@code end}: a new tree, so with only {@code $}
   * declared and outside any {@code range}.
   */
  private ListNode subTree(String context) {
    List<String> outerVars = new ArrayList<>(vars);
    int outerRange = rangeDepth;
    vars.clear();
    vars.add("$");
    rangeDepth = 0;
    enter();
    DelimiterNode[] end = new DelimiterNode[1];
    ListNode list = itemList(end);
    depth--;
    if (!end[0].isEnd) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    vars.clear();
    vars.addAll(outerVars);
    rangeDepth = outerRange;
    return list;
  }

  private String templateName(Token token) {
    try {
      return GoQuote.unquote(token.val);
    } catch (HpaValidationException e) {
      throw errorf("invalid syntax");
    }
  }

  /** Go's {@code blockControl}: defines the template and calls it in place. */
  private Node blockControl() {
    String context = "block clause";
    Token token = nextNonSpace();
    if (token.kind != Kind.STRING && token.kind != Kind.RAW_STRING) {
      throw unexpected(token, context);
    }
    String treeName = templateName(token);
    PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
    add(treeName, subTree(context));
    return new TemplateNode(token.pos, treeName, pipe);
  }

  /** Go's {@code templateControl}: {@code {{template "name"}}} or {@code {{template "name" pipeline}}}. */
  private Node templateControl() {
    String context = "template clause";
    Token token = nextNonSpace();
    if (token.kind != Kind.STRING && token.kind != Kind.RAW_STRING) {
      throw unexpected(token, context);
    }
    String treeName = templateName(token);
    PipeNode pipe = null;
    if (nextNonSpace().kind != Kind.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Kind.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos, treeName, pipe);
  }

  /** Go's itemList: nodes up to an {@code end} or {@code else}, which is returned as the last element. */
  private ListNode itemList(DelimiterNode[] terminator) {
    int pos = peekNonSpace().pos;
    List<Node> nodes = new ArrayList<>();
    while (peekNonSpace().kind != Kind.EOF) {
      Node n = textOrAction();
      if (n instanceof DelimiterNode) {
        terminator[0] = (DelimiterNode) n;
        return new ListNode(pos, nodes);
      }
      nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Token token = nextNonSpace();
    switch (token.kind) {
      case TEXT:
        return new TextNode(token.pos, token.val);
      case LEFT_DELIM:
        actionLine = token.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(token, "input");
    }
  }

  private Node action() {
    Token token = nextNonSpace();
    switch (token.kind) {
      case BLOCK:
        return blockControl();
      case TEMPLATE:
        return templateControl();
      case BREAK:
      case CONTINUE:
        return loopControl(token);
      case ELSE:
        return elseControl();
      case END:
        return new DelimiterNode(expect(Kind.RIGHT_DELIM, "end").pos, true);
      case IF:
        return control("if");
      case RANGE:
        return control("range");
      case WITH:
        return control("with");
      default:
        break;
    }
    backup();
    Token start = peek();
    return new ActionNode(start.pos, pipeline("command", Kind.RIGHT_DELIM));
  }

  private Node loopControl(Token keyword) {
    boolean isBreak = keyword.kind == Kind.BREAK;
    String word = isBreak ? "{{break}}" : "{{continue}}";
    Token t = nextNonSpace();
    if (t.kind != Kind.RIGHT_DELIM) {
      throw unexpected(t, word);
    }
    if (rangeDepth == 0) {
      throw errorf(word + " outside {{range}}");
    }
    return new LoopControlNode(keyword.pos, isBreak);
  }

  private Node elseControl() {
    Token peek = peekNonSpace();
    if (peek.kind == Kind.IF || peek.kind == Kind.WITH) {
      return new DelimiterNode(peek.pos, false);
    }
    Token t = expect(Kind.RIGHT_DELIM, "else");
    return new DelimiterNode(t.pos, false);
  }

  private BranchNode control(String context) {
    int mark = vars.size();
    try {
      PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      // counted until the end of an else-if chain, which nests as deeply as it is long
      enter();
      DelimiterNode[] next = new DelimiterNode[1];
      ListNode list = itemList(next);
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (!next[0].isEnd) {
        if (context.equals("if") && peek().kind == Kind.IF) {
          next();
          elseList = new ListNode(next[0].pos, List.of(control("if")));
        } else if (context.equals("with") && peek().kind == Kind.WITH) {
          next();
          elseList = new ListNode(next[0].pos, List.of(control("with")));
        } else {
          DelimiterNode[] end = new DelimiterNode[1];
          elseList = itemList(end);
          if (!end[0].isEnd) {
            throw errorf("expected end; found " + end[0]);
          }
        }
      }
      depth--;
      return new BranchNode(context, pipe.pos, pipe, list, elseList);
    } finally {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private PipeNode pipeline(String context, Kind end) {
    Token first = peekNonSpace();
    PipeNode pipe = new PipeNode(first.pos);
    List<String> decl = new ArrayList<>();
    List<CommandNode> cmds = new ArrayList<>();
    decls:
    while (true) {
      Token v = peekNonSpace();
      if (v.kind != Kind.VARIABLE) {
        break;
      }
      int vIdx = idx;
      next();
      Token nextTok = peekNonSpace();
      if (nextTok.kind == Kind.ASSIGN || nextTok.kind == Kind.DECLARE) {
        pipe.isAssign = nextTok.kind == Kind.ASSIGN;
        nextNonSpace();
        decl.add(v.val);
        vars.add(v.val);
      } else if (nextTok.kind == Kind.CHAR && nextTok.val.equals(",")) {
        nextNonSpace();
        decl.add(v.val);
        vars.add(v.val);
        if (context.equals("range") && decl.size() < 2) {
          Kind k = peekNonSpace().kind;
          if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
            continue decls;
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else {
        // "$x foo" or "$x)": $x is an operand, not a declaration; push it back.
        idx = vIdx;
      }
      break;
    }
    while (true) {
      Token token = nextNonSpace();
      if (token.kind == end) {
        pipe.decl = decl.toArray(new String[0]);
        pipe.cmds = cmds.toArray(new CommandNode[0]);
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.kind) {
        case BOOL:
        case CHAR_CONSTANT:
        case COMPLEX:
        case DOT:
        case FIELD:
        case IDENTIFIER:
        case NUMBER:
        case NIL:
        case RAW_STRING:
        case STRING:
        case VARIABLE:
        case LEFT_PAREN:
          backup();
          cmds.add(command());
          break;
        default:
          throw unexpected(token, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds.length == 0) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds.length; i++) {
      Node first = pipe.cmds[i].args[0];
      if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
          || first instanceof NumberNode || first instanceof StringNode) {
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private CommandNode command() {
    CommandNode cmd = new CommandNode(peekNonSpace().pos);
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token token = next();
      if (token.kind == Kind.SPACE) {
        continue;
      }
      if (token.kind == Kind.RIGHT_DELIM || token.kind == Kind.RIGHT_PAREN) {
        backup();
      } else if (token.kind != Kind.PIPE) {
        throw unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw errorf("empty command");
    }
    cmd.args = args.toArray(new Node[0]);
    return cmd;
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().kind == Kind.FIELD) {
      int chainPos = peek().pos;
      List<String> fields = new ArrayList<>();
      while (peek().kind == Kind.FIELD) {
        fields.add(next().val.substring(1).intern());
      }
      if (node instanceof FieldNode) {
        return new FieldNode(chainPos, concat(((FieldNode) node).ident, fields));
      }
      if (node instanceof VariableNode) {
        return new VariableNode(chainPos, concat(((VariableNode) node).ident, fields));
      }
      if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
          || node instanceof NilNode || node instanceof DotNode) {
        throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
      }
      return new ChainNode(chainPos, node, fields.toArray(new String[0]));
    }
    return node;
  }

  private static String[] concat(String[] head, List<String> tail) {
    String[] out = new String[head.length + tail.size()];
    System.arraycopy(head, 0, out, 0, head.length);
    for (int i = 0; i < tail.size(); i++) {
      out[head.length + i] = tail.get(i);
    }
    return out;
  }

  private Node term() {
    Token token = nextNonSpace();
    switch (token.kind) {
      case IDENTIFIER: {
        GoTemplateFuncs.Builtin b = GoTemplateFuncs.Builtin.byName(token.val);
        if (b == null) {
          throw errorf("function " + GoQuote.quote(token.val) + " not defined");
        }
        if (b == GoTemplateFuncs.Builtin.CALL) {
          throw unsupported("call");
        }
        return new IdentifierNode(token.pos, token.val, b);
      }
      case DOT:
        return new DotNode(token.pos);
      case NIL:
        return new NilNode(token.pos);
      case VARIABLE:
        return useVar(token);
      case FIELD:
        // Interned so that struct field lookups usually succeed on a reference comparison.
        return new FieldNode(token.pos, new String[] {token.val.substring(1).intern()});
      case BOOL:
        return new BoolNode(token.pos, token.val.equals("true"));
      case COMPLEX:
        throw unsupported("complex number constants");
      case CHAR_CONSTANT:
        return charConstant(token);
      case NUMBER:
        return number(token);
      case LEFT_PAREN:
        enter();
        try {
          return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
        } finally {
          depth--;
        }
      case STRING:
      case RAW_STRING: {
        String s;
        try {
          s = GoQuote.unquote(token.val);
        } catch (HpaValidationException e) {
          throw errorf("invalid syntax");
        }
        return new StringNode(token.pos, token.val, s);
      }
      default:
        backup();
        return null;
    }
  }

  /** A reference to a declared variable; the lexer never puts a field into a variable token. */
  private Node useVar(Token token) {
    for (String v : vars) {
      if (v.equals(token.val)) {
        return new VariableNode(token.pos, new String[] {token.val});
      }
    }
    throw errorf("undefined variable " + GoQuote.quote(token.val));
  }

  private Node charConstant(Token token) {
    String text = token.val;
    String body = text.substring(1);
    int[] rune = new int[1];
    int used = unquoteChar(body, rune);
    if (used < 0) {
      throw errorf("invalid syntax");
    }
    if (!body.substring(used).equals("'")) {
      throw errorf("malformed character constant: " + text);
    }
    return new NumberNode(token.pos, text, true, true, true, rune[0], rune[0], true);
  }

  /** Go's strconv.UnquoteChar for a rune literal body; returns chars consumed or -1 for invalid syntax. */
  private static int unquoteChar(String s, int[] out) {
    if (s.isEmpty()) {
      return -1;
    }
    char c = s.charAt(0);
    if (c == '\'') {
      return -1;
    }
    if (c != '\\') {
      int r = s.codePointAt(0);
      out[0] = Character.isSurrogate((char) r) && r <= 0xFFFF ? 0xFFFD : r;
      return Character.charCount(r);
    }
    if (s.length() < 2) {
      return -1;
    }
    char e = s.charAt(1);
    switch (e) {
      case 'a':
        out[0] = 7;
        return 2;
      case 'b':
        out[0] = 8;
        return 2;
      case 'f':
        out[0] = 12;
        return 2;
      case 'n':
        out[0] = 10;
        return 2;
      case 'r':
        out[0] = 13;
        return 2;
      case 't':
        out[0] = 9;
        return 2;
      case 'v':
        out[0] = 11;
        return 2;
      case '\\':
      case '\'':
        out[0] = e;
        return 2;
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (s.length() < 2 + n) {
          return -1;
        }
        int v = 0;
        for (int k = 0; k < n; k++) {
          char h = s.charAt(2 + k);
          int d = h < 0x80 ? Character.digit(h, 16) : -1;
          if (d < 0) {
            return -1;
          }
          v = v * 16 + d;
        }
        if (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v < 0)) {
          return -1;
        }
        out[0] = v;
        return 2 + n;
      }
      default:
        if (e >= '0' && e <= '7') {
          if (s.length() < 4) {
            return -1;
          }
          int v = 0;
          for (int k = 0; k < 3; k++) {
            int d = s.charAt(1 + k) - '0';
            if (d < 0 || d > 7) {
              return -1;
            }
            v = v * 8 + d;
          }
          if (v > 255) {
            return -1;
          }
          out[0] = v;
          return 4;
        }
        return -1;
    }
  }

  private Node number(Token token) {
    String text = token.val;
    if (text.endsWith("i") && GoNumbers.parseFloat(text.substring(0, text.length() - 1)) != null) {
      throw unsupported("complex number constants");
    }
    Long u = GoNumbers.parseInt(text, true);
    Long i = GoNumbers.parseInt(text, false);
    boolean isUint = u != null;
    boolean isInt = i != null;
    if (isInt && i == 0) {
      isUint = true;
    }
    boolean isFloat = false;
    double f = 0;
    long iv = isInt ? i : 0;
    if (isInt) {
      isFloat = true;
      f = iv;
    } else if (isUint) {
      isFloat = true;
      f = GoNumbers.unsignedToDouble(u);
    } else {
      Double parsed = GoNumbers.parseFloat(text);
      if (parsed != null) {
        if (!containsAny(text, ".eEpP")) {
          throw errorf("integer overflow: " + GoQuote.quote(text));
        }
        isFloat = true;
        f = parsed;
        if (f == Math.rint(f) && f >= -9.223372036854775808E18 && f < 9.223372036854775808E18) {
          isInt = true;
          iv = (long) f;
        }
        if (f == Math.rint(f) && f >= 0 && f < 1.8446744073709552E19) {
          isUint = true;
        }
      }
    }
    if (!isInt && !isUint && !isFloat) {
      throw errorf("illegal number syntax: " + GoQuote.quote(text));
    }
    return new NumberNode(token.pos, text, isInt, isUint, isFloat, iv, f, false);
  }

  private static boolean containsAny(String s, String chars) {
    for (int k = 0; k < s.length(); k++) {
      if (chars.indexOf(s.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
