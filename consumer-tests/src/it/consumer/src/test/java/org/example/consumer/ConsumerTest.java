package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Starts the consumer's program in a fresh JVM, as a user would, on the class path and on the module path. */
class ConsumerTest {
  private static final String EXPECTED = String.join("\n",
      "iris-model-hpa {app.kubernetes.io/managed-by=seldon-hpa} target 3",
      "mlserver-iris-server-hpa {app.kubernetes.io/managed-by=seldon-hpa} target 3",
      "HorizontalPodAutoscaler iris-model-hpa",
      "HorizontalPodAutoscaler mlserver-iris-server-hpa",
      "3 replicas at 9.15 rps",
      "income-model-hpa {app.kubernetes.io/managed-by=seldon-hpa} target 3",
      "mlserver-income-server-hpa {app.kubernetes.io/managed-by=seldon-hpa} target 3",
      "HorizontalPodAutoscaler income-model-hpa",
      "HorizontalPodAutoscaler mlserver-income-server-hpa",
      "3 replicas at 9.15 rps",
      "apiVersion: autoscaling/v2",
      "kind: HorizontalPodAutoscaler",
      "metadata:",
      "  name: team-default-model-hpa",
      "  namespace: seldon-mesh",
      "  labels:",
      "    app.kubernetes.io/managed-by: seldon-hpa",
      "spec:",
      "  scaleTargetRef:",
      "    apiVersion: mlops.seldon.io/v1alpha1",
      "    kind: Model",
      "    name: team-default",
      "  minReplicas: 1",
      "  maxReplicas: 3",
      "  metrics:",
      "  - type: Object",
      "    object:",
      "      metric:",
      "        name: infer_rps",
      "      describedObject:",
      "        apiVersion: mlops.seldon.io/v1alpha1",
      "        kind: Model",
      "        name: team-default",
      "      target:",
      "        type: AverageValue",
      "        averageValue: 3",
      "true team-default-model-hpa maxReplicas 3 (Long), 1 metric",
      "");

  /** The program's run-time jars: the test's class path without the test classes and the test libraries. */
  private static List<String> runtimeJars() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      boolean testOnly = name.equals("test-classes") || name.equals("classes") || name.startsWith("junit-")
          || name.startsWith("opentest4j-") || name.startsWith("apiguardian-") || name.contains("surefire");
      if (!testOnly) {
        jars.add(entry);
      }
    }
    return jars;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void runsOnTheClassPath() throws Exception {
    List<String> cp = new ArrayList<>(runtimeJars());
    cp.add(0, System.getProperty("consumer.classes"));
    assertEquals(EXPECTED, run(List.of(java(), "-cp", String.join(File.pathSeparator, cp),
        "org.example.consumer.Main")));
  }

  @Test
  void runsOnTheModulePathWithoutAddModules() throws Exception {
    List<String> mp = new ArrayList<>(runtimeJars());
    mp.add(0, System.getProperty("consumer.classes"));
    assertEquals(EXPECTED, run(List.of(java(), "--module-path", String.join(File.pathSeparator, mp),
        "--module", "org.example.consumer/org.example.consumer.Main")));
  }

  @Test
  void resolvesOneJacksonVersion() {
    String expected = System.getProperty("consumer.jackson.version");
    String minor = expected.substring(0, expected.lastIndexOf('.'));
    Pattern jackson = Pattern.compile("jackson-[a-z-]+?-(\\d[^/\\\\]*)\\.jar");
    List<String> versions = new ArrayList<>();
    for (String jar : runtimeJars()) {
      Matcher m = jackson.matcher(Path.of(jar).getFileName().toString());
      if (m.matches()) {
        versions.add(Path.of(jar).getFileName() + "");
        // jackson-annotations is versioned by minor release only (2.20) since Jackson 2.20
        assertTrue(m.group(1).equals(expected) || m.group(1).equals(minor), "mixed Jackson versions: " + jar);
      }
    }
    assertTrue(versions.size() >= 3, versions.stream().collect(Collectors.joining(", ")));
  }

  @Test
  void resolvesTheFabric8VersionOfTheBuild() {
    String expected = System.getProperty("consumer.fabric8.version");
    List<String> fabric8 = runtimeJars().stream().map(j -> Path.of(j).getFileName().toString())
        .filter(n -> n.startsWith("kubernetes-model-")).collect(Collectors.toList());
    assertTrue(fabric8.size() >= 3, fabric8.toString());
    assertTrue(fabric8.stream().allMatch(n -> n.endsWith("-" + expected + ".jar")), fabric8.toString());
  }
}
