package dev.smtrain.sagemaker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtrain.SmtrainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Converts between JSON trees in the service's shape (PascalCase member names, as smtrain's JSON codec
 * writes them) and AWS SDK model objects, driven by the SDK's own field metadata ({@link SdkPojo#sdkFields()}).
 * Because every SDK field is visited, no member can be forgotten by hand: a member the SDK knows is
 * carried in both directions, and a member the SDK does not know is reported, never dropped silently.
 *
 * <p>Enum members are carried as their wire strings, so values unknown to the SDK version pass through.
 */
public final class SdkJson {

  /** How timestamps are written into JSON. */
  public enum Timestamps {
    /** ISO-8601 text, as smtrain's JSON codec and the AWS CLI write them. */
    ISO,
    /** Epoch seconds as a JSON number, as the JSON 1.1 wire protocol carries them. */
    EPOCH_SECONDS
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkJson() {}

  /**
   * Fills an SDK builder from a JSON object.
   *
   * @param node the JSON object
   * @param builder an SDK builder ({@code XRequest.builder()} is an {@link SdkPojo})
   * @param path the API path of {@code node}, for messages
   * @throws SmtrainException when the JSON has a member the SDK does not know or a value of the wrong type
   */
  public static void fill(JsonNode node, SdkPojo builder, String path) {
    if (!node.isObject()) {
      throw new SmtrainException(where(path) + "expected an object, got " + node.getNodeType());
    }
    Map<String, SdkField<?>> fields = byName(builder.sdkFields());
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> member = it.next();
      String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
      SdkField<?> field = fields.get(member.getKey());
      if (field == null) {
        throw new SmtrainException("the AWS SDK (" + shapeName(builder) + ") has no member " + memberPath
            + "; upgrade the AWS SDK to send it");
      }
      if (!member.getValue().isNull()) {
        field.set(builder, toSdk(member.getValue(), field, memberPath));
      }
    }
  }

  /**
   * Builds an SDK object from a JSON object.
   *
   * @param node the JSON object
   * @param builder a new SDK builder
   * @param <T> the SDK type
   * @return the built object
   */
  @SuppressWarnings("unchecked")
  public static <T> T build(JsonNode node, SdkPojo builder) {
    fill(node, builder, "");
    return ((software.amazon.awssdk.utils.builder.SdkBuilder<?, T>) builder).build();
  }

