package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The fleet's HTML report: self-contained, and rendered by a real browser (Debian's {@code chromium},
 * headless) into a page whose text carries the figures and whose screenshot is not blank. Reported skipped
 * where chromium is missing ({@code .ci/install-chromium.sh} installs it).
 */
class FleetReportTest {
  static FleetResult fleet() {
    Fleet.Builder b = Fleet.builder().cluster(Cluster.builder().nodes(2).podsPerNode(10).maxNodes(3).build())
        .keepModelTimelines(true)
        .addFaults(Fault.metricOutage(Duration.ofMinutes(10), Duration.ofMinutes(12)));
    b.addServers(FleetTest.pair("irisa0", FleetTest.irisa0(), FleetTest.SEED_RAMP, 7));
    b.addServers(FleetTest.pair("irisb0", FleetTest.irisa0(),
        RpsTrace.ramp(10, 60, Duration.ofMinutes(2), Duration.ofMinutes(6), Duration.ofMinutes(15)), 3));
    b.addServers(FleetTest.pair("irisc0", FleetTest.irisa0(), RpsTrace.constant(20, Duration.ofMinutes(15)), 11));
    return b.build().run();
  }

  @Test
  void theReportIsOnePageWithoutNetworkAndARowPerModel() {
    String html = fleet().toHtml("Peak rehearsal");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Peak rehearsal</title>")
        .contains("<td class=\"name\">irisa0</td>").contains("<td class=\"name\">irisb0</td>")
        .contains("<td class=\"name\">irisc0</td>").contains("metric outage 600..720 s")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("url(")
        .doesNotContain("@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    assertThat(html.split("<tr", -1)).hasSize(5);
  }

  @Test
  void chromiumRendersTheReportWithItsTextAndPixels() throws Exception {
    Optional<Path> chromium = chromium();
    assumeTrue(chromium.isPresent(), "skipped: chromium is needed to render the HTML report; install it with"
        + " `apt-get update && apt-get install -y chromium` (as root, Debian) or .ci/install-chromium.sh");
    Path dir = Files.createDirectories(Paths.get("target", "fleet-report").toAbsolutePath());
    Path page = dir.resolve("report.html");
    FleetResult r = fleet();
    Files.writeString(page, r.toHtml("Peak rehearsal"), StandardCharsets.UTF_8);
    String dom = run(chromium.get(), dir, "--dump-dom", page.toUri().toString());
    assertThat(dom).contains("Peak rehearsal").contains("irisa0").contains("irisb0").contains("irisc0")
        .contains("never converge").contains("<svg");
    Path png = dir.resolve("report.png");
    Files.deleteIfExists(png);
    run(chromium.get(), dir, "--screenshot=" + png, "--window-size=1100,1400", page.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    Set<Integer> colours = new HashSet<>();
    long notWhite = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          notWhite++;
        }
      }
    }
    long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat(notWhite * 100 / sampled).as("percent of non-white pixels").isGreaterThanOrEqualTo(5);
  }

  private static Optional<Path> chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        Path p = Paths.get(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Runs headless chromium with a profile under target/ (no network: the page is a file), bounded in time. */
  private static String run(Path chromium, Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--user-data-dir=" + dir.resolve("profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(dir.resolve("chromium.err").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("chromium did not finish within 120 s: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code, see " + dir.resolve("chromium.err")).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
