package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The BOM pins every module the build deploys, and the library versions the build uses. */
class BomTest {
  private static final Path ROOT = Path.of("..");

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  /** The text of the first direct child {@code name} of {@code parent}, or null. */
  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return n.getTextContent().trim();
      }
    }
    return null;
  }

  private static String property(Document pom, String name) {
    NodeList props = pom.getElementsByTagName(name);
    return props.getLength() == 0 ? null : props.item(0).getTextContent().trim();
  }

  @Test
  void pinsEveryDeployedModule() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    List<String> deployed = new ArrayList<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Document module = read(ROOT.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml"));
      String packaging = child(module.getDocumentElement(), "packaging");
      boolean skipped = "true".equals(property(module, "maven.deploy.skip"));
      if (!skipped && !"pom".equals(packaging)) {
        deployed.add(child(module.getDocumentElement(), "artifactId"));
      }
    }
    assertThat(deployed).contains("seldon-hpa-api", "seldon-hpa-promql", "seldon-hpa-k8s");

    Document bom = read(ROOT.resolve("seldon-hpa-bom").resolve("pom.xml"));
    List<String> pinned = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if ("io.github.seldonhpa".equals(child(d, "groupId"))) {
        pinned.add(child(d, "artifactId"));
        assertThat(child(d, "version")).isEqualTo("${project.version}");
      }
    }
    assertThat(pinned).as("the io.github.seldonhpa entries of seldon-hpa-bom/pom.xml: one per deployed module")
        .containsExactlyInAnyOrderElementsOf(deployed);
  }

  @Test
  void pinsTheVersionsOfTheBuild() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("seldon-hpa-bom").resolve("pom.xml"));
    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
    for (String p : List.of("jackson.version", "fabric8.version", "re2j.version")) {
      assertThat(property(bom, p)).as(p).isEqualTo(property(parent, p));
    }
  }
}
