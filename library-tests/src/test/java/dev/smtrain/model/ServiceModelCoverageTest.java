package dev.smtrain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtrain.model.json.internal.ModelCodec;
import dev.smtrain.model.json.internal.Problems;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the SageMaker service model and fails on any gap in the Java model: a structure without a class, a
 * member without an accessor, a member the JSON codec does not read or write back, an enum value the Java
 * type does not know, a required member without {@code @NotNull}.
 */
class ServiceModelCoverageTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> RENAMES = Map.of("DescribeTrainingJobResponse", "TrainingJobDescription");

  private static JsonNode shapes;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ServiceModelCoverageTest.class.getResourceAsStream(
        "/service-model/sagemaker-training-job-model.json")) {
      shapes = MAPPER.readTree(in).get("shapes");
    }
  }

  @Test
  void everyStructureReachableFromTheOperations_hasAClassWithEveryMember() throws Exception {
    List<String> gaps = new ArrayList<>();
    for (String structure : structures("CreateTrainingJobRequest", "DescribeTrainingJobResponse",
        "ListTrainingJobsRequest", "ListTrainingJobsResponse")) {
      Class<?> type;
      try {
        type = Class.forName("dev.smtrain.model." + RENAMES.getOrDefault(structure, structure));
      } catch (ClassNotFoundException e) {
        gaps.add("no class for structure " + structure);
        continue;
      }
      JsonNode shape = shapes.get(structure);
      Set<String> required = new LinkedHashSet<>();
      shape.path("required").forEach(r -> required.add(r.asText()));
      Iterator<String> members = shape.get("members").fieldNames();
      while (members.hasNext()) {
        String member = members.next();
        String accessor = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        Method m;
        try {
          m = type.getMethod(accessor);
        } catch (NoSuchMethodException e) {
          gaps.add(structure + "." + member + ": no accessor " + accessor + "()");
          continue;
        }
        if (required.contains(member) && !isNotNull(m)) {
          gaps.add(structure + "." + member + ": required but not @NotNull");
        }
      }
    }
    assertEquals(List.of(), gaps);
  }

  /** {@code @NotNull} on a list or map accessor, or on the type argument of an {@code Optional} one. */
  private static boolean isNotNull(Method m) {
    if (m.getAnnotation(NotNull.class) != null) {
      return true;
    }
    return m.getAnnotatedReturnType() instanceof java.lang.reflect.AnnotatedParameterizedType
        && ((java.lang.reflect.AnnotatedParameterizedType) m.getAnnotatedReturnType())
            .getAnnotatedActualTypeArguments()[0].getAnnotation(NotNull.class) != null;
  }

  @Test
  void createTrainingJobRequest_hasAll25TopLevelMembers() {
    assertEquals(25, shapes.get("CreateTrainingJobRequest").get("members").size());
    long accessors = java.util.Arrays.stream(CreateTrainingJobRequest.class.getDeclaredMethods())
        .filter(m -> java.lang.reflect.Modifier.isAbstract(m.getModifiers())).count();
    assertEquals(25, accessors);
  }

  @Test
  void everyEnumShape_matchesTheJavaTypesKnownValues() throws Exception {
    List<String> gaps = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = shapes.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().has("enum")) {
        continue;
      }
      List<String> expected = new ArrayList<>();
      e.getValue().get("enum").forEach(v -> expected.add(v.asText()));
      Class<?> type = Class.forName("dev.smtrain.model." + e.getKey());
      Set<?> known = (Set<?>) type.getMethod("knownValues").invoke(null);
      List<String> actual = known.stream().map(Object::toString).collect(Collectors.toList());
      if (!new LinkedHashSet<>(actual).equals(new LinkedHashSet<>(expected))) {
        gaps.add(e.getKey() + ": model " + expected + " vs Java " + actual);
      }
    }
    assertEquals(List.of(), gaps);
  }

  @Test
  void fullyPopulatedDocuments_roundTripThroughTheCodecWithoutLoss() throws IOException {
    assertRoundTrip("CreateTrainingJobRequest", ModelCodec::readCreateTrainingJobRequest,
        (v, g) -> ModelCodec.writeCreateTrainingJobRequest((CreateTrainingJobRequest) v, g));
    assertRoundTrip("DescribeTrainingJobResponse", ModelCodec::readTrainingJobDescription,
        (v, g) -> ModelCodec.writeTrainingJobDescription((TrainingJobDescription) v, g));
    assertRoundTrip("ListTrainingJobsRequest", ModelCodec::readListTrainingJobsRequest,
        (v, g) -> ModelCodec.writeListTrainingJobsRequest((ListTrainingJobsRequest) v, g));
    assertRoundTrip("ListTrainingJobsResponse", ModelCodec::readListTrainingJobsResponse,
        (v, g) -> ModelCodec.writeListTrainingJobsResponse((ListTrainingJobsResponse) v, g));
  }

  @FunctionalInterface
  interface Write {
    void write(Object value, com.fasterxml.jackson.core.JsonGenerator g) throws IOException;
  }

  @FunctionalInterface
  interface Read {
    Object read(JsonNode node, String path, Problems problems);
  }

  private static void assertRoundTrip(String shape, Read read, Write write) throws IOException {
    JsonNode document = populate(shape, new LinkedHashSet<>());
    Problems problems = new Problems();
    Object value = read.read(document, "", problems);
    assertEquals(List.of(), problems.list(), shape + " members the codec does not read");
    assertNotNull(value);
    StringWriter out = new StringWriter();
    try (var g = MAPPER.getFactory().createGenerator(out)) {
      write.write(value, g);
    }
    assertEquals(MAPPER.writeValueAsString(document), out.toString(), shape + " members lost on the way back");
  }

  /** A JSON value for a shape with every member set, recursing into structures once per path. */
  private static JsonNode populate(String shapeName, Set<String> onPath) {
    JsonNode shape = shapes.get(shapeName);
    switch (shape.get("type").asText()) {
      case "structure": {
        ObjectNode o = NODES.objectNode();
        if (!onPath.add(shapeName)) {
          return o;
        }
        shape.get("members").fields().forEachRemaining(
            m -> o.set(m.getKey(), populate(m.getValue().get("shape").asText(), onPath)));
        onPath.remove(shapeName);
        return o;
      }
      case "list": {
        ArrayNode a = NODES.arrayNode();
        a.add(populate(shape.get("member").get("shape").asText(), onPath));
        return a;
      }
      case "map": {
        ObjectNode o = NODES.objectNode();
        o.put("key", "value");
        return o;
      }
      case "string":
        return shape.has("enum") ? NODES.textNode(shape.get("enum").get(0).asText()) : NODES.textNode("text");
      case "integer":
        return NODES.numberNode(shape.path("min").asInt(1));
      case "long":
        return NODES.numberNode(shape.path("min").asLong(7L));
      case "boolean":
        return NODES.booleanNode(true);
      case "float":
        return NODES.numberNode(0.5f);
      case "timestamp":
        return NODES.textNode("2026-11-29T10:15:30Z");
      default:
        fail("unexpected shape type in " + shapeName + ": " + shape.get("type"));
        return null;
    }
  }

  private static Set<String> structures(String... roots) {
    Set<String> out = new LinkedHashSet<>();
    for (String root : roots) {
      collect(root, out);
    }
    assertTrue(out.size() > 30, "walked " + out);
    return out;
  }

  private static void collect(String name, Set<String> out) {
    JsonNode shape = shapes.get(name);
    switch (shape.get("type").asText()) {
      case "structure":
        if (out.add(name)) {
          shape.get("members").forEach(m -> collect(m.get("shape").asText(), out));
        }
        break;
      case "list":
        collect(shape.get("member").get("shape").asText(), out);
        break;
      default:
        break;
    }
  }
}
