package dev.smtrain.sagemaker.internal;

import dev.smtrain.SmtrainException;
import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.ResourceNotFoundException;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.internal.Descriptions;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one job until it ends: describes it on a backoff schedule, raises a status event for every new
 * {@code SecondaryStatusTransition} and every change of status, log events for new CloudWatch lines while
 * anyone listens, and metric events from {@code FinalMetricDataList} at the end. Ticks of one watch never
 * overlap, so one job's events arrive in order.
 */
public final class JobWatch {

  private static final Logger LOG = LoggerFactory.getLogger(JobWatch.class);
  /** Consecutive failed describes after which the watch gives up (the SDK has retried each already). */
  private static final int MAX_FAILURES = 5;

  private final String name;
  private final JobBackend backend;
  private final ScheduledExecutorService scheduler;
  private final Polling polling;
  private final Clock clock;
  private final List<TrainingJobListener> listeners;
  private final CompletableFuture<TrainingJobDescription> done = new CompletableFuture<>();
  private volatile TrainingJobDescription last;
  private int seenTransitions;
  private TrainingJobStatus firedStatus;
  private SecondaryStatus firedSecondary;
  private CloudWatchLogReader logReader;
  private int failures;
  private Duration interval;

  /**
   * A watch, not yet started.
   *
   * @param name the job
   * @param backend describes the job and reads its log
   * @param scheduler runs the ticks
   * @param polling the schedule
   * @param clock stamps events that have no time of their own
   * @param listeners the job handle's listeners (live list)
   */
  public JobWatch(String name, JobBackend backend, ScheduledExecutorService scheduler, Polling polling, Clock clock,
      List<TrainingJobListener> listeners) {
    this.name = Objects.requireNonNull(name, "name");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.polling = Objects.requireNonNull(polling, "polling");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.interval = polling.initial();
  }

  /** Describes the job now, then on the schedule. */
  public void start() {
    schedule(0);
  }

  /**
   * Completes when the job has ended, with its final description.
   *
   * @return the future
   */
  public CompletableFuture<TrainingJobDescription> done() {
    return done;
  }

  /**
   * The last description seen, or {@code null} before the first.
   *
   * @return the description
   */
  public TrainingJobDescription last() {
    return last;
  }

  /**
   * Ends the watch without a result (the executor is closing).
   *
   * @param reason why
   */
  public void cancel(String reason) {
    done.completeExceptionally(new SmtrainException("stopped watching training job '" + name + "': " + reason));
  }

  private void schedule(long delayNanos) {
    if (done.isDone()) {
      return;
    }
    try {
      scheduler.schedule(this::tick, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      cancel("the executor is closed");
    }
  }

  private void tick() {
    if (done.isDone()) {
      return;
    }
    TrainingJobDescription d;
    try {
      d = backend.describe(name);
      failures = 0;
    } catch (ResourceNotFoundException e) {
      done.completeExceptionally(e);
      return;
    } catch (RuntimeException e) {
      if (++failures >= MAX_FAILURES) {
        done.completeExceptionally(e);
        return;
      }
      LOG.debug("describing training job {} failed ({} in a row), trying again: {}", name, failures, e.toString());
      schedule(interval.toNanos());
      return;
    }
    last = d;
    fireStatus(d);
    boolean ended = isEnded(d);
    if (!listeners.isEmpty()) {
      fireLogs();
    }
    if (ended) {
      fireMetrics(d);
      done.complete(d);
      return;
    }
    Duration wait = interval;
    interval = polling.next(interval);
    schedule(wait.toNanos());
  }

  /**
   * Whether a description is final: {@code Completed}, {@code Failed} or {@code Stopped}.
   *
   * @param d the description
   * @return {@code true} when the job has ended
   */
  public static boolean isEnded(TrainingJobDescription d) {
    return Descriptions.isTerminal(d.trainingJobStatus().orElse(null));
  }

  private void fireStatus(TrainingJobDescription d) {
    TrainingJobStatus status = d.trainingJobStatus().orElse(null);
    List<SecondaryStatusTransition> transitions = d.hasSecondaryStatusTransitions()
        ? d.secondaryStatusTransitions() : List.of();
    for (int i = seenTransitions; i < transitions.size(); i++) {
      SecondaryStatusTransition t = transitions.get(i);
      SecondaryStatus secondary = t.status().orElse(null);
      TrainingJobStatus primary = i == transitions.size() - 1 && secondary == d.secondaryStatus().orElse(null)
          ? status : primaryOf(secondary, status);
      emitStatus(primary, secondary, t.statusMessage().orElse(""), t.startTime().orElse(clock.instant()));
    }
    seenTransitions = Math.max(seenTransitions, transitions.size());
    SecondaryStatus secondary = d.secondaryStatus().orElse(null);
    if (status != firedStatus || secondary != firedSecondary) {
      String message = transitions.isEmpty() ? "" : transitions.get(transitions.size() - 1).statusMessage().orElse("");
      emitStatus(status, secondary, message, d.lastModifiedTime().orElse(clock.instant()));
    }
  }

  private void emitStatus(TrainingJobStatus status, SecondaryStatus secondary, String message, Instant time) {
    if (status == firedStatus && secondary == firedSecondary) {
      return;
    }
    firedStatus = status;
    firedSecondary = secondary;
    StatusEvent event = new StatusEvent(name, status, secondary, message, time);
    notifyAll(l -> l.onStatusChange(event));
  }

  /** The primary status that goes with a secondary status seen in the transitions' history. */
  static TrainingJobStatus primaryOf(SecondaryStatus secondary, TrainingJobStatus current) {
    if (secondary == null) {
      return current;
    }
    TrainingJobStatus paired = Descriptions.primaryOf(secondary);
    // A failed job's history may end in Stopped; the job stays Failed.
    return paired == TrainingJobStatus.STOPPED && current == TrainingJobStatus.FAILED ? current : paired;
  }

  private void fireLogs() {
    try {
      if (logReader == null) {
        logReader = backend.logReader(name);
      }
      for (LogEvent line : logReader.readNew()) {
        notifyAll(l -> l.onLogLine(line));
      }
    } catch (RuntimeException e) {
      // The log is a courtesy while waiting: a missing permission or endpoint must not fail the wait.
      LOG.debug("reading the CloudWatch log of training job {} failed: {}", name, e.toString());
    }
  }

  private void fireMetrics(TrainingJobDescription d) {
    if (!d.hasFinalMetricDataList()) {
      return;
    }
    for (MetricData m : d.finalMetricDataList()) {
      if (m.metricName().isPresent() && m.value().isPresent()) {
        MetricEvent event = new MetricEvent(name, m.metricName().get(), m.value().get(),
            m.timestamp().orElse(d.trainingEndTime().orElse(clock.instant())));
        notifyAll(l -> l.onMetric(event));
      }
    }
  }

  private void notifyAll(Consumer<TrainingJobListener> call) {
    for (TrainingJobListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("a listener of training job {} threw; ignored", name, e);
      }
    }
  }
}
