package io.github.seldonhpa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

/**
 * {@code seldon-hpa}: lint, explain, render, simulate and decide from the shell. Exit codes: 0 clean,
 * 1 findings at or above {@code --fail-on} (lint) or a metric no rule serves (explain), 2 bad usage or
 * unreadable input. Errors are one line on standard error; {@code --debug} adds the stack trace.
 */
@Command(name = "seldon-hpa", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n", commandListHeading = "%nCommands:%n",
    description = "Lint, explain, render, simulate and decide the HPA autoscaling of Seldon Core 2 Models and"
        + " Servers on Prometheus metrics served by prometheus-adapter.",
    footerHeading = "%nExit codes:%n",
    footer = {"  0  clean", "  1  findings at or above --fail-on (lint), a metric no rule serves (explain)",
        "  2  bad usage or unreadable input",
        "", "Examples:", "  seldon-hpa lint deploy/", "  seldon-hpa lint --format sarif deploy/ > seldon-hpa.sarif",
        "  source <(seldon-hpa generate-completion)"})
public final class Main implements Runnable {
  /** Clean. */
  static final int OK = 0;
  /** Findings at or above the threshold, or an unserved metric. */
  static final int FINDINGS = 1;
  /** Bad usage or unreadable input. */
  static final int USAGE = 2;

  /** The commands, in the order of the help. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("lint", LintCommand::new);
    COMMANDS.put("explain", ExplainCommand::new);
    COMMANDS.put("render", RenderCommand::new);
    COMMANDS.put("simulate", SimulateCommand::new);
    COMMANDS.put("decide", DecideCommand::new);
    COMMANDS.put("generate-completion", CompletionCommand::new);
  }

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "On an error, also print its stack trace.")
  boolean debug;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Without a command: the usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command line, such as {@code lint deploy/}; see {@code seldon-hpa --help}
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.getenv(), System.console() != null);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs a command line with the given output, error stream and environment; {@code terminal} tells
   * whether the output is a terminal (colour is used only then, and never with {@code NO_COLOR} set).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // picocli's classes are Java 5 bytecode, which class-data sharing cannot archive: skip them here
      out.println(new Version().getVersion()[0]);
      out.flush();
      return OK;
    }
    boolean colour = colour(env, terminal);
    CommandLine cmd = new CommandLine(new Main());
    // Building a command's model costs start-up time: a run of one command builds only that one.
    String first = args.length == 0 ? "" : args[0];
    boolean one = COMMANDS.containsKey(first) && !first.equals("generate-completion");
    for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
      if (!one || c.getKey().equals(first)) {
        cmd.addSubcommand(c.getKey(), c.getValue().get());
      }
    }
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setColorScheme(Help.defaultColorScheme(colour ? Help.Ansi.ON : Help.Ansi.OFF));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpWidth(100);
    cmd.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println(line.getCommandName().equals("seldon-hpa") ? "seldon-hpa: " + message(e)
          : "seldon-hpa " + line.getCommandName() + ": " + message(e));
      if (Arrays.asList(args).contains("--debug")) {
        e.printStackTrace(line.getErr());
      }
      return USAGE;
    });
    cmd.setParameterExceptionHandler((e, arguments) -> {
      CommandLine line = e.getCommandLine();
      String name = line.getCommandSpec().qualifiedName();
      line.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
      return USAGE;
    });
    for (CommandLine sub : cmd.getSubcommands().values()) {
      if (sub.getCommand() instanceof Colourful) {
        ((Colourful) sub.getCommand()).colour(colour);
      }
    }
    int code = cmd.execute(args);
    out.flush();
    return code;
  }

  /** Colour only on a terminal, never with {@code NO_COLOR} set (https://no-color.org) or {@code TERM=dumb}. */
  static boolean colour(Map<String, String> env, boolean terminal) {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /** The message of an error on one line (a parser's message may span several). */
  static String message(Throwable e) {
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return message(e.getCause());
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return m.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** A command that colours its own output. */
  interface Colourful {
    void colour(boolean on);
  }

  /** The version of the jar, from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"seldon-hpa " + version()};
    }
  }

  /** {@code 0.1.0-SNAPSHOT}: the project version this jar was built from. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/seldon-hpa-cli.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }
}
