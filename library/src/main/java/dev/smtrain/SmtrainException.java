package dev.smtrain;

/**
 * The base of every exception smtrain throws on purpose. Unchecked, as in the AWS SDK for Java v2.
 */
public class SmtrainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what went wrong and, where possible, how to fix it
   */
  public SmtrainException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what went wrong and, where possible, how to fix it
   * @param cause the underlying failure
   */
  public SmtrainException(String message, Throwable cause) {
    super(message, cause);
  }
}
