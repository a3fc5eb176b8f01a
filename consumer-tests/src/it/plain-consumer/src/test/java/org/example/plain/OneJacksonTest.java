package org.example.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.PackageVersion;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.promql.SeldonPresets;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Without the BOM, the class path still holds one Jackson version, the one seldon-hpa is built with. */
class OneJacksonTest {
  @Test
  void resolvesOneJacksonVersion() {
    String expected = System.getProperty("consumer.jackson.version");
    String minor = expected.substring(0, expected.lastIndexOf('.'));
    Pattern jackson = Pattern.compile("jackson-[a-z-]+?-(\\d[^/\\\\]*)\\.jar");
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      Matcher m = jackson.matcher(name);
      if (m.matches()) {
        jars.add(name);
        // jackson-annotations is versioned by minor release only (2.20) since Jackson 2.20
        assertTrue(m.group(1).equals(expected) || m.group(1).equals(minor), "mixed Jackson versions: " + jars);
      }
    }
    assertTrue(jars.size() >= 4, jars.toString());
    assertEquals(expected, PackageVersion.VERSION.toString());
  }

  @Test
  void rendersWithJackson() {
    assertEquals("hpa-metrics-prometheus-adapter", Manifests.adapterConfigMap("hpa-metrics", "seldon-monitoring",
        SeldonPresets.inferRpsConfig(Duration.ofMinutes(2))).getMetadata().getName());
  }
}
