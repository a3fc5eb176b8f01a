package io.github.seldonhpa.benchmarks;

import io.github.seldonhpa.k8s.Manifest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Heap retained by a read stream, against the size of its YAML text:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.seldonhpa.benchmarks.ReadRetention 30000}.
 * Measures used heap after full collections before and after reading the stream of {@link ReadBenchmark},
 * while the result is still referenced.
 */
public final class ReadRetention {
  private ReadRetention() {}

  public static void main(String[] args) {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    String yaml = ReadBenchmark.stream(documents);
    long text = yaml.getBytes(StandardCharsets.UTF_8).length;
    ReadBenchmark.reader().read("warm-up.yaml", yaml);
    long before = usedAfterGc();
    List<Manifest> read = ReadBenchmark.reader().read("bench.yaml", yaml);
    long after = usedAfterGc();
    System.out.printf("%d documents, %d manifests: YAML %.1f MB, retained %.1f MB, %.2fx the YAML text%n",
        documents, read.size(), text / 1e6, (after - before) / 1e6, (after - before) / (double) text);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
