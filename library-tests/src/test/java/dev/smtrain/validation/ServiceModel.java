package dev.smtrain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The shared SageMaker service model (a copy of {@code /work/shared/reference/...}), and valid and invalid
 * sample values for its shapes, so that tests are derived from the model rather than hand-picked.
 */
final class ServiceModel {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * For every pattern of the model: a valid value ({@code %d} takes an index, so list elements differ) and
   * an invalid one within the length limits. A pattern that every string matches has no invalid value.
   */
  private static final Map<String, String[]> PATTERN_SAMPLES = Map.ofEntries(
      Map.entry(".*", new String[] {"v%d", "a\nb"}),
      Map.entry(".+", new String[] {"v%d", "\n"}),
      Map.entry("[\\S\\s]*", new String[] {"v%d", null}),
      Map.entry("[-0-9a-zA-Z]+", new String[] {"sg-%d", "sg_1"}),
      Map.entry("[A-Za-z0-9\\.\\-_]+", new String[] {"ch%d", "a b"}),
      Map.entry("[a-zA-Z0-9\\-]+", new String[] {"n%d", "a_b"}),
      Map.entry("[a-zA-Z_][a-zA-Z0-9_]*", new String[] {"K%d", "1A"}),
      Map.entry("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", new String[] {"t%d", "a#b"}),
      Map.entry("^(fs-[0-9a-f]{8,})$", new String[] {"fs-0123456%d", "fs-zzzzzzzz"}),
      Map.entry("^(https|s3)://([^/]+)/?(.*)$", new String[] {"s3://bucket/p%d", "ftp://bucket/x"}),
      Map.entry("^[a-zA-Z0-9:/_-]*$", new String[] {"key%d", "a b"}),
      Map.entry("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}", new String[] {"e%d", "-e"}),
      Map.entry("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", new String[] {"j%d", "-j"}),
      Map.entry("^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
          new String[] {"arn:aws:iam::123456789012:role/R%d", "arn:aws:iam::1:role/Role"}),
      Map.entry("arn:[\\p{Alnum}\\-]+:lambda:[\\p{Alnum}\\-]+:[0-9]{12}:function:.*",
          new String[] {"arn:aws:lambda:us-east-1:123456789012:function:f%d", "arn:aws:lambda:us-east-1:1:function:f"}),
      Map.entry("(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$",
          new String[] {"algo%d", "algo-"}));

  /** Enum values that keep a sample free of cross-field violations; otherwise the first value is used. */
  private static final Map<String, String> ENUM_CHOICES = Map.of("S3DataType", "S3Prefix",
      "TrainingInputMode", "File", "CompressionType", "None", "RecordWrapper", "None",
      "TrainingRepositoryAccessMode", "Platform");

  /** Integer members whose sample must satisfy a cross-field rule. */
  private static final Map<String, Long> NUMBER_CHOICES = Map.of("ProfilingIntervalInMilliseconds", 1000L);

  final JsonNode shapes;

  private ServiceModel(JsonNode model) {
    this.shapes = model.get("shapes");
  }

  static ServiceModel load() {
    try (InputStream in = ServiceModel.class.getResourceAsStream("/service-model/sagemaker-training-job-model.json")) {
      return new ServiceModel(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode shape(String name) {
    return shapes.get(name);
  }

  static Optional<Long> min(JsonNode shape) {
    return shape.has("min") ? Optional.of(shape.get("min").asLong()) : Optional.empty();
  }

  static Optional<Long> max(JsonNode shape) {
    return shape.has("max") ? Optional.of(shape.get("max").asLong()) : Optional.empty();
  }

  /** A valid value of the pattern, or of no pattern. */
  static String validString(JsonNode shape, int index) {
    String pattern = shape.path("pattern").asText(null);
    String v = pattern == null ? "v" + index : String.format(samples(pattern)[0], index);
    long min = min(shape).orElse(0L);
    StringBuilder b = new StringBuilder(v);
    while (b.length() < min) {
      b.append('0');
    }
    return b.toString();
  }

  /** A value of valid length that does not match the pattern, or null when every value matches. */
  static String patternViolation(String pattern) {
    return samples(pattern)[1];
  }

  private static String[] samples(String pattern) {
    String[] s = PATTERN_SAMPLES.get(pattern);
    if (s == null) {
      throw new IllegalStateException("the service model has a pattern without samples: " + pattern);
    }
    return s;
  }

  /** A valid, cross-field-clean value of a shape; {@code index} makes names in list elements differ. */
  JsonNode valid(String shapeName, String memberName, int index) {
    JsonNode sh = shape(shapeName);
    switch (sh.get("type").asText()) {
      case "structure": {
        ObjectNode o = F.objectNode();
        for (JsonNode req : sh.path("required")) {
          String m = req.asText();
          o.set(m, valid(sh.get("members").get(m).get("shape").asText(), m, index));
        }
        if (shapeName.equals("DataSource")) {
          o.set("S3DataSource", valid("S3DataSource", "S3DataSource", index));
        }
        return o;
      }
      case "string":
        if (sh.has("enum")) {
          return F.textNode(ENUM_CHOICES.getOrDefault(shapeName, sh.get("enum").get(0).asText()));
        }
        return F.textNode(validString(sh, index));
      case "integer":
      case "long":
        return F.numberNode(NUMBER_CHOICES.getOrDefault(memberName, Math.max(min(sh).orElse(1L), 1L)));
      case "boolean":
        return F.booleanNode(false);
      case "list": {
        ArrayNode a = F.arrayNode();
        long n = Math.max(min(sh).orElse(1L), 1L);
        for (int i = 0; i < n; i++) {
          a.add(valid(sh.get("member").get("shape").asText(), memberName, index + i));
        }
        return a;
      }
      case "map":
        return F.objectNode();
      default:
        throw new IllegalStateException("no sample for " + shapeName);
    }
  }
}
