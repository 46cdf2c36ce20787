package dev.smtrain.executor;

import dev.smtrain.SmtrainException;

/** Thrown when a job of that name already exists; mirrors SageMaker's ResourceInUse. */
public class ResourceInUseException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message a person can act on.
   *
   * @param message what happened and what to do
   */
  public ResourceInUseException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ResourceInUseException(String message, Throwable cause) {
    super(message, cause);
  }
}
