package dev.smtrain.testing.internal;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Internal: the handle of a fake job. Waiting moves the virtual clock: to the job's end when that is within
 * the timeout, else by the timeout (and then throws).
 */
public final class FakeJobHandle implements TrainingJob {

  private final FakeJob job;
  private final VirtualClock clock;
  private final Runnable stop;

  /**
   * A handle.
   *
   * @param job the job
   * @param clock the fake's clock
   * @param stop stops the job through the executor
   */
  public FakeJobHandle(FakeJob job, VirtualClock clock, Runnable stop) {
    this.job = job;
    this.clock = clock;
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
    return job.describe(clock.instant());
  }

  @Override
  public void stop() {
    stop.run();
  }

  @Override
  public TrainingJobDescription awaitCompletion(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("awaitCompletion: timeout must not be negative, was " + timeout);
    }
    Instant deadline = clock.instant().plus(timeout);
    Instant end = job.end().orElse(null);
    if (end != null && !end.isAfter(deadline)) {
      clock.advanceTo(end);
      return job.describe(clock.instant());
    }
    clock.advanceTo(deadline);
    Instant now = clock.instant();
    TrainingJobDescription d = job.describe(now);
    if (job.end().filter(e -> !e.isAfter(now)).isPresent()) {
      return d;
    }
    throw new TrainingJobTimeoutException("training job '" + job.name() + "' did not end within " + timeout
        + " of virtual time; it is " + d.trainingJobStatus().orElseThrow().value() + "/"
        + d.secondaryStatus().orElseThrow().value() + " and keeps running: stop it, wait longer, or script a"
        + " shorter FakeOutcome");
  }

  @Override
  public TrainingJob addListener(TrainingJobListener listener) {
    job.addListener(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  @Override
  public Stream<LogEvent> logs() {
    return job.logs(clock.instant());
  }

  @Override
  public String toString() {
    return "FakeTrainingJob[" + job.name() + "]";
  }
}
