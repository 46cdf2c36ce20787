package dev.smtrain.model.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtrain.model.json.JsonProblem.Kind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Type checks for the generated codec. Each method returns the value, or {@code null} after recording a
 * problem. Messages name the JSON type found, never a string's content (it may be a secret).
 */
public final class JsonReading {

  private JsonReading() {}

  /**
   * The path of a member.
   *
   * @param parent the parent path, empty for the root
   * @param name the member name
   * @return the member's path
   */
  public static String member(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static String entry(String parent, String key) {
    return parent + "[" + key + "]";
  }

  static boolean isObject(JsonNode node, String path, Problems problems) {
    if (node.isObject()) {
      return true;
    }
    wrongType(node, path, problems, "an object");
    return false;
  }

  static String string(JsonNode node, String path, Problems problems) {
    if (node.isTextual()) {
      return node.textValue();
    }
    wrongType(node, path, problems, "a string");
    return null;
  }

  static Integer int32(JsonNode node, String path, Problems problems) {
    if (node.isIntegralNumber()) {
      if (node.canConvertToInt()) {
        return node.intValue();
      }
      problems.add(path, Kind.OUT_OF_RANGE, "expected an integer between " + Integer.MIN_VALUE + " and "
          + Integer.MAX_VALUE + ", got " + abbreviate(node.asText()));
      return null;
    }
    wrongType(node, path, problems, "an integer");
    return null;
  }

  static Long int64(JsonNode node, String path, Problems problems) {
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) {
        return node.longValue();
      }
      problems.add(path, Kind.OUT_OF_RANGE, "expected a 64-bit integer, got " + abbreviate(node.asText()));
      return null;
    }
    wrongType(node, path, problems, "an integer");
    return null;
  }

  static Boolean bool(JsonNode node, String path, Problems problems) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    wrongType(node, path, problems, "true or false");
    return null;
  }

  static Float float32(JsonNode node, String path, Problems problems) {
    if (node.isNumber()) {
      return node.floatValue();
    }
    wrongType(node, path, problems, "a number");
    return null;
  }

  /** A timestamp as ISO-8601 text or as epoch seconds (the JSON 1.1 protocol's form). */
  static Instant timestamp(JsonNode node, String path, Problems problems) {
    if (node.isNumber()) {
      double seconds = node.doubleValue();
      long whole = (long) Math.floor(seconds);
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
    if (node.isTextual()) {
      try {
        return Instant.parse(node.textValue());
      } catch (DateTimeParseException e) {
        problems.add(path, Kind.WRONG_TYPE, "expected an ISO-8601 timestamp such as 2026-11-29T10:15:30Z");
        return null;
      }
    }
    wrongType(node, path, problems, "a timestamp");
    return null;
  }

  static <E extends Enum<E>> E enumValue(JsonNode node, String path, Problems problems,
      Function<String, E> fromValue, Set<E> known, E unknown) {
    String text = string(node, path, problems);
    if (text == null) {
      return null;
    }
    E value = fromValue.apply(text);
    if (value == unknown) {
      List<String> names = new ArrayList<>();
      known.forEach(k -> names.add(k.toString()));
      problems.add(path, Kind.UNKNOWN_ENUM_VALUE, "expected one of " + names + ", got '" + abbreviate(text) + "'");
      return null;
    }
    return value;
  }

  static <T> T openValue(JsonNode node, String path, Problems problems, Function<String, T> of) {
    String text = string(node, path, problems);
    return text == null ? null : of.apply(text);
  }

  static <T> List<T> list(JsonNode node, String path, Problems problems, BiFunction<JsonNode, String, T> element) {
    if (!node.isArray()) {
      wrongType(node, path, problems, "a list");
      return null;
    }
    List<T> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode n = node.get(i);
      String p = element(path, i);
      if (n.isNull()) {
        problems.nullValue(p);
        continue;
      }
      T value = element.apply(n, p);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /** A map of string to string, as every map of the model is. */
  static Map<String, String> map(JsonNode node, String path, Problems problems) {
    if (!node.isObject()) {
      wrongType(node, path, problems, "an object of string values");
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String p = entry(path, e.getKey());
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        out.put(e.getKey(), v.textValue());
      } else if (v.isNumber() || v.isBoolean()) {
        // A common slip ("epochs": 10): say how to write it; numbers and booleans are not secrets.
        problems.add(p, Kind.WRONG_TYPE, "expected a string, got " + typeName(v) + "; write it as \""
            + abbreviate(v.asText()) + "\"");
      } else {
        wrongType(v, p, problems, "a string");
      }
    }
    return out;
  }

  private static void wrongType(JsonNode node, String path, Problems problems, String expected) {
    if (node.isNull()) {
      problems.nullValue(path);
      return;
    }
    problems.add(path, Kind.WRONG_TYPE, "expected " + expected + ", got " + typeName(node));
  }

  static String typeName(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "a list";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case BOOLEAN:
        return "a boolean";
      case NUMBER:
        return node.isIntegralNumber() ? "an integer (" + abbreviate(node.asText()) + ")"
            : "a number (" + abbreviate(node.asText()) + ")";
      case NULL:
        return "null";
      default:
        return node.getNodeType().name().toLowerCase();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
