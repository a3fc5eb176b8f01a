package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long a new server pod takes from creation to having the model loaded and serving: a fixed delay,
 * or one drawn per pod from a seeded distribution (same seed, same delays).
 */
public abstract class StartupDelay {
  StartupDelay() {}

  /**
   * {@return the same delay, {@code delay}, for every pod}
   *
   * @param delay how long each pod takes from creation to serving, at least 0
   */
  public static StartupDelay fixed(Duration delay) {
    long ms = millis("delay", delay);
    return new StartupDelay() {
      @Override
      long nextMillis() {
        return ms;
      }

      @Override
      StartupDelay fresh() {
        return this;
      }

      @Override
      public String toString() {
        return "fixed " + seconds(ms);
      }
    };
  }

  /**
   * {@return for each pod, a delay drawn uniformly from {@code [min, max]} with a generator seeded by {@code seed}}
   *
   * @param min the shortest delay, at least 0
   * @param max the longest delay, at least {@code min}
   * @param seed the random generator's seed; the same seed gives the same delays
   */
  public static StartupDelay uniform(Duration min, Duration max, long seed) {
    long lo = millis("min", min);
    long hi = millis("max", max);
    Checks.check(lo <= hi, "max must be >= min %s (was %s)", min, max);
    return new Seeded(seed, "uniform " + seconds(lo) + ".." + seconds(hi) + " seed " + seed) {
      @Override
      long draw(SplittableRandom random) {
        return lo == hi ? lo : random.nextLong(lo, hi + 1);
      }
    };
  }

  /**
   * {@return for each pod, a delay of {@code minimum} plus an exponentially distributed extra time with mean
   * {@code meanExtra} (a long tail of slow image pulls and model downloads), seeded by {@code seed}}
   *
   * @param minimum the shortest delay, at least 0
   * @param meanExtra the mean of the exponential extra time, at least 0
   * @param seed the random generator's seed; the same seed gives the same delays
   */
  public static StartupDelay shiftedExponential(Duration minimum, Duration meanExtra, long seed) {
    long lo = millis("minimum", minimum);
    long mean = millis("meanExtra", meanExtra);
    return new Seeded(seed, "shifted exponential " + seconds(lo) + " + mean " + seconds(mean) + " seed " + seed) {
      @Override
      long draw(SplittableRandom random) {
        return lo + Math.round(-Math.log(1.0 - random.nextDouble()) * mean);
      }
    };
  }

  /** The delay of the next pod in milliseconds. */
  abstract long nextMillis();

  /** The same distribution from its start (simulations replay identically). */
  abstract StartupDelay fresh();

  private static long millis(String field, Duration d) {
    Checks.check(!d.isNegative(), "%s must be >= 0 (was %s)", field, d);
    return d.toMillis();
  }

  private static String seconds(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }

  private abstract static class Seeded extends StartupDelay {
    private final long seed;
    private final String description;
    private SplittableRandom random;

    Seeded(long seed, String description) {
      this.seed = seed;
      this.description = description;
      this.random = new SplittableRandom(seed);
    }

    abstract long draw(SplittableRandom random);

    @Override
    long nextMillis() {
      return draw(random);
    }

    @Override
    StartupDelay fresh() {
      Seeded outer = this;
      return new Seeded(seed, description) {
        @Override
        long draw(SplittableRandom r) {
          return outer.draw(r);
        }
      };
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
