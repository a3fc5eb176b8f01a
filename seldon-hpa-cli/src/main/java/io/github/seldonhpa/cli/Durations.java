package io.github.seldonhpa.cli;

import io.github.seldonhpa.promql.PrometheusDuration;
import java.time.Duration;
import picocli.CommandLine;

/** Converts {@code 15s}, {@code 1m}, {@code 1m30s} (Prometheus durations) for duration options. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return PrometheusDuration.parse("duration", value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration such as 15s, 1m or 1m30s");
    }
  }
}
