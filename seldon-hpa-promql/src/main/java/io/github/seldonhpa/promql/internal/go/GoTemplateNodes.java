package io.github.seldonhpa.promql.internal.go;

import java.util.List;

/**
 * The parse tree of a {@link GoTemplate}, shaped like Go's {@code text/template/parse} nodes. Each node
 * keeps its start offset for error locations and prints itself as Go's {@code Node.String()} does, because
 * execution errors quote that text ({@code executing "name" at <.Foo>: ...}).
 */
final class GoTemplateNodes {
  private GoTemplateNodes() {}

  abstract static class Node {
    final int pos;

    Node(int pos) {
      this.pos = pos;
    }

    abstract void writeTo(StringBuilder sb);

    @Override
    public final String toString() {
      StringBuilder sb = new StringBuilder();
      writeTo(sb);
      return sb.toString();
    }
  }

  static final class ListNode extends Node {
    final Node[] nodes;

    ListNode(int pos, List<Node> nodes) {
      super(pos);
      this.nodes = nodes.toArray(new Node[0]);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (Node n : nodes) {
        n.writeTo(sb);
      }
    }
  }

  static final class TextNode extends Node {
    final String text;

    TextNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  /** {@code {{pipeline}}}: prints the pipeline's value unless it declares or assigns variables. */
  static final class ActionNode extends Node {
    final PipeNode pipe;

    ActionNode(int pos, PipeNode pipe) {
      super(pos);
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{");
      pipe.writeTo(sb);
      sb.append("}}");
    }
  }

  /** {@code if}, {@code with} or {@code range} with its lists. */
  static final class BranchNode extends Node {
    final String keyword;
    final PipeNode pipe;
    final ListNode list;
    final ListNode elseList;

    BranchNode(String keyword, int pos, PipeNode pipe, ListNode list, ListNode elseList) {
      super(pos);
      this.keyword = keyword;
      this.pipe = pipe;
      this.list = list;
      this.elseList = elseList;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(keyword).append(' ');
      pipe.writeTo(sb);
      sb.append("}}");
      list.writeTo(sb);
      if (elseList != null) {
        sb.append("{{else}}");
        elseList.writeTo(sb);
      }
      sb.append("{{end}}");
    }
  }

  /** {@code {{break}}} or {@code {{continue}}}. */
  static final class LoopControlNode extends Node {
    final boolean isBreak;

    LoopControlNode(int pos, boolean isBreak) {
      super(pos);
      this.isBreak = isBreak;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(isBreak ? "{{break}}" : "{{continue}}");
    }
  }

  /** {@code {{template "name" pipeline}}}, also what {@code {{block}}} leaves in place. */
  static final class TemplateNode extends Node {
    final String name;
    /** Null without a pipeline: the called template's dot is then nil. */
    final PipeNode pipe;

    TemplateNode(int pos, String name, PipeNode pipe) {
      super(pos);
      this.name = name;
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{template ");
      GoQuote.quote(name, sb);
      if (pipe != null) {
        sb.append(' ');
        pipe.writeTo(sb);
      }
      sb.append("}}");
    }
  }

  /** {@code end} or {@code else}: only seen while parsing. */
  static final class DelimiterNode extends Node {
    final boolean isEnd;

    DelimiterNode(int pos, boolean isEnd) {
      super(pos);
      this.isEnd = isEnd;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(isEnd ? "{{end}}" : "{{else}}");
    }
  }

  static final class PipeNode extends Node {
    boolean isAssign;
    String[] decl;
    CommandNode[] cmds;

    PipeNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (decl.length > 0) {
        for (int i = 0; i < decl.length; i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(decl[i]);
        }
        sb.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.length; i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        cmds[i].writeTo(sb);
      }
    }
  }

  static final class CommandNode extends Node {
    Node[] args;

    CommandNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (int i = 0; i < args.length; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        if (args[i] instanceof PipeNode) {
          sb.append('(');
          args[i].writeTo(sb);
          sb.append(')');
        } else {
          args[i].writeTo(sb);
        }
      }
    }
  }

  /** {@code .A.B}: a field chain on dot. */
  static final class FieldNode extends Node {
    final String[] ident;

    FieldNode(int pos, String[] ident) {
      super(pos);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (String id : ident) {
        sb.append('.').append(id);
      }
    }
  }

  /** {@code $x.A.B}: a variable and an optional field chain. */
  static final class VariableNode extends Node {
    final String[] ident;

    VariableNode(int pos, String[] ident) {
      super(pos);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (int i = 0; i < ident.length; i++) {
        if (i > 0) {
          sb.append('.');
        }
        sb.append(ident[i]);
      }
    }
  }

  /** {@code (pipeline).A.B}: fields of a parenthesised pipeline's value. */
  static final class ChainNode extends Node {
    final Node node;
    final String[] field;

    ChainNode(int pos, Node node, String[] field) {
      super(pos);
      this.node = node;
      this.field = field;
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (node instanceof PipeNode) {
        sb.append('(');
        node.writeTo(sb);
        sb.append(')');
      } else {
        node.writeTo(sb);
      }
      for (String f : field) {
        sb.append('.').append(f);
      }
    }
  }

  /** A builtin function name. */
  static final class IdentifierNode extends Node {
    final String ident;
    final GoTemplateFuncs.Builtin builtin;

    IdentifierNode(int pos, String ident, GoTemplateFuncs.Builtin builtin) {
      super(pos);
      this.ident = ident;
      this.builtin = builtin;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(ident);
    }
  }

  static final class DotNode extends Node {
    DotNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append('.');
    }
  }

  static final class NilNode extends Node {
    NilNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("nil");
    }
  }

  static final class BoolNode extends Node {
    final boolean value;

    BoolNode(int pos, boolean value) {
      super(pos);
      this.value = value;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(value);
    }
  }

  /** A number literal with Go's untyped-constant interpretations. */
  static final class NumberNode extends Node {
    final String text;
    final boolean isInt;
    final boolean isUint;
    final boolean isFloat;
    final long intValue;
    final double floatValue;
    final boolean isRune;

    NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, long intValue,
        double floatValue, boolean isRune) {
      super(pos);
      this.text = text;
      this.isInt = isInt;
      this.isUint = isUint;
      this.isFloat = isFloat;
      this.intValue = intValue;
      this.floatValue = floatValue;
      this.isRune = isRune;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class StringNode extends Node {
    final String quoted;
    final String text;

    StringNode(int pos, String quoted, String text) {
      super(pos);
      this.quoted = quoted;
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(quoted);
    }
  }
}
