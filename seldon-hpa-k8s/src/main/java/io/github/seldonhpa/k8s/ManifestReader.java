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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads Kubernetes manifests from multi-document YAML (files, strings, streams; {@code ---} separators;
 * {@code kind: List} expanded into its items, also when nested) into {@link Manifest}s that keep every field.
 *
 * <p>Plain scalars are read as Kubernetes reads them (go-yaml v2, see {@code docs/robustness.md}):
 * {@code y} and {@code on} are {@code true}, {@code 0o17} is 15, {@code 1:30} is a string; a key that
 * resolves to a boolean or number becomes its JSON text ({@code y:} is the key {@code "true"}).
 *
 * <p>Hostile input gets a {@link ManifestReadException} naming the source, document, line and column,
 * never a parser stack trace, within budgets that bound time and memory (each can be changed with its
 * {@code with...} method; readers are immutable):
 * <ul>
 *   <li>{@value #DEFAULT_MAX_BYTES} bytes of input per stream ({@link #withMaxBytes});
 *   <li>{@value #DEFAULT_MAX_EXPANDED_BYTES} bytes after alias expansion ({@link #withMaxExpandedBytes}),
 *       with at most {@value #MAX_ALIASES} aliases and {@value #MAX_ALIAS_NODES} nodes copied by aliases;
 *   <li>{@value #DEFAULT_MAX_SCALAR_LENGTH} characters per scalar and per line ({@link #withMaxScalarLength});
 *   <li>{@value #DEFAULT_MAX_NUMBER_LENGTH} characters per number ({@link #withMaxNumberLength});
 *   <li>{@value #DEFAULT_MAX_DEPTH} levels of nesting ({@link #withMaxDepth});
 *   <li>{@value #DEFAULT_MAX_DOCUMENTS} documents per stream, empty ones included ({@link #withMaxDocuments}).
 * </ul>
 * Input must be UTF-8 (a leading byte-order mark is skipped). Duplicate keys, merge keys ({@code <<}),
 * non-finite numbers and application tags ({@code !foo}) are errors, since keeping them would mean silently
 * changing the document. Empty documents are skipped. Unknown kinds are read like any other object (lint
 * reports them).
 */
public final class ManifestReader {
  /** Default size limit of one stream: 4 MiB. */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
  /** Default limit of a stream's size with every alias written out: 8 MiB. */
  public static final int DEFAULT_MAX_EXPANDED_BYTES = 8 * 1024 * 1024;
  /**
   * Default limit of one scalar and of one line, in characters: 1 MiB, the most a ConfigMap may hold. Lines
   * count too because the YAML scanner's cost grows with the square of the longest token.
   */
  public static final int DEFAULT_MAX_SCALAR_LENGTH = 1024 * 1024;
  /** Default limit of a number's length in characters: 1,000, as Jackson's own default. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
  /** Default deepest nesting of mappings and sequences. */
  public static final int DEFAULT_MAX_DEPTH = 100;
  /** Default most documents per stream, empty ones included. */
  public static final int DEFAULT_MAX_DOCUMENTS = 100_000;
  /** Most aliases ({@code *name}) accepted in one stream. */
  public static final int MAX_ALIASES = 50;
  /** Most nodes that aliases may copy in one stream (defuses "billion laughs"). */
  public static final int MAX_ALIAS_NODES = 100_000;

  private static final Set<String> CORE_TAGS = Stream.of("str", "int", "float", "bool", "null")
      .map(t -> YamlScalars.TAG_PREFIX + t).collect(Collectors.toUnmodifiableSet());

  private final int maxBytes;
  private final int maxExpandedBytes;
  private final int maxScalarLength;
  private final int maxNumberLength;
  private final int maxDepth;
  private final int maxDocuments;

  private ManifestReader(int maxBytes, int maxExpandedBytes, int maxScalarLength, int maxNumberLength,
      int maxDepth, int maxDocuments) {
    this.maxBytes = maxBytes;
    this.maxExpandedBytes = maxExpandedBytes;
    this.maxScalarLength = maxScalarLength;
    this.maxNumberLength = maxNumberLength;
    this.maxDepth = maxDepth;
    this.maxDocuments = maxDocuments;
  }

  /** {@return a reader with the default budgets} */
  public static ManifestReader create() {
    return new ManifestReader(DEFAULT_MAX_BYTES, DEFAULT_MAX_EXPANDED_BYTES, DEFAULT_MAX_SCALAR_LENGTH,
        DEFAULT_MAX_NUMBER_LENGTH, DEFAULT_MAX_DEPTH, DEFAULT_MAX_DOCUMENTS);
  }

  /**
   * {@return this reader with another size limit per stream, in bytes (at least 1)}
   *
   * @param maxBytes the limit, at least 1
   */
  public ManifestReader withMaxBytes(int maxBytes) {
    positive("maxBytes", maxBytes);
    return new ManifestReader(maxBytes, maxExpandedBytes, maxScalarLength, maxNumberLength, maxDepth,
        maxDocuments);
  }

  /**
   * {@return this reader with another limit of a stream's size after alias expansion, in bytes (at least 1)}
   *
   * @param maxExpandedBytes the limit, at least 1
   */
  public ManifestReader withMaxExpandedBytes(int maxExpandedBytes) {
    positive("maxExpandedBytes", maxExpandedBytes);
    return new ManifestReader(maxBytes, maxExpandedBytes, maxScalarLength, maxNumberLength, maxDepth,
        maxDocuments);
  }

  /**
   * {@return this reader with another limit of one scalar and of one line, in characters (at least 1)}
   *
   * @param maxScalarLength the limit, at least 1
   */
  public ManifestReader withMaxScalarLength(int maxScalarLength) {
    positive("maxScalarLength", maxScalarLength);
    return new ManifestReader(maxBytes, maxExpandedBytes, maxScalarLength, maxNumberLength, maxDepth,
        maxDocuments);
  }

  /**
   * {@return this reader with another limit of a number's length, in characters (at least 1)}
   *
   * @param maxNumberLength the limit, at least 1
   */
  public ManifestReader withMaxNumberLength(int maxNumberLength) {
    positive("maxNumberLength", maxNumberLength);
    return new ManifestReader(maxBytes, maxExpandedBytes, maxScalarLength, maxNumberLength, maxDepth,
        maxDocuments);
  }

  /**
   * {@return this reader with another deepest nesting of mappings and sequences (1 to 1,000)}
   *
   * @param maxDepth the limit, 1 to 1,000
   */
  public ManifestReader withMaxDepth(int maxDepth) {
    if (maxDepth < 1 || maxDepth > 1000) {
      throw new HpaValidationException("maxDepth must be in 1..1000 (was " + maxDepth + ")");
    }
    return new ManifestReader(maxBytes, maxExpandedBytes, maxScalarLength, maxNumberLength, maxDepth,
        maxDocuments);
  }

  /**
   * {@return this reader with another limit of documents per stream (at least 1)}
   *
   * @param maxDocuments the limit, at least 1
   */
  public ManifestReader withMaxDocuments(int maxDocuments) {
    positive("maxDocuments", maxDocuments);
    return new ManifestReader(maxBytes, maxExpandedBytes, maxScalarLength, maxNumberLength, maxDepth,
        maxDocuments);
  }

  private static void positive(String field, int value) {
    if (value < 1) {
      throw new HpaValidationException(field + " must be >= 1 (was " + value + ")");
    }
  }

  /**
   * Reads a file, a folder or standard input. A folder is read recursively: its {@code *.yaml} and
   * {@code *.yml} files in the order of their paths (by name, {@code /}-separated, so the same on every
   * machine); other files are skipped. The path {@code -} reads standard input, named {@code <stdin>}. Each
   * file's path as given names it in errors and findings; a path that cannot be read is a
   * {@link ManifestReadException} naming it ({@code cannot read: no such file or directory (at deploy/x.yaml, document 0)}).
   *
   * @param path a YAML file, a folder, or {@code -} for standard input
   * @return the manifests, in the order of the files and of the documents in each
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
   * {@return the {@code *.yaml} and {@code *.yml} files under a folder, recursively, sorted by their
   * {@code /}-separated relative paths (file-system order differs between machines): the files
   * {@link #read(Path)} reads from a folder, in its order}
   *
   * @param folder the folder to walk
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
    } catch (IOException e) {
      throw unreadable(file, e);
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


  /**
   * Reads a stream of UTF-8 bytes (not closed); {@code source} names it in errors and findings.
   *
   * @param source the name of the stream in errors and findings, such as a file path
   * @param in the UTF-8 YAML bytes
   * @return the manifests, one per object, in the order of the documents
   */
  public List<Manifest> read(String source, InputStream in) {
    byte[] bytes;
    try {
      bytes = readAtMost(in, maxBytes + 1L);
    } catch (IOException e) {
      throw new ManifestReadException("cannot read the stream: " + e, source, 0, null, e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(source);
    }
    return parse(source, decode(source, bytes));
  }

  /**
   * Reads YAML text; {@code source} names it in errors and findings.
   *
   * @param source the name of the text in errors and findings, such as a file path
   * @param yaml the YAML text, one or more documents
   * @return the manifests, one per object, in the order of the documents
   */
  public List<Manifest> read(String source, String yaml) {
    if (utf8Length(yaml) > maxBytes) {
      throw tooLarge(source);
    }
    return parse(source, yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
  }

  /**
   * Reads YAML text, named {@code <string>} in errors and findings.
   *
   * @param yaml the YAML text, one or more documents
   * @return the manifests, one per object, in the order of the documents
   */
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
      Position at = lines.at(before.length());
      throw new ManifestReadException(
          String.format("invalid UTF-8: byte 0x%02x", bytes[in.position()] & 0xff),
          source, lines.document(at.line()), at, null);
    }
    out.flip();
    return out.toString();
  }

  private List<Manifest> parse(String source, String text) {
    LoaderOptions options = new LoaderOptions();
    // the scanner stops at its own code point limit (3 MB by default); ours is checked on bytes first
    options.setCodePointLimit(text.length() + 1);
    WholeTextReader stream;
    try {
      stream = new WholeTextReader(text);
    } catch (ReaderException e) {
      Lines lines = new Lines(text);
      Position at = lines.at(e.getPosition());
      throw new ManifestReadException(String.format("special character U+%04X is not allowed in YAML",
          e.getCodePoint()), source, lines.document(at.line()), at, e);
    }
    TreeBuilder builder = new TreeBuilder(source, new ParserImpl(stream, options));
    List<Manifest> manifests = new ArrayList<>();
    try {
      JsonNode root;
      while ((root = builder.nextDocument()) != null) {
        if (root.isNull()) {
          continue; // an empty document, as between two separators
        }
        Positions positions = builder.positions();
        add(source, builder.document, root, "", root, positions, manifests, new int[1], 0);
      }
    } catch (ManifestReadException e) {
      throw e;
    } catch (MarkedYAMLException e) {
      throw marked(source, builder.document, e);
    } catch (YAMLException e) {
      String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new ManifestReadException("malformed YAML: " + message, source, Math.max(1, builder.document), null, e);
    } catch (RuntimeException e) {
      // SnakeYAML's scanner lets a few exceptions through on broken escapes: "\x at the end, "\UFFFFFFFF"
      Mark mark = stream.getMark();
      String problem = e instanceof IllegalArgumentException
          ? "an escape sequence (\\x, \\u or \\U) in a double-quoted scalar is incomplete or not a code point"
          : e.toString().lines().findFirst().orElse("");
      throw new ManifestReadException("malformed YAML: " + problem, source, Math.max(1, builder.document),
          Position.of(mark.getLine() + 1, mark.getColumn() + 1), e);
    }
    return List.copyOf(manifests);
  }

  /** Adds the object, or the items of a {@code v1 List}, recursively, as kubectl flattens nested Lists. */
  private static void add(String source, int document, JsonNode object, String prefix, JsonNode root,
      Positions positions, List<Manifest> out, int[] item, int level) {
    envelope(source, document, object, prefix, root, positions);
    if (!"List".equals(object.path("kind").asText()) || !object.path("apiVersion").asText().equals("v1")) {
      Positions own = prefix.isEmpty() ? positions : positions.from(positions.entry(root, prefix));
      out.add(new Manifest(source, document, level == 0 ? null : item[0]++, (ObjectNode) object, own));
      return;
    }
    JsonNode items = object.path("items");
    String itemsPath = YamlPaths.key(prefix, "items");
    if (!items.isArray() && !items.isMissingNode() && !items.isNull()) {
      throw new ManifestReadException(itemsPath + " must be a sequence (was " + describe(items) + ")",
          source, document, positions.find(root, itemsPath).orElse(null), null);
    }
    for (int i = 0; i < items.size(); i++) {
      add(source, document, items.get(i), YamlPaths.index(itemsPath, i), root, positions, out, item, level + 1);
    }
  }

  /** The few fields every object must have right to be handled at all. */
  private static void envelope(String source, int document, JsonNode object, String prefix, JsonNode root,
      Positions positions) {
    if (!object.isObject()) {
      throw new ManifestReadException(
          (prefix.isEmpty() ? "document" : prefix) + " must be a mapping (was " + describe(object) + ")",
          source, document, positions.find(root, prefix).orElse(null), null);
    }
    for (String field : new String[] {"apiVersion", "kind"}) {
      JsonNode value = object.get(field);
      if (value != null && !value.isTextual()) {
        String path = YamlPaths.key(prefix, field);
        throw new ManifestReadException(path + " must be a string (was " + describe(value) + ")",
            source, document, positions.find(root, path).orElse(null), null);
      }
    }
    JsonNode metadata = object.get("metadata");
    if (metadata == null) {
      return;
    }
    String metadataPath = YamlPaths.key(prefix, "metadata");
    if (!metadata.isObject()) {
      throw new ManifestReadException(metadataPath + " must be a mapping (was " + describe(metadata) + ")",
          source, document, positions.find(root, metadataPath).orElse(null), null);
    }
    for (String field : new String[] {"name", "namespace"}) {
      JsonNode value = metadata.get(field);
      if (value != null && !value.isTextual()) {
        String path = YamlPaths.key(metadataPath, field);
        throw new ManifestReadException(path + " must be a string (was " + describe(value) + ")",
            source, document, positions.find(root, path).orElse(null), null);
      }
    }
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
   * expanding aliases within the budgets. Plain scalars resolve as go-yaml v2 resolves them
   * ({@link YamlScalars}). Keys and short values are shared across the stream's documents, which keeps a
   * read stream of many similar objects small.
   */
  private final class TreeBuilder {
    private static final int SHARED_LENGTH = 64;

    private final String source;
    private final Parser parser;
    private final Map<String, Anchor> anchors = new HashMap<>();
    // the keys and indexes down to the node being built, for messages
    private final List<Object> segments = new ArrayList<>();
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, JsonNode> values = new HashMap<>();
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    private int entries;
    private int document;
    private int aliases;
    private long aliasNodes;
    private long expanded;
    private int nodes;
    private long chars;

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
      if (++document > maxDocuments) {
        throw error("more than " + maxDocuments + " documents in one stream", event.getStartMark());
      }
      entries = 0;
      anchors.clear();
      segments.clear();
      Event first = parser.getEvent();
      entry(first.getStartMark());
      JsonNode root = value(first, 1);
      parser.getEvent(); // DocumentEnd
      return root;
    }

    private String path() {
      String path = "";
      for (Object segment : segments) {
        path = segment instanceof String ? YamlPaths.key(path, (String) segment)
            : YamlPaths.index(path, (Integer) segment);
      }
      return path;
    }

    /** The positions of the document just read. */
    Positions positions() {
      return new Positions(Arrays.copyOf(lines, entries), Arrays.copyOf(columns, entries), 0);
    }

    private void entry(Mark mark) {
      if (entries == lines.length) {
        lines = Arrays.copyOf(lines, entries * 2);
        columns = Arrays.copyOf(columns, entries * 2);
      }
      if (mark != null) {
        lines[entries] = mark.getLine() + 1;
        columns[entries] = mark.getColumn() + 1;
      } else {
        lines[entries] = 0;
        columns[entries] = 0;
      }
      entries++;
    }

    private ManifestReadException error(String problem, Mark mark) {
      return new ManifestReadException(problem, source, document,
          Position.of(mark.getLine() + 1, mark.getColumn() + 1), null);
    }

    JsonNode value(Event event, int depth) {
      if (event.is(Event.ID.Alias)) {
        return alias(((AliasEvent) event).getAnchor(), event.getStartMark());
      }
      NodeEvent nodeEvent = (NodeEvent) event;
      String anchor = nodeEvent.getAnchor();
      int nodesBefore = nodes;
      long charsBefore = chars;
      JsonNode node;
      if (event.is(Event.ID.MappingStart)) {
        checkCollectionTag(((CollectionStartEvent) event).getTag(), "map", event.getStartMark());
        node = object(depth, event.getStartMark());
      } else if (event.is(Event.ID.SequenceStart)) {
        checkCollectionTag(((CollectionStartEvent) event).getTag(), "seq", event.getStartMark());
        node = array(depth, event.getStartMark());
      } else {
        node = scalar((ScalarEvent) event);
      }
      nodes++;
      if (anchor != null) {
        anchors.put(anchor, new Anchor(node, nodes - nodesBefore, chars - charsBefore));
      }
      return node;
    }

    private void checkCollectionTag(String tag, String expected, Mark mark) {
      if (tag != null && !tag.equals("!") && !tag.equals(YamlScalars.TAG_PREFIX + expected)) {
        throw error("tag " + YamlScalars.shortTag(tag) + " is not supported", mark);
      }
    }

    private JsonNode object(int depth, Mark start) {
      if (depth > maxDepth) {
        throw error("nesting is deeper than " + maxDepth + " levels", start);
      }
      CompactFields fields = new CompactFields(4);
      ObjectNode object = new ObjectNode(JsonNodeFactory.instance, fields);
      Event event;
      while (!(event = parser.getEvent()).is(Event.ID.MappingEnd)) {
        if (!event.is(Event.ID.Scalar)) {
          throw error("only scalar keys are supported", event.getStartMark());
        }
        String key = key((ScalarEvent) event);
        if (object.has(key)) {
          String path = path();
          throw error("duplicate key " + YamlPaths.quote(key) + (path.isEmpty() ? "" : " in " + path),
              event.getStartMark());
        }
        entry(event.getStartMark());
        segments.add(key);
        object.set(key, value(parser.getEvent(), depth + 1));
        segments.remove(segments.size() - 1);
      }
      fields.trim();
      return object;
    }

    /** A key as Kubernetes reads it: resolved like a value, then turned into JSON text. */
    private String key(ScalarEvent event) {
      String text = event.getValue();
      if (event.getTag() == null && event.getImplicit().canOmitTagInPlainScalar()) {
        if (text.equals("<<")) {
          throw error("merge key << is not supported", event.getStartMark());
        }
        if (!text.isEmpty() && isWordStart(text.charAt(0))) {
          checkLength(text, event.getStartMark());
          chars += text.length();
          return shared(text); // the common case: a plain word that is a string to every reader
        }
      }
      JsonNode resolved = scalar(event);
      String key = YamlScalars.key(resolved);
      if (key == null) {
        throw error("key " + YamlPaths.quote(YamlScalars.abbreviate(text)) + " is " + (resolved.isNull() ? "null"
            : "an unsigned 64-bit integer") + " to Kubernetes, which cannot use it as a key; quote it",
            event.getStartMark());
      }
      return shared(key);
    }

    // letters other than the first letters of go-yaml's words (y, n, t, f, o) never resolve to anything
    private boolean isWordStart(char c) {
      return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$')
          && "yYnNtTfFoO".indexOf(c) < 0;
    }

    private String shared(String text) {
      String known = keys.putIfAbsent(text, text);
      return known == null ? text : known;
    }

    private JsonNode array(int depth, Mark start) {
      if (depth > maxDepth) {
        throw error("nesting is deeper than " + maxDepth + " levels", start);
      }
      ArrayList<JsonNode> items = new ArrayList<>(4);
      ArrayNode array = new ArrayNode(JsonNodeFactory.instance, items);
      Event event;
      while (!(event = parser.getEvent()).is(Event.ID.SequenceEnd)) {
        entry(event.getStartMark());
        segments.add(array.size());
        array.add(value(event, depth + 1));
        segments.remove(segments.size() - 1);
      }
      items.trimToSize();
      return array;
    }

    private void checkLength(String text, Mark mark) {
      if (text.length() > maxScalarLength) {
        throw error("scalar is longer than the limit of " + maxScalarLength + " characters (was "
            + text.length() + ")", mark);
      }
    }

    private JsonNode scalar(ScalarEvent event) {
      String text = event.getValue();
      checkLength(text, event.getStartMark());
      chars += text.length();
      String tag = event.getTag();
      boolean plain = tag == null && event.getImplicit().canOmitTagInPlainScalar();
      if (!plain && (tag == null || tag.equals("!"))) {
        return text(text); // quoted, or the non-specific tag "!": a string, as go-yaml reads it
      }
      if (tag != null && !CORE_TAGS.contains(tag)) {
        throw error("tag " + YamlScalars.shortTag(tag) + " is not supported", event.getStartMark());
      }
      if (text.length() > maxNumberLength && (tag != null || YamlScalars.numberCandidate(text))) {
        throw error("number is longer than the limit of " + maxNumberLength + " characters (was "
            + text.length() + ")", event.getStartMark());
      }
      JsonNode node;
      try {
        node = plain ? YamlScalars.plain(text) : YamlScalars.tagged(tag, text);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage(), event.getStartMark());
      }
      if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
        throw error("number " + text + " is not finite", event.getStartMark());
      }
      return node.isTextual() ? text(text) : node;
    }

    private JsonNode text(String text) {
      if (text.length() > SHARED_LENGTH) {
        return JsonNodeFactory.instance.textNode(text);
      }
      return values.computeIfAbsent(text, JsonNodeFactory.instance::textNode);
    }

    private JsonNode alias(String name, Mark mark) {
      Anchor target = anchors.get(name);
      if (target == null) {
        throw error("alias *" + name + " refers to no anchor defined before it", mark);
      }
      if (++aliases > MAX_ALIASES) {
        throw error("more than " + MAX_ALIASES + " aliases", mark);
      }
      aliasNodes += target.nodes;
      if (aliasNodes > MAX_ALIAS_NODES) {
        throw error("aliases expand to more than " + MAX_ALIAS_NODES + " nodes", mark);
      }
      // every copied node counts at least one byte, every copied scalar its length
      expanded += target.nodes + target.chars;
      if (expanded > maxExpandedBytes) {
        throw error("aliases expand the stream by more than the limit of " + maxExpandedBytes + " bytes",
            mark);
      }
      nodes += target.nodes;
      chars += target.chars;
      for (int i = Positions.entries(target.node); i > 0; i--) {
        entry(null); // copied entries have no position of their own
      }
      return target.node.deepCopy();
    }
  }

  /** An anchored node, with how many nodes and characters an alias to it copies. */
  private static final class Anchor {
    final JsonNode node;
    final int nodes;
    final long chars;

    Anchor(JsonNode node, int nodes, long chars) {
      this.node = node;
      this.nodes = nodes;
      this.chars = chars;
    }
  }

  /** Line starts and document separators of a text, to turn offsets into positions: built on errors only. */
  private static final class Lines {
    private int[] starts = new int[64];
    private int count;
    private int[] separators = new int[16];
    private int separatorCount;
    private boolean leadingSeparator;
    private final int length;

    Lines(String text) {
      length = text.length();
      boolean content = false;
      int line = 1;
      int start = 0;
      while (start <= text.length()) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = start;
        int end = text.indexOf('\n', start);
        int stop = end < 0 ? text.length() : end;
        if (text.startsWith("---", start) && (stop - start == 3 || Character.isWhitespace(text.charAt(start + 3)))) {
          if (separatorCount == 0 && !content) {
            leadingSeparator = true;
          }
          if (separatorCount == separators.length) {
            separators = Arrays.copyOf(separators, separatorCount * 2);
          }
          separators[separatorCount++] = line;
          content = true; // anything after the first separator belongs to a document
        } else if (!content && !blank(text, start, stop) && text.charAt(start) != '#' && text.charAt(start) != '%') {
          content = true;
        }
        if (end < 0) {
          break;
        }
        start = end + 1;
        line++;
      }
    }

    private static boolean blank(String text, int start, int stop) {
      for (int i = start; i < stop; i++) {
        if (!Character.isWhitespace(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /** The document (from 1) that holds {@code line}. */
    int document(int line) {
      int before = 0;
      for (int i = 0; i < separatorCount; i++) {
        if (separators[i] <= line) {
          before++;
        }
      }
      return Math.max(1, before + 1 - (leadingSeparator ? 1 : 0));
    }

    Position at(int offset) {
      int clamped = Math.max(0, Math.min(offset, length));
      int low = 0;
      int high = count - 1;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (starts[mid] <= clamped) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return Position.of(low + 1, clamped - starts[low] + 1);
    }
  }
}
