package io.github.seldonhpa.signatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Classes whose signatures mention Jackson in every way {@code PublicSignatures} looks for, or hide it. */
public final class SignatureFixtures {
  private SignatureFixtures() {}

  /** Mentions Jackson in its API. */
  public abstract static class Leaky<T extends JsonNode> implements Comparable<List<ObjectNode>> {
    /** A field. */
    protected ObjectMapper mapper;

    /** A constructor. */
    public Leaky(Map<String, ? super ObjectNode> nodes) {}

    /** A result. */
    public abstract JsonNode tree();

    /** A parameter, an exception. */
    public abstract void read(ObjectNode[] nodes) throws com.fasterxml.jackson.core.JsonProcessingException;

    /** Jackson only inside: not reported. */
    public String text() {
      return new ObjectMapper().createObjectNode().toString();
    }

    // not API
    abstract JsonNode packagePrivate();

    @SuppressWarnings("unused")
    private JsonNode privateOne() {
      return null;
    }
  }

  /** Not API: package-private. */
  abstract static class Hidden {
    public abstract JsonNode tree();
  }
}
