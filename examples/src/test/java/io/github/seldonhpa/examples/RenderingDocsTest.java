package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of {@code docs/rendering.md} compile and print what the page shows: the first {@code java}
 * block holds the imports of all the others; each other {@code java} block is compiled as the body of a
 * method and run, and a {@code yaml} or {@code text} block right after it must be exactly its output.
 * Rewrite the outputs with {@code -Ddocs.update=true} and review the diff.
 */
class RenderingDocsTest {
  private static final Path PAGE = Path.of("..", "docs", "rendering.md");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\n");

  /** A fenced block: its language, its text and where the text starts and ends in the page. */
  private record Block(String lang, String text, int start, int end) {}

  private static List<Block> blocks(String page) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(page);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2), m.start(2), m.end(2)));
    }
    return blocks;
  }

  /** Compiles the snippets, each as the body of {@code SnippetN.run()}, in one javac task. */
  private static void compile(String imports, Map<Integer, String> bodies, Path dir) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Map.Entry<Integer, String> e : bodies.entrySet()) {
      String name = "Snippet" + e.getKey();
      sources.add(Files.writeString(dir.resolve(name + ".java"), imports + "\npublic class " + name
          + " {\n  public static void run() throws Exception {\n" + e.getValue() + "\n  }\n}\n"));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, files, diagnostics, List.of("-classpath",
              System.getProperty("java.class.path"), "-d", dir.toString(), "-Xlint:all", "-Werror"), null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      assertThat(ok).as("the snippets of docs/rendering.md compile: %s", diagnostics.getDiagnostics()).isTrue();
    }
  }

  /** Runs one compiled snippet, returning what it printed. */
  private static String run(int index, Path dir) throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        RenderingDocsTest.class.getClassLoader())) {
      Method run = loader.loadClass("Snippet" + index).getMethod("run");
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      run.invoke(null);
    } finally {
      System.setOut(stdout);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everySnippetCompilesRunsAndPrintsWhatThePageShows(@TempDir Path dir) throws Exception {
    String page = Files.readString(PAGE);
    List<Block> blocks = blocks(page);
    assertThat(blocks).first().extracting(Block::lang).isEqualTo("java");
    String imports = blocks.get(0).text();
    assertThat(imports.lines()).allMatch(l -> l.isBlank() || l.startsWith("import "));
    Map<Integer, String> bodies = new TreeMap<>();
    for (int i = 1; i < blocks.size(); i++) {
      if (blocks.get(i).lang().equals("java")) {
        bodies.put(i, blocks.get(i).text());
      }
    }
    compile(imports, bodies, dir);
    StringBuilder updated = new StringBuilder(page);
    int shift = 0;
    for (int i : bodies.keySet()) {
      Block b = blocks.get(i);
      String printed = run(i, dir);
      Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
      boolean hasOutput = next != null && (next.lang().equals("yaml") || next.lang().equals("text"))
          && page.substring(b.end(), next.start()).matches("```\\n\\s*```\\w+\\n");
      if (!hasOutput) {
        assertThat(printed).as("snippet %d prints nothing the page does not show", i).isEmpty();
        continue;
      }
      if (Boolean.getBoolean("docs.update")) {
        updated.replace(next.start() + shift, next.end() + shift, printed);
        shift += printed.length() - next.text().length();
      } else {
        assertThat(printed).as("output of snippet %d of docs/rendering.md (update with -Ddocs.update=true)", i)
            .isEqualTo(next.text());
      }
    }
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(PAGE, updated.toString());
    }
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void namesEveryRenderingEntryPoint() throws IOException {
    assertThat(Files.readString(PAGE)).contains("Manifests.of(", "Manifests.hpas(", "Manifests.yaml(",
        "Manifests.hpasYaml(", "Manifests.adapterConfigYaml(", "Manifests.adapterConfigMapYaml(",
        "Manifests.adapterConfigMap(", "Manifests.helmValuesYaml(", "Manifests.join(", "chartValuesYaml()",
        "commands(", "Manifests.modelResource(", "Manifests.serverResource(", "Manifests.hpa(");
  }
}
