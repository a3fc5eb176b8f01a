package io.github.seldonhpa.benchmarks;

import io.github.seldonhpa.k8s.ManifestReader;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time and memory of the reader's worst hostile inputs (the rows of docs/robustness.md), each read once
 * after a warm-up:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.seldonhpa.benchmarks.HostileInputCost}.
 * Memory is what the reading thread allocated (HotSpot's per-thread counter), an upper bound of what it held.
 */
public final class HostileInputCost {
  private HostileInputCost() {}

  public static void main(String[] args) {
    Map<String, String> inputs = new LinkedHashMap<>();
    StringBuilder chain = new StringBuilder("kind: X\na: &a " + "x".repeat(1024) + "\n");
    for (char c = 'b', p = 'a'; c <= 'g'; p = c, c++) {
      chain.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
          .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
    }
    inputs.put("1 KiB scalar in five-way alias chains (1.3 KB)", chain.toString());
    StringBuilder big = new StringBuilder("kind: X\na: &a |\n");
    while (big.length() < 3.9 * 1024 * 1024) {
      big.append("  ").append("y".repeat(98)).append('\n');
    }
    inputs.put("3.9 MiB scalar behind aliases", big.append("b: [*a, *a, *a]\n").toString());
    inputs.put("!!int with 1M digits", "kind: X\nx: !!int " + "9".repeat(1_000_000) + "\n");
    inputs.put("4 MiB of digits", "x: " + "9".repeat(4 * 1024 * 1024 - 4) + "\n");
    inputs.put("4 MiB single-line scalar", "a: " + "x".repeat(4 * 1024 * 1024 - 4) + "\n");
    inputs.put("500,000 empty documents", "---\n".repeat(500_000));
    inputs.put("200,000 nested [", "a: " + "[".repeat(200_000));
    inputs.put("\"\\UFFFFFFFF\"", "a: \"\\UFFFFFFFF\"");
    ManifestReader reader = ManifestReader.create();
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, String> e : inputs.entrySet()) {
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        String outcome;
        try {
          outcome = reader.read("hostile.yaml", e.getValue()).size() + " manifests";
        } catch (RuntimeException failure) {
          outcome = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        long nanos = System.nanoTime() - start;
        if (round == 1) {
          System.out.printf("%-46s %8.1f ms %8.1f MB allocated  %s%n", e.getKey(), nanos / 1e6,
              (threads.getCurrentThreadAllocatedBytes() - allocated) / 1e6, outcome);
        }
      }
    }
  }
}
