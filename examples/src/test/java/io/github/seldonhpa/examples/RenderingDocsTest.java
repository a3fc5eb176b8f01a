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

  /** Compiles and runs one snippet, returning what it printed. */
  private static String run(String imports, String body, int index, Path dir) throws Exception {
    String name = "Snippet" + index;
    String source = imports + "\npublic class " + name + " {\n  public static void run() throws Exception {\n"
        + body + "\n  }\n}\n";
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, files, diagnostics, List.of("-classpath",
              System.getProperty("java.class.path"), "-d", dir.toString(), "-Xlint:all", "-Werror"), null,
          files.getJavaFileObjects(file)).call();
      assertThat(ok).as("snippet %d of docs/rendering.md compiles:\n%s\n%s", index, body,
          diagnostics.getDiagnostics()).isTrue();
    }
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        RenderingDocsTest.class.getClassLoader())) {
      Method run = loader.loadClass(name).getMethod("run");
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
    StringBuilder updated = new StringBuilder(page);
    int shift = 0;
    int snippets = 0;
    for (int i = 1; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (!b.lang().equals("java")) {
        continue;
      }
      snippets++;
      String printed = run(imports, b.text(), i, dir);
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
    assertThat(snippets).isGreaterThanOrEqualTo(8);
  }

  @Test
  void namesEveryRenderingEntryPoint() throws IOException {
    assertThat(Files.readString(PAGE)).contains("Manifests.of(", "Manifests.hpas(", "Manifests.yaml(",
        "Manifests.hpasYaml(", "Manifests.adapterConfigYaml(", "Manifests.adapterConfigMapYaml(",
        "Manifests.adapterConfigMap(", "Manifests.helmValuesYaml(", "Manifests.join(", "chartValuesYaml()",
        "commands(", "Manifests.model(", "Manifests.server(", "Manifests.hpa(");
  }
}
