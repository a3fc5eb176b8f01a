package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of a read mapping, in the order written, in three arrays sized to fit: a read stream keeps a
 * tree per object, and a {@code LinkedHashMap} per mapping (table, entry objects, links) would hold several
 * times the YAML text. Lookups compare hashes first; mappings are small, or read once. Copies made with
 * {@link JsonNode#deepCopy()} get Jackson's own map.
 */
final class CompactFields extends AbstractMap<String, JsonNode> {
  private String[] keys;
  private JsonNode[] values;
  private int[] hashes;
  private int size;

  CompactFields(int capacity) {
    keys = new String[capacity];
    values = new JsonNode[capacity];
    hashes = new int[capacity];
  }

  /** Shrinks the arrays to the fields held, once the mapping is read. */
  void trim() {
    if (size < keys.length) {
      keys = Arrays.copyOf(keys, size);
      values = Arrays.copyOf(values, size);
      hashes = Arrays.copyOf(hashes, size);
    }
  }

  private int indexOf(Object key) {
    if (!(key instanceof String)) {
      return -1;
    }
    int hash = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash && keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = values[i];
      values[i] = value;
      return old;
    }
    if (size == keys.length) {
      int capacity = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, capacity);
      values = Arrays.copyOf(values, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
    }
    keys[size] = key;
    values[size] = value;
    hashes[size] = key.hashCode();
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = values[i];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    int tail = size - i - 1;
    System.arraycopy(keys, i + 1, keys, i, tail);
    System.arraycopy(values, i + 1, values, i, tail);
    System.arraycopy(hashes, i + 1, hashes, i, tail);
    size--;
    keys[size] = null;
    values[size] = null;
  }

  @Override
  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, JsonNode>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, JsonNode> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next++;
            int at = last;
            return new SimpleEntry<>(keys[at], values[at]) {
              private static final long serialVersionUID = 1L;

              @Override
              public JsonNode setValue(JsonNode value) {
                values[at] = value;
                return super.setValue(value);
              }
            };
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
          }
        };
      }
    };
  }
}
