package dev.smtrain.executor;

import dev.smtrain.SmtrainException;

/** Thrown by {@link TrainingJob#awaitCompletion} when the job has not ended in time. The job keeps running. */
public class TrainingJobTimeoutException extends SmtrainException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message which job, how long was waited, and its last status
   */
  public TrainingJobTimeoutException(String message) {
    super(message);
  }
}
