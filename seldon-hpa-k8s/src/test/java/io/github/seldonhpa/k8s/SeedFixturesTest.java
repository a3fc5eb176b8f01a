package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The seed fixtures hold the manifests of the Seldon documentation unchanged: every object in them is one
 * of the YAML blocks of the seed text (read from ../shared at run time; skipped when absent).
 */
class SeedFixturesTest {
  private static final Pattern FENCE = Pattern.compile("(?m)^(`{3,4})yaml\\n(.*?)\\n\\1", Pattern.DOTALL);

  /** Every object of the seed's fenced YAML blocks that parses (fragments with "..." do not). */
  private static List<Map<String, Object>> seedObjects(String seed) {
    String text = SharedFiles.read(null, "seeds/" + seed);
    List<Map<String, Object>> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      try {
        ManifestReader.create().read(seed, m.group(2)).forEach(x -> out.add(x.tree()));
      } catch (ManifestReadException fragment) {
        // a partial snippet of the docs, not a manifest
      }
    }
    return out;
  }

  private static void assertFixtureFrom(String fixture, List<Map<String, Object>> seedObjects) {
    List<Manifest> read = SeedManifestsTest.read(fixture);
    assertThat(read).isNotEmpty();
    for (Manifest m : read) {
      assertThat(seedObjects).as(m.toString()).contains(m.tree());
    }
  }

  @Test
  void modelHpaFixtureIsSeed000() {
    assertFixtureFrom("000-model-hpa.yaml", seedObjects("000_c935f7e48998e264.txt"));
  }

  @Test
  void singleModelServingFixtureIsSeed002() {
    assertFixtureFrom("002-single-model-serving.yaml", seedObjects("002_b1df31c3389113c4.txt"));
  }

  @Test
  void nativeScalingFixtureIsTheSampleInSeed003() {
    String text = SharedFiles.read(null, "seeds/003_01b3e28f5e0a3f7d.txt");
    int start = text.indexOf("# samples/models/tfsimple_scaling.yaml");
    int end = text.indexOf("\n\n", start);
    List<Map<String, Object>> sample = new ArrayList<>();
    ManifestReader.create().read("003", text.substring(start, end)).forEach(x -> sample.add(x.tree()));
    assertFixtureFrom("001-native-scaling.yaml", sample);
  }
}
