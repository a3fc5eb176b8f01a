package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Where each mapping key and sequence item of one read object starts. Kept as two int arrays in document
 * order (entry 0 is the object itself, then every key or item before its value's own entries), not as a map
 * from path strings, so a read manifest retains a few bytes per node; a path is found by walking the tree.
 * Entries copied by aliases have no position.
 */
final class Positions {
  private final int[] lines;
  private final int[] columns;
  private final int base;

  Positions(int[] lines, int[] columns, int base) {
    this.lines = lines;
    this.columns = columns;
    this.base = base;
  }

  /** The positions of the object at {@code entry}, as its own root. */
  Positions from(int entry) {
    return new Positions(lines, columns, entry);
  }

  /** The position of the value at {@code path} of {@code root} (the tree these positions were read with). */
  Optional<Position> find(JsonNode root, String path) {
    int entry = entry(root, path);
    return entry < 0 || lines[entry] == 0 ? Optional.empty() : Optional.of(Position.of(lines[entry], columns[entry]));
  }

  /** The entry index of {@code path}, or -1 when the tree has no such path. */
  int entry(JsonNode root, String path) {
    int entry = base;
    JsonNode node = root;
    int i = 0;
    int n = path.length();
    while (i < n) {
      if (path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        if (close < 0 || !node.isArray()) {
          return -1;
        }
        int index;
        try {
          index = Integer.parseInt(path.substring(i + 1, close));
        } catch (NumberFormatException e) {
          return -1;
        }
        if (index < 0 || index >= node.size()) {
          return -1;
        }
        entry++;
        for (int k = 0; k < index; k++) {
          entry += 1 + entries(node.get(k));
        }
        node = node.get(index);
        i = close + 1;
      } else {
        if (i > 0) {
          if (path.charAt(i) != '.') {
            return -1;
          }
          i++;
        }
        String key;
        if (i < n && path.charAt(i) == '"') {
          StringBuilder sb = new StringBuilder();
          i++;
          while (i < n && path.charAt(i) != '"') {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < n) {
              c = path.charAt(++i);
            }
            sb.append(c);
            i++;
          }
          if (i >= n) {
            return -1;
          }
          i++;
          key = sb.toString();
        } else {
          int end = i;
          while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
          }
          key = path.substring(i, end);
          i = end;
        }
        if (!node.isObject()) {
          return -1;
        }
        entry++;
        boolean found = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getKey().equals(key)) {
            node = field.getValue();
            found = true;
            break;
          }
          entry += 1 + entries(field.getValue());
        }
        if (!found) {
          return -1;
        }
      }
    }
    return entry;
  }

  /** How many entries (keys and items, at any depth) a value holds. */
  static int entries(JsonNode node) {
    if (!node.isContainerNode()) {
      return 0;
    }
    int count = 0;
    for (JsonNode child : node) {
      count += 1 + entries(child);
    }
    return count;
  }
}
