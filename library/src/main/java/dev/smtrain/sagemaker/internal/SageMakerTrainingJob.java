package dev.smtrain.sagemaker.internal;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.TrainingJob;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.TrainingJobTimeoutException;
import dev.smtrain.model.TrainingJobDescription;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A handle on a SageMaker training job; its watch starts with the first listener or wait. */
public final class SageMakerTrainingJob implements TrainingJob {

  private final String name;
  private final String arn;
  private final JobBackend backend;
  private final ScheduledExecutorService scheduler;
  private final Polling polling;
  private final Clock clock;
  private final Set<JobWatch> watches;
  private final List<TrainingJobListener> listeners = new CopyOnWriteArrayList<>();
  private JobWatch watch;

  /**
   * A handle.
   *
   * @param name the job name
   * @param arn the job ARN
   * @param backend the executor's operations
   * @param scheduler runs watches
   * @param polling the watch schedule
   * @param clock for events without a time of their own
   * @param watches the executor's running watches, cancelled when it closes
   */
  public SageMakerTrainingJob(String name, String arn, JobBackend backend, ScheduledExecutorService scheduler,
      Polling polling, Clock clock, Set<JobWatch> watches) {
    this.name = Objects.requireNonNull(name, "name");
    this.arn = Objects.requireNonNull(arn, "arn");
    this.backend = backend;
    this.scheduler = scheduler;
    this.polling = polling;
    this.clock = clock;
    this.watches = watches;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String arn() {
    return arn;
  }

  @Override
  public TrainingJobDescription describe() {
    return backend.describe(name);
  }

  @Override
  public void stop() {
    backend.stop(name);
  }

  @Override
  public TrainingJobDescription awaitCompletion(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    JobWatch w = watch();
    try {
      return w.done().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      stopWatchingIfUnobserved(w);
      TrainingJobDescription d = w.last();
      String status = d == null ? "not yet described"
          : d.trainingJobStatus().map(Object::toString).orElse("?") + "/"
              + d.secondaryStatus().map(Object::toString).orElse("?");
      throw new TrainingJobTimeoutException("training job '" + name + "' has not ended within " + timeout
          + "; it is still running (last status " + status + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmtrainException("interrupted while waiting for training job '" + name + "'", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new SmtrainException("waiting for training job '" + name + "' failed: " + cause, cause);
    }
  }

  @Override
  public TrainingJob addListener(TrainingJobListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    watch();
    return this;
  }

  @Override
  public Stream<LogEvent> logs() {
    return backend.logs(name).stream();
  }

  /** Nobody listens and the waiter gave up: stop polling; the next wait or listener starts afresh. */
  private synchronized void stopWatchingIfUnobserved(JobWatch w) {
    if (listeners.isEmpty() && watch == w) {
      w.cancel("nobody is waiting");
      watch = null;
    }
  }

  private synchronized JobWatch watch() {
    if (watch == null || (watch.done().isCompletedExceptionally() && !scheduler.isShutdown())) {
      JobWatch w = new JobWatch(name, backend, scheduler, polling, clock, listeners);
      watches.add(w);
      w.done().whenComplete((d, e) -> watches.remove(w));
      watch = w;
      w.start();
    }
    return watch;
  }
}
