package io.github.seldonhpa.promql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Go struct value for {@link GoTemplate} data: its type name (as {@code reflect.Type.String()} prints
 * it, e.g. {@code naming.queryTemplateArgs}) and its exported fields in declaration order. A field the
 * struct lacks is an execution error, unlike a missing map key.
 */
final class GoStruct {
  private final String typeName;
  private final Map<String, Object> fields;

  GoStruct(String typeName, Map<String, ?> fields) {
    this.typeName = typeName;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  String typeName() {
    return typeName;
  }

  /** The fields in declaration order (the order {@code %v} prints them). */
  Map<String, Object> fields() {
    return fields;
  }

  boolean hasField(String name) {
    return fields.containsKey(name);
  }

  Object field(String name) {
    return fields.get(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoStruct && ((GoStruct) o).typeName.equals(typeName)
        && ((GoStruct) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return typeName.hashCode() * 31 + fields.hashCode();
  }

  @Override
  public String toString() {
    return GoFormat.sprint(this);
  }
}