  /**
   * Writes every set member of an SDK object as JSON. Lists and maps the SDK never received (its
   * auto-construct placeholders) are left out; empty ones that were set are written.
   *
   * @param pojo the SDK object
   * @param timestamps how to write timestamps
   * @return the JSON object
   */
  public static ObjectNode toJson(SdkPojo pojo, Timestamps timestamps) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (isSet(value)) {
        out.set(field.locationName(), fromSdk(value, field, timestamps));
      }
    }
    return out;
  }

  /**
   * Whether an SDK member value was set: not null and not an auto-construct placeholder.
   *
   * @param value the value read from an SDK object
   * @return {@code true} when set
   */
  public static boolean isSet(Object value) {
    return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
  }

  private static Map<String, SdkField<?>> byName(List<SdkField<?>> fields) {
    Map<String, SdkField<?>> out = new HashMap<>();
    for (SdkField<?> f : fields) {
      out.put(f.locationName(), f);
    }
    return out;
  }

  private static Object toSdk(JsonNode v, SdkField<?> field, String path) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return requireText(v, path);
    } else if (type == MarshallingType.INTEGER) {
      requireNumber(v, path, true);
      return v.intValue();
    } else if (type == MarshallingType.LONG) {
      requireNumber(v, path, true);
      return v.longValue();
    } else if (type == MarshallingType.FLOAT) {
      requireNumber(v, path, false);
      return v.floatValue();
    } else if (type == MarshallingType.DOUBLE) {
      requireNumber(v, path, false);
      return v.doubleValue();
    } else if (type == MarshallingType.BIG_DECIMAL) {
      requireNumber(v, path, false);
      return v.decimalValue();
    } else if (type == MarshallingType.BOOLEAN) {
      if (!v.isBoolean()) {
        throw wrong(path, "true or false", v);
      }
      return v.booleanValue();
    } else if (type == MarshallingType.INSTANT) {
      return instant(v, path);
    } else if (type == MarshallingType.SDK_BYTES) {
      try {
        return SdkBytes.fromByteArray(v.binaryValue());
      } catch (java.io.IOException e) {
        throw wrong(path, "base64 text", v);
      }
    } else if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(v, nested, path);
      return ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) nested).build();
    } else if (type == MarshallingType.LIST) {
      if (!v.isArray()) {
        throw wrong(path, "a list", v);
      }
      SdkField<?> element = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        out.add(toSdk(v.get(i), element, path + "[" + i + "]"));
      }
      return out;
    } else if (type == MarshallingType.MAP) {
      if (!v.isObject()) {
        throw wrong(path, "an object", v);
      }
      SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      v.fields().forEachRemaining(e -> out.put(e.getKey(), toSdk(e.getValue(), valueField,
          path + "[" + e.getKey() + "]")));
      return out;
    }
    throw new SmtrainException(where(path) + "the AWS SDK member type " + type + " is not supported");
  }

  private static JsonNode fromSdk(Object value, SdkField<?> field, Timestamps timestamps) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return NODES.textNode(value.toString());
    } else if (type == MarshallingType.INTEGER) {
      return NODES.numberNode((Integer) value);
    } else if (type == MarshallingType.LONG) {
      return NODES.numberNode((Long) value);
    } else if (type == MarshallingType.FLOAT) {
      return NODES.numberNode((Float) value);
    } else if (type == MarshallingType.DOUBLE) {
      return NODES.numberNode((Double) value);
    } else if (type == MarshallingType.BIG_DECIMAL) {
      return NODES.numberNode((BigDecimal) value);
    } else if (type == MarshallingType.BOOLEAN) {
      return NODES.booleanNode((Boolean) value);
    } else if (type == MarshallingType.INSTANT) {
      Instant instant = (Instant) value;
      if (timestamps == Timestamps.ISO) {
        return NODES.textNode(instant.toString());
      }
      BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
          .add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
      return NODES.numberNode(seconds.scale() < 0 ? seconds.setScale(0) : seconds);
    } else if (type == MarshallingType.SDK_BYTES) {
      return NODES.binaryNode(((SdkBytes) value).asByteArray());
    } else if (type == MarshallingType.SDK_POJO) {
      return toJson((SdkPojo) value, timestamps);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> element = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode out = NODES.arrayNode();
      for (Object e : (Collection<?>) value) {
        out.add(fromSdk(e, element, timestamps));
      }
      return out;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      ObjectNode out = NODES.objectNode();
      ((Map<?, ?>) value).forEach((k, e) -> out.set(k.toString(), fromSdk(e, valueField, timestamps)));
      return out;
    }
    throw new SmtrainException("the AWS SDK member type " + type + " of " + field.locationName()
        + " is not supported");
  }

  private static Instant instant(JsonNode v, String path) {
    if (v.isNumber()) {
      BigDecimal seconds = v.decimalValue();
      long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
      int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
      return Instant.ofEpochSecond(whole, nanos);
    }
    if (v.isTextual()) {
      try {
        return Instant.parse(v.textValue());
      } catch (DateTimeParseException e) {
        throw wrong(path, "an ISO-8601 timestamp", v);
      }
    }
    throw wrong(path, "a timestamp", v);
  }

  private static String requireText(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw wrong(path, "a string", v);
    }
    return v.textValue();
  }

  private static void requireNumber(JsonNode v, String path, boolean integral) {
    if (integral ? !v.isIntegralNumber() : !v.isNumber()) {
      throw wrong(path, integral ? "an integer" : "a number", v);
    }
  }

  private static SmtrainException wrong(String path, String expected, JsonNode v) {
    // Never the value itself: it may be a secret.
    return new SmtrainException(where(path) + "expected " + expected + ", got " + v.getNodeType().toString()
        .toLowerCase(java.util.Locale.ROOT));
  }

  private static String shapeName(SdkPojo builder) {
    Class<?> outer = builder.getClass().getEnclosingClass();
    return (outer == null ? builder.getClass() : outer).getSimpleName();
  }

  private static String where(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }
}
