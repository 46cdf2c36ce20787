package dev.smtrain.executor;

import dev.smtrain.SmtrainException;

/** Thrown when a quota (concurrent jobs, instances of a type) would be exceeded; mirrors SageMaker's ResourceLimitExceeded. */
public class ResourceLimitExceededException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message a person can act on.
   *
   * @param message what happened and what to do
   */
  public ResourceLimitExceededException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ResourceLimitExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
