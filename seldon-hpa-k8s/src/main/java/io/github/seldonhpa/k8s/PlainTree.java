package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read tree seen as plain Java values ({@link Manifest#tree()}): read-only views over the tree, not
 * copies, so reading a large object costs no memory up front and nothing can change the manifest. A
 * mapping is a {@code Map<String, Object>} in the order written, a sequence a {@code List<Object>}, a
 * string a {@code String}, an integer a {@code Long} (a {@code BigInteger} above {@code Long.MAX_VALUE}:
 * go-yaml reads unsigned integers up to 2^64-1), a float a {@code Double}, a boolean a {@code Boolean}, a
 * YAML null {@code null}. {@code equals} and {@code hashCode} are those of {@link Map} and {@link java.util.List}.
 */
final class PlainTree {
  private PlainTree() {}

  static Map<String, Object> map(JsonNode object) {
    return new MapView(object);
  }

  static Object value(JsonNode node) {
    if (node.isObject()) {
      return new MapView(node);
    }
    if (node.isArray()) {
      return new ListView(node);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue(); // the reader keeps every float as a double
    }
    return null; // the reader's only other node is YAML null
  }

  private static final class MapView extends AbstractMap<String, Object> {
    private final JsonNode object;

    MapView(JsonNode object) {
      this.object = object;
    }

    @Override
    public int size() {
      return object.size();
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String && object.has((String) key);
    }

    @Override
    public Object get(Object key) {
      JsonNode value = key instanceof String ? object.get((String) key) : null;
      return value == null ? null : value(value);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return object.size();
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return fields.hasNext();
            }

            @Override
            public Map.Entry<String, Object> next() {
              Map.Entry<String, JsonNode> field = fields.next();
              return new AbstractMap.SimpleImmutableEntry<>(field.getKey(), value(field.getValue()));
            }
          };
        }
      };
    }
  }

  private static final class ListView extends AbstractList<Object> {
    private final JsonNode array;

    ListView(JsonNode array) {
      this.array = array;
    }

    @Override
    public Object get(int index) {
      if (index < 0 || index >= array.size()) {
        throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + array.size());
      }
      return value(array.get(index));
    }

    @Override
    public int size() {
      return array.size();
    }
  }
}
