package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real POSIX shell receives every printed word unchanged. */
class ShellWordsPropertyTest {
  /** What /bin/sh passes to printf for each word: the words separated by NUL. */
  private static List<String> throughTheShell(List<String> words) {
    StringBuilder script = new StringBuilder("printf '%s\\0'");
    for (String w : words) {
      script.append(' ').append(ShellWords.word(w));
    }
    try {
      Process sh = new ProcessBuilder("/bin/sh", "-c", script.toString()).redirectErrorStream(true).start();
      String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sh.waitFor()).as(out).isZero();
      List<String> received = new ArrayList<>(List.of(out.split("\0", -1)));
      received.remove(received.size() - 1);
      return received;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void everyWordReachesTheProgramUnchanged() {
    // printable ASCII (every shell metacharacter) and some non-ASCII letters; NUL cannot be an argument
    qt().withExamples(20).forAll(lists().of(strings().betweenCodePoints(0x20, 0x17F).ofLengthBetween(0, 12))
        .ofSize(250)).checkAssert(words -> assertThat(throughTheShell(words)).isEqualTo(words));
  }

  @Test
  void plainWordsStayUnquotedAndOthersAreQuoted() {
    assertThat(ShellWords.word("prometheus-adapter.config.yaml")).isEqualTo("prometheus-adapter.config.yaml");
    assertThat(ShellWords.word("")).isEqualTo("''");
    assertThat(ShellWords.word("a b")).isEqualTo("'a b'");
    assertThat(ShellWords.word("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellWords.helmSetValue("http://p,q\\r")).isEqualTo("http://p\\,q\\\\r");
  }
}
