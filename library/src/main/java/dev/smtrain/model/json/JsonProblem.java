package dev.smtrain.model.json;

import java.util.Objects;

/**
 * One problem found while reading JSON: where (the API path in wire names, such as
 * {@code ResourceConfig.InstanceCount} or {@code HyperParameters[epochs]}; empty for the document itself),
 * what kind, and a message for a person. Messages never repeat the offending value of a string member,
 * which could be a secret.
 */
public final class JsonProblem {

  /** The kinds of reading problem. */
  public enum Kind {
    /** The text is not JSON (or has trailing content, or a duplicate member). */
    MALFORMED_JSON("json.malformed"),
    /** A member name the structure does not have. */
    UNKNOWN_MEMBER("json.unknown-member"),
    /** A value of the wrong JSON type, such as a string where a number belongs. */
    WRONG_TYPE("json.wrong-type"),
    /** A number that does not fit the member's type. */
    OUT_OF_RANGE("json.out-of-range"),
    /** A string that is not one of the enumeration's values. */
    UNKNOWN_ENUM_VALUE("json.unknown-enum-value"),
    /** An explicit JSON {@code null}. */
    NULL_VALUE("json.null");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /**
     * A stable code for scripts, such as {@code json.unknown-member}.
     *
     * @return the code
     */
    public String code() {
      return code;
    }
  }

  private final String path;
  private final Kind kind;
  private final String message;

  /**
   * A problem.
   *
   * @param path the API path
   * @param kind the kind
   * @param message the message
   */
  public JsonProblem(String path, Kind kind, String message) {
    this.path = Objects.requireNonNull(path, "path");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.message = Objects.requireNonNull(message, "message");
  }

  /**
   * The API path in wire names; empty for the document as a whole.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The kind of problem.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * A message a person can act on.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonProblem)) {
      return false;
    }
    JsonProblem p = (JsonProblem) o;
    return path.equals(p.path) && kind == p.kind && message.equals(p.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, kind, message);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(document)" : path) + ": " + message;
  }
}
