package dev.smtrain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thousands of random and mutated JSON requests: whatever the input, {@code validateJson} returns a report
 * and never throws, and no check fails on it (a {@code rule.failed} violation is a bug, such as a
 * NullPointerException in a rule).
 */
class ValidationFuzzProperties {

  private static final TrainingJobValidator SAGEMAKER = TrainingJobValidator.standard();
  private static final TrainingJobValidator LOCAL = TrainingJobValidator.forTarget(ValidationTarget.LOCAL);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final JsonNode SEED = read(Requests.text("/requests/seed-full-example.json"));

  private static JsonNode read(String json) {
    try {
      return ServiceModel.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(String json) {
    for (TrainingJobValidator v : List.of(SAGEMAKER, LOCAL)) {
      ValidationReport report = v.validateJson(json);
      assertNotNull(report);
      for (Violation violation : report.violations()) {
        assertFalse(violation.code().equals("rule.failed"), () -> violation + " for " + abbreviate(json));
      }
      assertEquals(report.errors().isEmpty(), report.isValid());
    }
  }

  private static String abbreviate(String s) {
    return s.length() < 2000 ? s : s.substring(0, 2000) + "...";
  }

  @Property(tries = 1500)
  void validateJson_whenMutatedSeed_thenReportWithoutFailedChecks(@ForAll("seeds") long seed) throws IOException {
    Random random = new Random(seed);
    String json = mutatedSeed(random);
    if (random.nextInt(8) == 0) {
      json = corrupt(json, random);
    }
    check(json);
  }

  /**
   * The seed's full example with one to six random mutations, as JSON (sometimes with duplicate members).
   *
   * @param random the source of randomness
   * @return the JSON text
   */
  static String mutatedSeed(Random random) {
    JsonNode tree = SEED.deepCopy();
    int mutations = 1 + random.nextInt(6);
    for (int i = 0; i < mutations; i++) {
      tree = mutate(tree, random);
    }
    try {
      return write(tree, random);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 1500)
  void validateJson_whenRandomText_thenReportWithoutFailedChecks(@ForAll("texts") String text) {
    check(text);
  }

  @Property(tries = 500)
  void validateJson_whenRandomObjectOfRequestMembers_thenReportWithoutFailedChecks(@ForAll("seeds") long seed)
      throws IOException {
    Random random = new Random(seed);
    ObjectNode o = F.objectNode();
    List<String> names = new ArrayList<>();
    SEED.fieldNames().forEachRemaining(names::add);
    for (int i = 0; i < 1 + random.nextInt(names.size()); i++) {
      o.set(names.get(random.nextInt(names.size())), randomValue(random, 3));
    }
    check(write(o, random));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ \ntruefalsnul\\").ofMaxLength(300),
        Arbitraries.of("{}", "[]", "null", "\"\"", "0", "{\"TrainingJobName\":null}", "{\"InputDataConfig\":[null]}",
            "{\"HyperParameters\":{\"a\":null}}", "{\"Tags\":[{}]}", "{\"ResourceConfig\":{\"InstanceGroups\":[{}]}}",
            "{\"InputDataConfig\":[{\"DataSource\":{\"S3DataSource\":{\"InstanceGroupNames\":[null]}}}]}",
            "[".repeat(10_000), "{\"a\":".repeat(5_000)));
  }

  /** Deletes, replaces, duplicates or grows a random member or element somewhere in the tree. */
  private static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.isEmpty() ? "Extra" : names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0:
          o.remove(name);
          break;
        case 1:
          o.set(name, randomValue(random, 2));
          break;
        case 2:
          o.set(name + (random.nextBoolean() ? "" : "X"), o.has(name) ? o.get(name).deepCopy() : F.nullNode());
          break;
        default:
          o.set(name, hugeString(random));
          break;
      }
    } else {
      ArrayNode a = (ArrayNode) target;
      switch (random.nextInt(3)) {
        case 0:
          if (a.size() > 0) {
            a.remove(random.nextInt(a.size()));
          }
          break;
        case 1:
          int copies = 1 + random.nextInt(30);
          JsonNode e = a.size() > 0 ? a.get(random.nextInt(a.size())) : randomValue(random, 1);
          for (int i = 0; i < copies; i++) {
            a.add(e.deepCopy());
          }
          break;
        default:
          a.add(randomValue(random, 2));
          break;
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.elements().forEachRemaining(n -> collect(n, out));
    }
  }

  private static JsonNode hugeString(Random random) {
    int length = random.nextInt(4) == 0 ? 1 << 20 : random.nextInt(20_000);
    String unit = List.of("a", "-", "a-", "\n", "é", "s3://", "AKIA", "{{").get(random.nextInt(8));
    return F.textNode(unit.repeat(Math.max(1, length / unit.length())));
  }

  private static JsonNode randomValue(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 10 : 7)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(random.nextBoolean());
      case 2:
        return F.numberNode(random.nextInt(5) == 0 ? Long.MAX_VALUE : random.nextInt(200_000) - 100);
      case 3:
        return F.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(40))));
      case 4:
        return F.numberNode(random.nextDouble() * 1e12);
      case 5:
        return F.textNode(List.of("", "File", "Pipe", "S3Prefix", "ml.p4d.24xlarge", "local", "file:///x",
            "s3://b/k", "aws:x", "true", "x".repeat(300)).get(random.nextInt(11)));
      case 6:
        return hugeString(random);
      case 7: {
        ArrayNode a = F.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(randomValue(random, depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = F.objectNode();
        List<String> names = List.of("S3DataSource", "S3Uri", "ChannelName", "InstanceType", "Key", "Value",
            "DataSource", "InstanceGroups", "MaxWaitTimeInSeconds", "Unknown");
        for (int i = random.nextInt(4); i > 0; i--) {
          o.set(names.get(random.nextInt(names.size())), randomValue(random, depth - 1));
        }
        return o;
      }
    }
  }

  /** Writes the tree, sometimes repeating a member (duplicate keys cannot exist in a tree). */
  private static String write(JsonNode tree, Random random) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = ServiceModel.JSON.getFactory().createGenerator(w)) {
      write(tree, g, random);
    }
    return w.toString();
  }

  private static void write(JsonNode node, JsonGenerator g, Random random) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int times = random.nextInt(40) == 0 ? 2 : 1;
        for (int i = 0; i < times; i++) {
          g.writeFieldName(e.getKey());
          write(e.getValue(), g, random);
        }
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode n : node) {
        write(n, g, random);
      }
      g.writeEndArray();
    } else {
      g.writeTree(node);
    }
  }

  private static String corrupt(String json, Random random) {
    StringBuilder b = new StringBuilder(json);
    switch (random.nextInt(3)) {
      case 0:
        return json.substring(0, random.nextInt(json.length() + 1));
      case 1:
        for (int i = 0; i < 3; i++) {
          b.setCharAt(random.nextInt(b.length()), "{}[]\",:x0 ".charAt(random.nextInt(10)));
        }
        return b.toString();
      default:
        b.insert(random.nextInt(b.length()), "\u0000\uFFFF\uD800");
        return b.toString();
    }
  }
}
