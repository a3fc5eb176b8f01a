package io.github.seldonhpa.promql.internal.go;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Go map value whose element type is not {@code string}, for {@link GoTemplate} data. A plain
 * {@link Map} stands for {@code map[string]string}; wrap a map in this class when the Go type differs,
 * because the element type decides what {@code index} returns for a missing key (its zero value) and how
 * {@code %T} and error messages name the type. {@code map[string]interface {}} has the zero value nil,
 * which a template prints as {@code <no value>}.
 */
public final class GoMap {
  private final String typeName;
  private final Object zero;
  private final Map<String, Object> entries;

  GoMap(String typeName, Object zero, Map<String, ?> entries) {
    this.typeName = typeName;
    this.zero = zero;
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  String typeName() {
    return typeName;
  }

  /** The element type's zero value ({@code null} for nil). */
  Object zero() {
    return zero;
  }

  Map<String, Object> entries() {
    return entries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoMap && ((GoMap) o).typeName.equals(typeName)
        && ((GoMap) o).entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return typeName.hashCode() * 31 + entries.hashCode();
  }

  @Override
  public String toString() {
    return GoFormat.sprint(this);
  }
}
