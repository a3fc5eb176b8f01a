package io.github.seldonhpa.promql.internal.go;

import java.util.Arrays;
import java.util.Map;

/**
 * A Go struct value for {@link GoTemplate} data: its type name (as {@code reflect.Type.String()} prints
 * it, e.g. {@code naming.queryTemplateArgs}) and its exported fields in declaration order (the iteration
 * order of the map it is built from). A field the struct lacks is an execution error, unlike a missing map
 * key. Fields are kept in two small arrays: structs have a handful of fields, and a linear scan that first
 * compares references (template field names are interned) beats hashing.
 */
public final class GoStruct {
  private final String typeName;
  private final String[] names;
  private final Object[] values;

  GoStruct(String typeName, Map<String, ?> fields) {
    this.typeName = typeName;
    this.names = new String[fields.size()];
    this.values = new Object[fields.size()];
    int i = 0;
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      names[i] = e.getKey();
      values[i] = e.getValue();
      i++;
    }
  }

  String typeName() {
    return typeName;
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  Object value(int i) {
    return values[i];
  }

  /** The index of field {@code name}, or -1 when the struct has no such field. */
  int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoStruct && ((GoStruct) o).typeName.equals(typeName)
        && Arrays.equals(((GoStruct) o).names, names) && Arrays.equals(((GoStruct) o).values, values);
  }

  @Override
  public int hashCode() {
    return (typeName.hashCode() * 31 + Arrays.hashCode(names)) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return GoFormat.sprint(this);
  }
}
