package dev.smtrain.executor;

import dev.smtrain.model.TrainingJobDescription;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A handle on one training job, returned by {@link TrainingJobExecutor#submit}.
 */
public interface TrainingJob {

  /**
   * The job name.
   *
   * @return the {@code TrainingJobName}
   */
  String name();

  /**
   * The job's ARN.
   *
   * @return the {@code TrainingJobArn}
   */
  String arn();

  /**
   * The job's current description.
   *
   * @return the description
   */
  TrainingJobDescription describe();

  /** Asks the job to stop; see {@link TrainingJobExecutor#stop(String)}. */
  void stop();

  /**
   * Waits until the job has ended and returns its final description: {@code Completed}, {@code Failed} or
   * {@code Stopped}. A stopped or failed job is not an exception (as with SageMaker's
   * {@code TrainingJobCompletedOrStopped} waiter); look at {@code TrainingJobStatus} and {@code FailureReason}.
   *
   * @param timeout how long to wait at most
   * @return the final description
   * @throws TrainingJobTimeoutException when the job has not ended within {@code timeout}
   */
  TrainingJobDescription awaitCompletion(Duration timeout);

  /**
   * Adds a listener for status changes, metrics and log lines from now on.
   *
   * @param listener the listener
   * @return this handle
   */
  TrainingJob addListener(TrainingJobListener listener);

  /**
   * The job's log so far.
   *
   * @return the log lines
   */
  Stream<LogEvent> logs();
}
