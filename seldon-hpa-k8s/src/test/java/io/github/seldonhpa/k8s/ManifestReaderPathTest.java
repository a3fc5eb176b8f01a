package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ManifestReader#read(Path)}: files, folders (recursive, stable order) and standard input. */
class ManifestReaderPathTest {
  private final ManifestReader reader = ManifestReader.create();

  private static String model(String name) {
    return "apiVersion: mlops.seldon.io/v1alpha1\nkind: Model\nmetadata:\n  name: " + name
        + "\n  namespace: seldon-mesh\nspec:\n  replicas: 1\n";
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void readsAFolderRecursivelyInPathOrder(@TempDir Path dir) throws IOException {
    write(dir.resolve("b.yaml"), model("b"));
    write(dir.resolve("a/z.yml"), model("az") + "---\n" + model("az2"));
    write(dir.resolve("a/c/d.yaml"), model("acd"));
    write(dir.resolve("a.yaml"), model("a"));
    write(dir.resolve("README.md"), "not yaml: [");
    write(dir.resolve("values.json"), "{");
    Files.createDirectories(dir.resolve("empty.yaml.d"));

    List<Manifest> read = reader.read(dir);

    assertThat(read).extracting(m -> m.name()).containsExactly("a", "acd", "az", "az2", "b");
    assertThat(read).extracting(Manifest::source).containsExactly(
        dir.resolve("a.yaml").toString(), dir.resolve("a/c/d.yaml").toString(), dir.resolve("a/z.yml").toString(),
        dir.resolve("a/z.yml").toString(), dir.resolve("b.yaml").toString());
    assertThat(read.get(3).document()).isEqualTo(2);
    assertThat(read.get(1).position("spec.replicas")).contains(Position.of(7, 3));
  }

  @Test
  void anEmptyFolderHasNoManifests(@TempDir Path dir) {
    assertThat(reader.read(dir)).isEmpty();
  }

  @Test
  void errorsInAFolderNameTheFile(@TempDir Path dir) throws IOException {
    write(dir.resolve("good.yaml"), model("good"));
    write(dir.resolve("sub/bad.yaml"), "kind: Model\nmetadata: {name: x\n");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(ManifestReadException.class)
        .hasMessageStartingWith("malformed YAML: ")
        .hasMessageEndingWith("(at " + dir.resolve("sub/bad.yaml") + ", document 1, line 3, column 1)");
  }

  @Test
  void aMissingPathIsAReadErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> {
          assertThat(e.source()).isEqualTo(missing.toString());
          assertThat(e.problem()).isEqualTo("cannot read: no such file or directory");
        })
        .hasMessage("cannot read: no such file or directory (at " + missing + ", document 0)");
  }

  @Test
  void anUnreadableFileIsAReadErrorNamingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("locked/secret.yaml");
    write(file, model("x"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      // root reads any file: the check only means something for other users
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root");
      assertThatThrownBy(() -> reader.read(dir))
          .isInstanceOf(ManifestReadException.class)
          .hasMessage("cannot read: permission denied (at " + file + ", document 0)");
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void dashReadsStandardInput() {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream((model("from-stdin") + "---\n" + model("second"))
        .getBytes(StandardCharsets.UTF_8)));
    try {
      List<Manifest> read = reader.read(Path.of("-"));
      assertThat(read).extracting(m -> m.name()).containsExactly("from-stdin", "second");
      assertThat(read).extracting(Manifest::source).containsOnly("<stdin>");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void folderOrderIsByPathNotByFileSystem(@TempDir Path dir) throws IOException {
    for (String name : List.of("10.yaml", "9.yaml", "B.yaml", "a.yaml", "a-b.yaml", "a/b.yaml")) {
      write(dir.resolve(name), model("m"));
    }
    assertThat(ManifestReader.yamlFiles(dir).stream().map(p -> dir.relativize(p).toString())
        .collect(Collectors.toList()))
        .containsExactly("10.yaml", "9.yaml", "B.yaml", "a-b.yaml", "a.yaml", "a/b.yaml");
  }
}
