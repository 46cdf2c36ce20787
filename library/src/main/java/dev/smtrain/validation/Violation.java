package dev.smtrain.validation;

import java.util.Objects;

/**
 * One problem with a request: where (the API path in wire names, such as
 * {@code InputDataConfig[2].DataSource.S3DataSource.S3Uri} or {@code HyperParameters[learning_rate]}; empty
 * for the request as a whole), a stable code for scripts, the severity, and a message stating the limit and
 * what was found. Messages never repeat a value that may be a secret.
 */
public final class Violation {

  private final String path;
  private final String code;
  private final Severity severity;
  private final String message;

  private Violation(String path, String code, Severity severity, String message) {
    this.path = Objects.requireNonNull(path, "path");
    this.code = Objects.requireNonNull(code, "code");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.message = Objects.requireNonNull(message, "message");
  }

  /**
   * A violation.
   *
   * @param path the API path, empty for the whole request
   * @param code a stable code, such as {@code string.too-long}
   * @param severity the severity
   * @param message what the limit is and what was found
   * @return the violation
   */
  public static Violation of(String path, String code, Severity severity, String message) {
    return new Violation(path, code, severity, message);
  }

  /**
   * An error.
   *
   * @param path the API path
   * @param code the code
   * @param message the message
   * @return the violation
   */
  public static Violation error(String path, String code, String message) {
    return new Violation(path, code, Severity.ERROR, message);
  }

  /**
   * A warning.
   *
   * @param path the API path
   * @param code the code
   * @param message the message
   * @return the violation
   */
  public static Violation warning(String path, String code, String message) {
    return new Violation(path, code, Severity.WARNING, message);
  }

  /**
   * The API path in wire names; empty for the request as a whole.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * A stable code for scripts.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The severity.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }

  /**
   * What the limit is and what was found.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * Whether this is an {@link Severity#ERROR}.
   *
   * @return {@code true} for an error
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Violation)) {
      return false;
    }
    Violation v = (Violation) o;
    return path.equals(v.path) && code.equals(v.code) && severity == v.severity && message.equals(v.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, code, severity, message);
  }

  /** {@code path: message (SEVERITY)}, the command line's format. */
  @Override
  public String toString() {
    return (path.isEmpty() ? "(request)" : path) + ": " + message + " (" + severity + ")";
  }
}
