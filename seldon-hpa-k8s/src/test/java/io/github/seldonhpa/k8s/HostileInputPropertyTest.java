package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.HpaValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The fuzz suite of the hostile-input rule: thousands of generated inputs per target, each either succeeds or
 * gets the library's exception. Targets: the reader (YAML built from hostile fragments), both writers (random
 * trees of every Java value type round trip through the reader), the quoting rule (a plain string reads back
 * as itself under go-yaml v2, YAML 1.1 and YAML 1.2), and the Prometheus client against a misbehaving local
 * server.
 */
class HostileInputPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0x40571_1eL);
  private static final ManifestReader READER = ManifestReader.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    System.out.println("HostileInputPropertyTest QuickTheories seed " + SEED + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  /** Pieces of YAML an attacker strings together: anchors, aliases, tags, broken escapes, deep flow, numbers. */
  private static final List<String> FRAGMENTS = List.of("kind: X\n", "a: ", "b: ", "\n", "  ", "- ", "? ", ": ",
      "&a ", "*a", "&b [*a, *a, *a]", "*b", "!!int ", "!!float ", "!!str ", "!!bool ", "!!null ", "!!binary ",
      "!x ", "! ", "!<tag:x> ", "\"\\u", "\"\\x4", "\"\\UFFFFFFFF\"", "\"\\U0010FFFF\"", "\"\\e\"", "'it''s'",
      "[", "]", "{", "}", ",", "|\n  x\n", ">-\n  y\n", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n",
      "<<: *a\n", "<<", "0o17", "0x", "0b2", "1:30", "1e400", "9".repeat(40), "-.inf", ".NaN", "y", "N",
      "~", "\t", "\r", "\u0085", "\u2028", "\uFEFF", "\uFFFE", "\uD83D\uDE00", "\uD800", "é", "#c\n",
      "[[[[[[[[", "]]]]]]]]", "k".repeat(1100) + ": v\n", "x".repeat(200), "apiVersion: v1\nkind: List\nitems:\n",
      "- kind: List\n  apiVersion: v1\n  items: [1]\n", "metadata: {name: 3}\n", "metadata: []\n");

  private static Gen<String> hostileYaml() {
    return lists().of(integers().between(0, FRAGMENTS.size() - 1)).ofSizeBetween(1, 24).map(ix -> {
      StringBuilder sb = new StringBuilder();
      ix.forEach(i -> sb.append(FRAGMENTS.get(i)));
      return sb.toString();
    });
  }

  @Test
  void theReaderSucceedsOrThrowsItsOwnErrorOnHostileYaml() {
    qt().withFixedSeed(SEED).withExamples(6000).forAll(hostileYaml()).checkAssert(yaml -> {
      try {
        List<Manifest> read = READER.read("fuzz.yaml", yaml);
        for (Manifest m : read) {
          // whatever reads writes back to the same objects
          assertThat(READER.read(m.toYaml())).as(yaml).containsExactly(m);
          assertPlainTree(m, yaml);
        }
      } catch (ManifestReadException expected) {
        assertThat(expected.getMessage()).as(yaml).contains("(at fuzz.yaml, document ");
      }
    });
  }

  private static final String ALPHABET = "aby nN0o1:#-?'\"\n\t\\{}[],&*!|>%@`~.eE+_x=<\u00e9\u0085\u2028\uFFFE\uFFFF\uFEFF";

  private static Gen<String> strings() {
    return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 10).map(ix -> {
      StringBuilder sb = new StringBuilder();
      ix.forEach(i -> sb.append(ALPHABET.charAt(i)));
      return sb.toString();
    });
  }

  /** A random value of any type a manifest tree may hold, as a user's extraSpec would. */
  private static Object value(int code, String text) {
    switch (Math.floorMod(code, 12)) {
      case 0: return text;
      case 1: return code;
      case 2: return (long) code * 1_000_003L;
      case 3: return code / 7.0;
      case 4: return (float) code / 3;
      case 5: return BigInteger.valueOf(code).shiftLeft(Math.floorMod(code, 70));
      case 6: return new BigDecimal(BigInteger.valueOf(code), Math.floorMod(code, 9) - 4);
      case 7: return code % 2 == 0;
      case 8: return null;
      case 9: return List.of(text, code);
      case 10: return Map.of(text.isEmpty() ? "k" : text, List.of(text));
      default: return (short) code;
    }
  }

  @Test
  void bothWritersWriteWhatTheReaderReadsBack() {
    ObjectMapper json = new ObjectMapper();
    qt().withFixedSeed(SEED).withExamples(2500)
        .forAll(lists().of(strings()).ofSize(4), lists().of(integers().all()).ofSize(4))
        .checkAssert((texts, codes) -> {
          Map<String, Object> tree = new LinkedHashMap<>();
          tree.put("kind", "X");
          for (int i = 0; i < 4; i++) {
            tree.put(texts.get(i) + i, value(codes.get(i), texts.get(i)));
          }
          StringBuilder out = new StringBuilder();
          YamlEmitter.document(tree, out);
          Manifest read = READER.read(out.toString()).get(0);
          JsonNode expected = json.valueToTree(tree);
          assertThat(sameValues(read.node(), expected)).as(out.toString()).isTrue();
          // and the lossless writer gives back the same tree
          assertThat(READER.read(read.toYaml())).as(read.toYaml()).containsExactly(read);
          assertPlainTree(read, out.toString());
        });
  }

  /**
   * {@link Manifest#tree()} is what Jackson's own conversion of the read tree to Java values gives (an
   * independent oracle), integers widened to Long: equal both ways, same hash code, same text.
   */
  private static void assertPlainTree(Manifest m, String as) {
    Object expected = widen(JSON.convertValue(m.node(), Object.class));
    assertThat(m.tree()).as(as).isEqualTo(expected);
    assertThat(expected).as(as).isEqualTo(m.tree());
    assertThat(m.tree().hashCode()).as(as).isEqualTo(expected.hashCode());
    assertThat(m.tree().toString()).as(as).isEqualTo(expected.toString());
  }

  private static Object widen(Object value) {
    if (value instanceof Map) {
      Map<Object, Object> map = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> map.put(k, widen(v)));
      return map;
    }
    if (value instanceof List) {
      List<Object> list = new ArrayList<>();
      ((List<?>) value).forEach(v -> list.add(widen(v)));
      return list;
    }
    return value instanceof Integer || value instanceof Short ? (Object) ((Number) value).longValue() : value;
  }

  /** Equal trees, numbers compared by value (a float written as 0.5 reads back as a double). */
  private static boolean sameValues(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      // a float is written in its own shortest form (0.1f as 0.1), which reads back as that double
      return a.decimalValue().compareTo(b.decimalValue()) == 0
          || Double.compare(a.doubleValue(), b.doubleValue()) == 0
          || b.isFloat() && Float.compare((float) a.doubleValue(), b.floatValue()) == 0;
    }
    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size() && a.isObject() == b.isObject()) {
      if (a.isObject()) {
        List<String> names = new ArrayList<>();
        a.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (!b.has(name) || !sameValues(a.get(name), b.get(name))) {
            return false;
          }
        }
        return true;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValues(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  // YAML 1.2 core schema: what a 1.2 reader resolves to null, bool, int or float
  private static final Pattern YAML12_NOT_STRING = Pattern.compile("null|Null|NULL|~|true|True|TRUE|false|False"
      + "|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
      + "|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
  private static final Resolver YAML11 = new Resolver();

  @Test
  void aStringWrittenPlainIsAStringToGoYamlV2Yaml11AndYaml12() {
    qt().withFixedSeed(SEED).withExamples(20000).forAll(strings()).checkAssert(s -> {
      if (!YamlScalars.plainSafe(s)) {
        return;
      }
      assertThat(YamlScalars.plain(s).textValue()).as("go-yaml v2: " + s).isEqualTo(s);
      assertThat(YAML11.resolve(NodeId.scalar, s, true)).as("YAML 1.1: " + s).isEqualTo(Tag.STR);
      assertThat(YAML12_NOT_STRING.matcher(s).matches()).as("YAML 1.2: " + s).isFalse();
    });
  }

  /** What a misbehaving server answers: a status, a body, and whether it lies about the body's length. */
  private static final List<String> BODIES = List.of("", "{", "null", "[]", "{\"status\":\"success\"}",
      "{\"status\":\"error\",\"errorType\":3,\"error\":{}}", "<html>502 Bad Gateway</html>",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1e30,\"1\"]}]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":[1]},\"value\":[-1e400,\"x\"]}]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1.5,\"+Inf\"]}]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":null,\"value\":[]}]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
      "[".repeat(5000), "\u0000\u00ff\ufffd", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
          + "\"result\":[{\"metric\":{},\"value\":[\"1\",\"1\"]}]},\"warnings\":[{}]}");

  @Test
  void theClientSucceedsOrThrowsItsOwnErrorAgainstAMisbehavingServer() throws Exception {
    AtomicReference<byte[]> answer = new AtomicReference<>();
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> serve(socket, answer), "misbehaving-prometheus");
      server.setDaemon(true);
      server.start();
      PrometheusClient client = PrometheusClient.of(URI.create("http://127.0.0.1:" + socket.getLocalPort()),
          Duration.ofSeconds(2)).withMaxResponseBytes(4096);
      qt().withFixedSeed(SEED).withExamples(2000)
          .forAll(integers().between(0, STATUSES.length - 1), integers().between(0, BODIES.size() - 1),
              integers().between(0, 3))
          .checkAssert((status, body, framing) -> {
            answer.set(response(STATUSES[status], BODIES.get(body), framing));
            try {
              assertThat(client.query("up", Instant.EPOCH).samples()).isNotNull();
            } catch (PrometheusException | HpaValidationException expected) {
              assertThat(expected.getMessage()).startsWith("prometheus ");
            }
          });
    }
  }

  private static final String[] STATUSES = {"200 OK", "400 Bad Request", "422 Unprocessable Entity",
      "500 Internal Server Error", "503 Service Unavailable", "302 Found", "204 No Content", "999 Odd"};

  /** A whole HTTP answer: honest, lying about its length (then the connection closes), chunked, or headers only. */
  private static byte[] response(String status, String body, int framing) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
    String text;
    switch (framing) {
      case 0:
        text = head + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
        break;
      case 1:
        text = head + "Content-Length: " + (bytes.length + 10) + "\r\n\r\n" + body;
        break;
      case 2:
        text = head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(bytes.length) + "\r\n" + body
            + "\r\n0\r\n\r\n";
        break;
      default:
        text = head + "\r\n";
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Answers every connection with the current scripted answer, then closes it; ends with the socket. */
  private static void serve(ServerSocket socket, AtomicReference<byte[]> answer) {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        InputStream in = connection.getInputStream();
        int contentLength = 0;
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
          if (c != '\n') {
            line.append((char) c);
            continue;
          }
          String header = line.toString().strip();
          line.setLength(0);
          if (header.isEmpty()) {
            break;
          }
          if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            contentLength = Integer.parseInt(header.substring(15).strip());
          }
        }
        in.readNBytes(contentLength);
        OutputStream out = connection.getOutputStream();
        out.write(answer.get());
        out.flush();
      } catch (IOException e) {
        // a closed socket ends the loop; a client that hung up ends only its connection
      }
    }
  }
}
