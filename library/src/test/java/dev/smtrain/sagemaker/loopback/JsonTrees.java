package dev.smtrain.sagemaker.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON tree comparison where numbers compare by value (an int 500 equals a long 500). */
public final class JsonTrees {

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonTrees() {}

  /**
   * Whether two trees hold the same members and values, in any member order.
   *
   * @param a one tree
   * @param b the other
   * @return {@code true} when equal
   */
  public static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }
}
