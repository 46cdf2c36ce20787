package dev.smtrain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Derived from the shared service model: every member reachable from CreateTrainingJobRequest, every
 * constraint it declares. Each case starts from the minimal valid request (with the member's parents filled
 * in with valid values), sets the member to a violating value, and expects exactly one new error, at the
 * member's path, with the constraint's code; a value at the boundary adds no error. Only the service
 * model's constraint codes are compared: a sample can also break a cross-field rule (an AttributeNames list
 * on an S3Prefix source, say), which {@code CrossFieldRulesTest} covers on its own.
 */
class ServiceModelConstraintTest {

  private static final ServiceModel MODEL = ServiceModel.load();
  private static final TrainingJobValidator VALIDATOR = TrainingJobValidator.standard();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> CATCH_ALL = Set.of(".*", ".+", "[\\S\\s]*");

  /** A step from a structure into a member or a list's first element, with the shape found there. */
  private static final class Step {
    final String member;
    final String shape;

    Step(String member, String shape) {
      this.member = member;
      this.shape = shape;
    }
  }

  /** One generated case: a change to the member at {@code path} and the report line it must add (or none). */
  private static final class Case {
    final String name;
    final List<Step> parents;
    final String member;
    final Consumer<ObjectNode> change;
    final String expected;

    Case(String name, List<Step> parents, String member, Consumer<ObjectNode> change, String expected) {
      this.name = name;
      this.parents = parents;
      this.member = member;
      this.change = change;
      this.expected = expected;
    }
  }

