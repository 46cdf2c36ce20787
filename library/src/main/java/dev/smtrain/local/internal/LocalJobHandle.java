package dev.smtrain.local.internal;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.TrainingJobDescription;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** The {@link TrainingJob} handle of a local job. */
public final class LocalJobHandle implements TrainingJob {

  private final LocalJob job;
  private final Runnable stop;

  /**
   * A handle.
   *
   * @param job the job
   * @param stop what {@link #stop()} does (the executor's stop of this job)
   */
  public LocalJobHandle(LocalJob job, Runnable stop) {
    this.job = job;
    this.stop = stop;
  }

  @Override
  public String name() {
    return job.name();
  }

  @Override
  public String arn() {
    return job.arn();
  }

  @Override
  public TrainingJobDescription describe() {
    return job.describe();
  }

  @Override
  public void stop() {
    stop.run();
  }

  @Override
  public TrainingJobDescription awaitCompletion(Duration timeout) {
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE; // "forever"
    }
    try {
      return job.done().get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TrainingJobTimeoutException("training job " + job.name() + " did not end within " + timeout
          + "; it is " + job.status().value() + "/" + job.secondaryStatus().value() + " and keeps running");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrainingJobTimeoutException("interrupted while waiting for training job " + job.name());
    } catch (ExecutionException e) {
      throw new IllegalStateException("the local runner of training job " + job.name() + " failed", e.getCause());
    }
  }

  @Override
  public TrainingJob addListener(TrainingJobListener listener) {
    job.addListener(listener);
    return this;
  }

  @Override
  public Stream<LogEvent> logs() {
    return job.logs().stream();
  }
}
