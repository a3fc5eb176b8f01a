package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.seldonhpa.HpaValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads Kubernetes manifests from multi-document YAML (files, strings, streams; {@code ---} separators;
 * {@code kind: List} expanded into its items) into {@link Manifest}s that keep every field.
 *
 * <p>Hostile input gets a {@link ManifestReadException} naming the source, document, line and column,
 * never a parser stack trace. Limits: {@value #DEFAULT_MAX_BYTES} bytes per stream (change with
 * {@link #withMaxBytes}), {@value #MAX_DEPTH} levels of nesting, {@value #MAX_ALIASES} aliases per stream
 * and {@value #MAX_ALIAS_NODES} nodes copied by aliases. Input must be UTF-8 (a leading byte-order mark is
 * skipped). Duplicate keys, merge keys ({@code <<}), non-finite numbers and application tags ({@code !foo})
 * are errors, since keeping them would mean silently changing the document. Empty documents are skipped.
 * Unknown kinds are read like any other object (lint reports them).
 */
public final class ManifestReader {
  /** Default size limit of one stream: 4 MiB. */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
  /** Deepest nesting of mappings and sequences accepted. */
  public static final int MAX_DEPTH = 100;
  /** Most aliases ({@code *name}) accepted in one stream. */
  public static final int MAX_ALIASES = 50;
  /** Most nodes that aliases may copy in one stream (defuses "billion laughs"). */
  public static final int MAX_ALIAS_NODES = 100_000;

  private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq")
      .stream().map(t -> Tag.PREFIX + t).collect(Collectors.toUnmodifiableSet());

  private final int maxBytes;
  private final LoaderOptions options;

  private ManifestReader(int maxBytes) {
    this.maxBytes = maxBytes;
    this.options = new LoaderOptions();
    // the scanner stops at its own code point limit (3 MB by default); ours is checked on bytes first
    options.setCodePointLimit(maxBytes);
  }

  /** A reader with the default limits. */
  public static ManifestReader create() {
    return new ManifestReader(DEFAULT_MAX_BYTES);
  }

  /** This reader with another size limit per stream, in bytes (at least 1). */
  public ManifestReader withMaxBytes(int maxBytes) {
    if (maxBytes < 1) {
      throw new HpaValidationException("maxBytes must be >= 1 (was " + maxBytes + ")");
    }
    return new ManifestReader(maxBytes);
  }

  /**
   * Reads a file, a folder or standard input. A folder is read recursively: its {@code *.yaml} and
   * {@code *.yml} files in the order of their paths (by name, {@code /}-separated, so the same on every
   * machine); other files are skipped. The path {@code -} reads standard input, named {@code <stdin>}. Each
   * file's path as given names it in errors and findings; a path that cannot be read is a
   * {@link ManifestReadException} naming it ({@code cannot read: no such file or directory (at deploy/x.yaml, document 0)}).
   */
  public List<Manifest> read(Path path) {
    if (path.toString().equals("-")) {
      return read("<stdin>", System.in);
    }
    if (!Files.isDirectory(path)) {
      return readFile(path);
    }
    List<Manifest> manifests = new ArrayList<>();
    for (Path file : yamlFiles(path)) {
      manifests.addAll(readFile(file));
    }
    return manifests;
  }

  /**
   * The {@code *.yaml} and {@code *.yml} files under a folder, recursively, sorted by their
   * {@code /}-separated relative paths (file-system order differs between machines): the files
   * {@link #read(Path)} reads from a folder, in its order.
   *
   * @throws ManifestReadException when the folder cannot be walked, naming the path
   */
  public static List<Path> yamlFiles(Path folder) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
      files = walk.filter(p -> {
        String name = p.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p);
      }).collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : (IOException) e;
      throw unreadable(folder, cause);
    }
    files.sort(Comparator.comparing(p -> folder.relativize(p).toString().replace('\\', '/')));
    return files;
  }

  private List<Manifest> readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : (IOException) e;
      throw unreadable(file, cause);
    }
  }

  private static ManifestReadException unreadable(Path path, IOException e) {
    String file = path.toString();
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      file = f.getFile() == null ? file : f.getFile(); // a file inside a folder being walked
      why = e instanceof NoSuchFileException ? "no such file or directory"
          : e instanceof AccessDeniedException ? "permission denied"
          : f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
    }
    return new ManifestReadException("cannot read: " + why.toLowerCase(Locale.ROOT), file, 0, null, e);
  }


  /** Reads a stream of UTF-8 bytes (not closed); {@code source} names it in errors and findings. */
  public List<Manifest> read(String source, InputStream in) {
    byte[] bytes;
    try {
      bytes = readAtMost(in, maxBytes + 1L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(source);
    }
    return parse(source, decode(source, bytes));
  }

  /** Reads YAML text; {@code source} names it in errors and findings. */
  public List<Manifest> read(String source, String yaml) {
    if (utf8Length(yaml) > maxBytes) {
      throw tooLarge(source);
    }
    return parse(source, yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
  }

  /** Reads YAML text, named {@code <string>} in errors and findings. */
  public List<Manifest> read(String yaml) {
    return read("<string>", yaml);
  }

  private ManifestReadException tooLarge(String source) {
    return new ManifestReadException("input is larger than the limit of " + maxBytes + " bytes",
        source, 0, null, null);
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (out.size() < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private static String decode(String source, byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      Lines lines = new Lines(before);
      int line = lines.count();
      int column = before.length() - before.lastIndexOf('\n');
      throw new ManifestReadException(
          String.format("invalid UTF-8: byte 0x%02x", bytes[in.position()] & 0xff),
          source, lines.document(line), Position.of(line, column), null);
    }
    out.flip();
    return out.toString();
  }

  private List<Manifest> parse(String source, String text) {
    Lines lines = new Lines(text);
    TreeBuilder builder = new TreeBuilder(source, new ParserImpl(new StreamReader(text), options));
    List<Manifest> manifests = new ArrayList<>();
    try {
      JsonNode root;
      while ((root = builder.nextDocument()) != null) {
        int document = builder.document;
        Map<String, Position> positions = builder.positions;
        if (root.isNull()) {
          continue; // an empty document, as between two separators
        }
        envelope(source, document, root, "", positions);
        if ("List".equals(root.path("kind").asText()) && root.path("apiVersion").asText().equals("v1")) {
          JsonNode items = root.path("items");
          if (!items.isArray() && !items.isMissingNode() && !items.isNull()) {
            throw new ManifestReadException("items must be a sequence (was " + describe(items) + ")",
                source, document, positions.get("items"), null);
          }
          for (int i = 0; i < items.size(); i++) {
            String prefix = YamlPaths.index("items", i);
            envelope(source, document, items.get(i), prefix, positions);
            manifests.add(new Manifest(source, document, i, (ObjectNode) items.get(i), rebase(positions, prefix)));
          }
        } else {
          manifests.add(new Manifest(source, document, null, (ObjectNode) root, positions));
        }
      }
    } catch (MarkedYAMLException e) {
      throw marked(source, builder.document, e);
    } catch (ReaderException e) {
      Position at = lines.at(e.getPosition());
      throw new ManifestReadException(String.format("special character U+%04X is not allowed in YAML",
          e.getCodePoint()), source, lines.document(at.line()), at, e);
    } catch (YAMLException e) {
      throw new ManifestReadException("malformed YAML: " + e.getMessage().lines().findFirst().orElse(""),
          source, builder.document, null, e);
    }
    return List.copyOf(manifests);
  }

  /** The few fields every object must have right to be handled at all. */
  private static void envelope(String source, int document, JsonNode object, String prefix,
      Map<String, Position> positions) {
    if (!object.isObject()) {
      throw new ManifestReadException(
          (prefix.isEmpty() ? "document" : prefix) + " must be a mapping (was " + describe(object) + ")",
          source, document, positions.get(prefix), null);
    }
    for (String field : new String[] {"apiVersion", "kind"}) {
      JsonNode value = object.get(field);
      if (value != null && !value.isTextual()) {
        String path = YamlPaths.key(prefix, field);
        throw new ManifestReadException(path + " must be a string (was " + describe(value) + ")",
            source, document, positions.get(path), null);
      }
    }
    JsonNode metadata = object.get("metadata");
    if (metadata == null) {
      return;
    }
    String metadataPath = YamlPaths.key(prefix, "metadata");
    if (!metadata.isObject()) {
      throw new ManifestReadException(metadataPath + " must be a mapping (was " + describe(metadata) + ")",
          source, document, positions.get(metadataPath), null);
    }
    for (String field : new String[] {"name", "namespace"}) {
      JsonNode value = metadata.get(field);
      if (value != null && !value.isTextual()) {
        String path = YamlPaths.key(metadataPath, field);
        throw new ManifestReadException(path + " must be a string (was " + describe(value) + ")",
            source, document, positions.get(path), null);
      }
    }
  }

  private static Map<String, Position> rebase(Map<String, Position> positions, String prefix) {
    Map<String, Position> out = new LinkedHashMap<>();
    for (Map.Entry<String, Position> e : positions.entrySet()) {
      String path = e.getKey();
      if (path.equals(prefix)) {
        out.put("", e.getValue());
      } else if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
        out.put(path.substring(prefix.length() + (path.charAt(prefix.length()) == '.' ? 1 : 0)), e.getValue());
      }
    }
    return out;
  }

  /** {@code "3"}, {@code 3}, {@code a mapping}: how a value shows in {@code (was ...)}. */
  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a sequence";
    }
    if (node.isTextual()) {
      return YamlPaths.quote(node.textValue());
    }
    return node.toString();
  }

  private static ManifestReadException marked(String source, int document, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    Position at = mark == null ? null : Position.of(mark.getLine() + 1, mark.getColumn() + 1);
    return new ManifestReadException("malformed YAML: " + problem, source, Math.max(1, document), at, e);
  }

  /**
   * Builds the tree of each document from SnakeYAML's events (which, unlike Jackson's token stream, carry
   * the anchors of scalars and the style that tells {@code "3"} from {@code 3}), recording positions and
   * expanding aliases within limits. Plain scalars are resolved with YAML 1.1 rules, as Kubernetes does.
   */
  private static final class TreeBuilder {
    private static final Resolver RESOLVER = new Resolver();

    private final String source;
    private final Parser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private Map<String, Position> positions;
    private int document;
    private int aliases;
    private long aliasNodes;
    private int size;

    TreeBuilder(String source, Parser parser) {
      this.source = source;
      this.parser = parser;
    }

    /** The next document's root, {@code null} at the end of the stream. */
    JsonNode nextDocument() {
      Event event = parser.getEvent();
      if (event.is(Event.ID.StreamStart)) {
        event = parser.getEvent();
      }
      if (event.is(Event.ID.StreamEnd)) {
        return null;
      }
      document++;
      positions = new LinkedHashMap<>();
      anchors.clear();
      anchorSizes.clear();
      Event first = parser.getEvent();
      positions.put("", position(first.getStartMark()));
      JsonNode root = value(first, "", 1);
      parser.getEvent(); // DocumentEnd
      return root;
    }

    private static Position position(Mark mark) {
      return Position.of(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private ManifestReadException error(String problem, Mark mark) {
      return new ManifestReadException(problem, source, document, position(mark), null);
    }

    JsonNode value(Event event, String path, int depth) {
      if (event.is(Event.ID.Alias)) {
        return alias(((AliasEvent) event).getAnchor(), event.getStartMark());
      }
      NodeEvent nodeEvent = (NodeEvent) event;
      String anchor = nodeEvent.getAnchor();
      int sizeBefore = size;
      JsonNode node;
      if (event.is(Event.ID.MappingStart)) {
        checkCollectionTag(((CollectionStartEvent) event).getTag(), Tag.MAP, event.getStartMark());
        node = object(path, depth, event.getStartMark());
      } else if (event.is(Event.ID.SequenceStart)) {
        checkCollectionTag(((CollectionStartEvent) event).getTag(), Tag.SEQ, event.getStartMark());
        node = array(path, depth, event.getStartMark());
      } else {
        node = scalar((ScalarEvent) event);
      }
      size++;
      if (anchor != null) {
        anchors.put(anchor, node);
        anchorSizes.put(anchor, size - sizeBefore);
      }
      return node;
    }

    private void checkCollectionTag(String tag, Tag expected, Mark mark) {
      if (tag != null && !tag.equals("!") && !tag.equals(expected.getValue())) {
        throw error("tag " + shortTag(tag) + " is not supported", mark);
      }
    }

    private static String shortTag(String tag) {
      return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length())
          : tag.startsWith("!") ? tag : "!<" + tag + ">";
    }

    private JsonNode object(String path, int depth, Mark start) {
      if (depth > MAX_DEPTH) {
        throw error("nesting is deeper than " + MAX_DEPTH + " levels", start);
      }
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      Event event;
      while (!(event = parser.getEvent()).is(Event.ID.MappingEnd)) {
        if (!event.is(Event.ID.Scalar)) {
          throw error("only scalar keys are supported", event.getStartMark());
        }
        ScalarEvent keyEvent = (ScalarEvent) event;
        String key = keyEvent.getValue();
        if (keyEvent.getImplicit().canOmitTagInPlainScalar()
            && Tag.MERGE.equals(RESOLVER.resolve(NodeId.scalar, key, true))) {
          throw error("merge key << is not supported", keyEvent.getStartMark());
        }
        if (object.has(key)) {
          throw error("duplicate key " + YamlPaths.quote(key) + (path.isEmpty() ? "" : " in " + path),
              keyEvent.getStartMark());
        }
        String child = YamlPaths.key(path, key);
        positions.put(child, position(keyEvent.getStartMark()));
        object.set(key, value(parser.getEvent(), child, depth + 1));
      }
      return object;
    }

    private JsonNode array(String path, int depth, Mark start) {
      if (depth > MAX_DEPTH) {
        throw error("nesting is deeper than " + MAX_DEPTH + " levels", start);
      }
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      Event event;
      while (!(event = parser.getEvent()).is(Event.ID.SequenceEnd)) {
        String child = YamlPaths.index(path, array.size());
        positions.put(child, position(event.getStartMark()));
        array.add(value(event, child, depth + 1));
      }
      return array;
    }

    private JsonNode scalar(ScalarEvent event) {
      String text = event.getValue();
      String tag = event.getTag();
      Tag resolved;
      if (tag == null || tag.equals("!")) {
        resolved = event.getImplicit().canOmitTagInPlainScalar()
            ? RESOLVER.resolve(NodeId.scalar, text, true) : Tag.STR;
      } else {
        resolved = new Tag(tag);
        if (!CORE_TAGS.contains(tag)) {
          throw error("tag " + shortTag(tag) + " is not supported", event.getStartMark());
        }
      }
      try {
        if (resolved.equals(Tag.NULL)) {
          return JsonNodeFactory.instance.nullNode();
        } else if (resolved.equals(Tag.BOOL)) {
          return JsonNodeFactory.instance.booleanNode(YamlScalars.bool(text));
        } else if (resolved.equals(Tag.INT)) {
          Number value = YamlScalars.integer(text);
          return value instanceof Integer ? JsonNodeFactory.instance.numberNode((Integer) value)
              : value instanceof Long ? JsonNodeFactory.instance.numberNode((Long) value)
              : JsonNodeFactory.instance.numberNode((java.math.BigInteger) value);
        } else if (resolved.equals(Tag.FLOAT)) {
          double value = YamlScalars.decimal(text);
          if (!Double.isFinite(value)) {
            throw error("number " + text + " is not finite", event.getStartMark());
          }
          return JsonNodeFactory.instance.numberNode(value);
        }
      } catch (NumberFormatException e) {
        throw error("scalar " + YamlPaths.quote(text) + " is not a valid " + shortTag(resolved.getValue()),
            event.getStartMark());
      }
      // strings, timestamps and the rest stay as written, as Kubernetes reads them
      return JsonNodeFactory.instance.textNode(text);
    }

    private JsonNode alias(String name, Mark mark) {
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw error("alias *" + name + " refers to no anchor defined before it", mark);
      }
      if (++aliases > MAX_ALIASES) {
        throw error("more than " + MAX_ALIASES + " aliases", mark);
      }
      aliasNodes += anchorSizes.get(name);
      if (aliasNodes > MAX_ALIAS_NODES) {
        throw error("aliases expand to more than " + MAX_ALIAS_NODES + " nodes", mark);
      }
      size += anchorSizes.get(name);
      return target.deepCopy();
    }
  }

  /** Line starts and document separators of a text, to turn offsets into positions and lines into documents. */
  private static final class Lines {
    private final List<Integer> starts = new ArrayList<>();
    private final List<Integer> separators = new ArrayList<>();
    private boolean leadingSeparator;
    private final int length;

    Lines(String text) {
      length = text.length();
      boolean content = false;
      int line = 1;
      int start = 0;
      while (start <= text.length()) {
        starts.add(start);
        int end = text.indexOf('\n', start);
        String body = text.substring(start, end < 0 ? text.length() : end);
        if (body.startsWith("---") && (body.length() == 3 || Character.isWhitespace(body.charAt(3)))) {
          if (separators.isEmpty() && !content) {
            leadingSeparator = true;
          }
          separators.add(line);
          content = true; // anything after the first separator belongs to a document
        } else if (!body.isBlank() && !body.startsWith("#") && !body.startsWith("%")) {
          content = true;
        }
        if (end < 0) {
          break;
        }
        start = end + 1;
        line++;
      }
    }

    int count() {
      return starts.size();
    }

    /** The document (from 1) that holds {@code line}. */
    int document(int line) {
      int before = 0;
      for (int s : separators) {
        if (s <= line) {
          before++;
        }
      }
      return Math.max(1, before + 1 - (leadingSeparator ? 1 : 0));
    }

    Position at(int offset) {
      int clamped = Math.max(0, Math.min(offset, length));
      int line = 0;
      while (line + 1 < starts.size() && starts.get(line + 1) <= clamped) {
        line++;
      }
      return Position.of(line + 1, clamped - starts.get(line) + 1);
    }
  }
}
