package dev.smtrain.executor;

import dev.smtrain.SmtrainException;

/** Thrown when there is no job of that name; mirrors SageMaker's ResourceNotFound. */
public class ResourceNotFoundException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message a person can act on.
   *
   * @param message what happened and what to do
   */
  public ResourceNotFoundException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ResourceNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