  private static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    walk("CreateTrainingJobRequest", List.of(), "", out, new java.util.HashSet<>());
    return out;
  }

  private static void walk(String struct, List<Step> parents, String path, List<Case> out, Set<String> onPath) {
    if (!onPath.add(struct)) {
      return;
    }
    JsonNode sh = MODEL.shape(struct);
    Set<String> required = new java.util.HashSet<>();
    sh.path("required").forEach(r -> required.add(r.asText()));
    sh.get("members").fields().forEachRemaining(e -> {
      String m = e.getKey();
      String shapeName = e.getValue().get("shape").asText();
      String p = path.isEmpty() ? m : path + "." + m;
      if (required.contains(m)) {
        out.add(new Case(p + " required", parents, m, o -> o.remove(m), p + " required"));
      }
      member(shapeName, m, parents, p, out, onPath);
    });
    onPath.remove(struct);
  }

  private static void member(String shapeName, String m, List<Step> parents, String p, List<Case> out,
      Set<String> onPath) {
    JsonNode sh = MODEL.shape(shapeName);
    switch (sh.get("type").asText()) {
      case "structure": {
        List<Step> next = new ArrayList<>(parents);
        next.add(new Step(m, shapeName));
        walk(shapeName, next, p, out, onPath);
        break;
      }
      case "string":
        string(sh, m, parents, p, p, out, (o, v) -> o.set(m, v));
        break;
      case "integer":
      case "long":
        ServiceModel.min(sh).ifPresent(min -> {
          out.add(new Case(p + " below minimum", parents, m, o -> o.put(m, min - 1), p + " number.too-small"));
          out.add(new Case(p + " at minimum", parents, m, o -> o.put(m, min), null));
        });
        ServiceModel.max(sh).ifPresent(max -> {
          out.add(new Case(p + " above maximum", parents, m, o -> o.put(m, max + 1), p + " number.too-large"));
          out.add(new Case(p + " at maximum", parents, m, o -> o.put(m, max), null));
        });
        break;
      case "list":
        list(sh, m, parents, p, out, onPath);
        break;
      case "map":
        map(sh, m, parents, p, out);
        break;
      default:
        break;
    }
  }

  private interface Setter {
    void set(ObjectNode parent, JsonNode value);
  }

  /** A string member, list element or map value: enum, lengths, pattern. */
  private static void string(JsonNode sh, String m, List<Step> parents, String name, String p, List<Case> out,
      Setter set) {
    if (sh.has("enum")) {
      // instance types are open: any well-formed ml.family.size passes, with a warning when unknown
      boolean open = sh.get("enum").get(0).asText().startsWith("ml.");
      out.add(new Case(name + " not an enum value", parents, m, o -> set.set(o, F.textNode("NotAValue")),
          p + (open ? " instance-type.malformed" : " json.unknown-enum-value")));
      return;
    }
    String pattern = sh.path("pattern").asText(null);
    boolean anyContent = pattern == null || CATCH_ALL.contains(pattern);
    ServiceModel.min(sh).filter(min -> min > 0).ifPresent(min -> {
      out.add(new Case(name + " too short", parents, m, o -> set.set(o, F.textNode("a".repeat((int) (min - 1)))),
          p + " string.too-short"));
      if (anyContent) {
        out.add(new Case(name + " at minimum length", parents, m, o -> set.set(o, F.textNode("a".repeat(min.intValue()))), null));
      }
    });
    ServiceModel.max(sh).ifPresent(max -> {
      out.add(new Case(name + " too long", parents, m, o -> set.set(o, F.textNode("a".repeat((int) (max + 1)))),
          p + " string.too-long"));
      if (anyContent) {
        out.add(new Case(name + " at maximum length", parents, m, o -> set.set(o, F.textNode("a".repeat(max.intValue()))), null));
      }
    });
    if (pattern != null) {
      String bad = ServiceModel.patternViolation(pattern);
      if (bad != null) {
        out.add(new Case(name + " not matching " + pattern, parents, m, o -> set.set(o, F.textNode(bad)),
            p + " string.pattern"));
      }
      out.add(new Case(name + " matching " + pattern, parents, m,
          o -> set.set(o, F.textNode(ServiceModel.validString(sh, 7))), null));
    }
  }

  private static void list(JsonNode sh, String m, List<Step> parents, String p, List<Case> out, Set<String> onPath) {
    String el = sh.get("member").get("shape").asText();
    ServiceModel.min(sh).filter(min -> min > 0).ifPresent(min ->
        out.add(new Case(p + " too few", parents, m, o -> o.set(m, elements(el, m, min - 1)), p + " list.too-few")));
    ServiceModel.max(sh).ifPresent(max -> {
      out.add(new Case(p + " too many", parents, m, o -> o.set(m, elements(el, m, max + 1)), p + " list.too-many"));
      out.add(new Case(p + " at maximum size", parents, m, o -> o.set(m, elements(el, m, max)), null));
    });
    JsonNode elShape = MODEL.shape(el);
    String first = p + "[0]";
    if (elShape.get("type").asText().equals("structure")) {
      List<Step> next = new ArrayList<>(parents);
      next.add(new Step(m, sh.get("member").get("shape").asText() + "[]"));
      walk(el, next, first, out, onPath);
    } else if (elShape.get("type").asText().equals("string")) {
      string(elShape, m, parents, first, first, out, (o, v) -> {
        ArrayNode a = F.arrayNode();
        a.add(v);
        o.set(m, a);
      });
    }
  }

  private static ArrayNode elements(String el, String m, long n) {
    ArrayNode a = F.arrayNode();
    for (int i = 0; i < n; i++) {
      a.add(MODEL.valid(el, m, i));
    }
    return a;
  }

  private static void map(JsonNode sh, String m, List<Step> parents, String p, List<Case> out) {
    JsonNode key = MODEL.shape(sh.get("key").get("shape").asText());
    JsonNode value = MODEL.shape(sh.get("value").get("shape").asText());
    ServiceModel.max(sh).ifPresent(max -> {
      out.add(new Case(p + " too many entries", parents, m, o -> o.set(m, entries(key, value, max + 1)), p + " map.too-many"));
      out.add(new Case(p + " at maximum size", parents, m, o -> o.set(m, entries(key, value, max)), null));
    });
    ServiceModel.min(key).filter(min -> min > 0).ifPresent(min -> out.add(new Case(p + " key too short", parents, m,
        o -> o.set(m, F.objectNode().put("a".repeat((int) (min - 1)), "v")), p + "[" + "a".repeat((int) (min - 1)) + "] key.too-short")));
    ServiceModel.max(key).ifPresent(max -> {
      String k = "a".repeat((int) (max + 1));
      out.add(new Case(p + " key too long", parents, m, o -> o.set(m, F.objectNode().put(k, "v")),
          p + "[" + k.substring(0, 64) + "...(" + k.length() + " characters)] key.too-long"));
    });
    Optional.ofNullable(key.path("pattern").asText(null)).map(ServiceModel::patternViolation).ifPresent(bad ->
        out.add(new Case(p + " key not matching", parents, m, o -> o.set(m, F.objectNode().put(bad, "v")),
            p + "[" + bad + "] key.pattern")));
    string(value, m, parents, p + " value", p + "[K]", out, (o, v) -> o.set(m, F.objectNode().set("K", v)));
  }

  private static ObjectNode entries(JsonNode key, JsonNode value, long n) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < n; i++) {
      o.put(ServiceModel.validString(key, i), ServiceModel.validString(value, i));
    }
    return o;
  }

  /** The minimal request with the case's parents present (valid), and the parent object of the member. */
  private static ObjectNode[] request(Case c) {
    ObjectNode root = (ObjectNode) readTree(Requests.text("/requests/minimal.json"));
    ObjectNode cur = root;
    for (Step s : c.parents) {
      boolean list = s.shape.endsWith("[]");
      String shape = list ? s.shape.substring(0, s.shape.length() - 2) : s.shape;
      if (list) {
        if (!cur.has(s.member) || cur.get(s.member).size() == 0) {
          cur.set(s.member, F.arrayNode().add(MODEL.valid(shape, s.member, 0)));
        }
        cur = (ObjectNode) cur.get(s.member).get(0);
      } else {
        if (!cur.has(s.member)) {
          cur.set(s.member, MODEL.valid(shape, s.member, 0));
        }
        cur = (ObjectNode) cur.get(s.member);
      }
    }
    return new ObjectNode[] {root, cur};
  }

  private static JsonNode readTree(String json) {
    try {
      return ServiceModel.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The codes of the service model's constraints and of the JSON reader. */
  private static final java.util.regex.Pattern MODEL_CODES =
      java.util.regex.Pattern.compile("required|(string|number|list|map|key|json|enum|instance-type)\\..*");

  private static List<String> errors(ObjectNode request) {
    return VALIDATOR.validateJson(request.toString()).errors().stream()
        .filter(v -> MODEL_CODES.matcher(v.code()).matches())
        .map(v -> v.path() + " " + v.code()).collect(Collectors.toList());
  }

  private static List<String> added(List<String> before, List<String> after) {
    List<String> added = new ArrayList<>(after);
    before.forEach(added::remove);
    return added;
  }

  @TestFactory
  Stream<DynamicTest> validateJson_whenModelConstraintViolatedOrAtBoundary_thenExactlyTheExpectedNewError() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
      ObjectNode[] base = request(c);
      List<String> before = errors(base[0]);
      c.change.accept(base[1]);
      List<String> added = added(before, errors(base[0]));
      assertEquals(c.expected == null ? List.of() : List.of(c.expected), added, () -> "request: " + base[0]);
    }));
  }

  @Test
  void cases_whenDerivedFromModel_thenEveryConstraintKindIsCovered() {
    Map<String, Long> byCode = new TreeMap<>(cases().stream().filter(c -> c.expected != null)
        .collect(Collectors.groupingBy(c -> c.expected.substring(c.expected.lastIndexOf(' ') + 1), Collectors.counting())));
    assertEquals(Set.of("required", "string.too-short", "string.too-long", "string.pattern", "number.too-small",
        "number.too-large", "list.too-few", "list.too-many", "map.too-many", "key.too-short", "key.too-long",
        "key.pattern", "json.unknown-enum-value", "instance-type.malformed"), byCode.keySet());
    assertTrue(byCode.values().stream().mapToLong(Long::longValue).sum() > 150, byCode::toString);
  }

  @Test
  void model_whenStringHasPattern_thenMaxLengthBelowThePatternCheckLimit() {
    MODEL.shapes.fields().forEachRemaining(e -> {
      JsonNode sh = e.getValue();
      if (sh.has("pattern")) {
        assertTrue(sh.has("max") && sh.get("max").asLong() < 16_384, e.getKey()
            + ": a patterned string without a small maximum length would need the regular expression on any input");
      }
    });
  }
}
