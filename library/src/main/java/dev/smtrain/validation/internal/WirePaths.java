package dev.smtrain.validation.internal;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * API paths in wire names, as the JSON reader writes them: {@code InputDataConfig[2].DataSource.S3Uri},
 * {@code HyperParameters[learning_rate]}, members of the request without prefix, {@code ""} for the
 * request. List indexes count from 0. A map key longer than {@value #MAX_KEY} characters is shortened in
 * the path (its length is what is wrong with it, and the path stays readable).
 */
public final class WirePaths {

  /** The longest map key written in full in a path. */
  static final int MAX_KEY = 64;

  private WirePaths() {}

  /**
   * The wire name of a model accessor: its first letter upper-cased.
   *
   * @param accessor the accessor name, such as {@code s3Uri}
   * @return the wire name, such as {@code S3Uri}
   */
  public static String wireName(String accessor) {
    return accessor.isEmpty() ? accessor : Character.toUpperCase(accessor.charAt(0)) + accessor.substring(1);
  }

  /**
   * A member's path.
   *
   * @param parent the parent's path, empty for the request
   * @param member the member's wire name
   * @return the path
   */
  public static String member(String parent, String member) {
    return parent.isEmpty() ? member : parent + "." + member;
  }

  /**
   * A list element's path.
   *
   * @param list the list's path
   * @param index the index, from 0
   * @return the path
   */
  public static String element(String list, int index) {
    return list + "[" + index + "]";
  }

  /**
   * A map entry's path.
   *
   * @param map the map's path
   * @param key the key
   * @return the path
   */
  public static String entry(String map, String key) {
    return map + "[" + shortKey(key) + "]";
  }

  /**
   * A name (not a secret) quoted for a message, shortened when long.
   *
   * @param name the name
   * @return {@code 'name'}
   */
  public static String quoted(String name) {
    return "'" + shortKey(name) + "'";
  }

  static String shortKey(Object key) {
    String k = String.valueOf(key);
    return k.length() <= MAX_KEY ? k : k.substring(0, MAX_KEY) + "...(" + k.length() + " characters)";
  }

  /**
   * The wire path of a Jakarta Validation property path whose nodes carry wire names.
   *
   * @param path the property path
   * @return the API path
   */
  static String of(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        out.append('[').append(node.getIndex() != null ? node.getIndex().toString() : shortKey(node.getKey()))
            .append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(node.getName());
      }
    }
    return out.toString();
  }
}
