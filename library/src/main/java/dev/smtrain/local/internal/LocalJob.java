package dev.smtrain.local.internal;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local job's state: status and its transitions, timestamps, log, metrics, listeners, and the future that
 * completes with the final description. Thread-safe: the runner thread and the engine's log threads write, any
 * thread reads. Listeners are called under one lock, so they see one job's events in order.
 */
public final class LocalJob {

  private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);

  private final String name;
  private final String arn;
  private final CreateTrainingJobRequest request;
  private final Clock clock;
  private final Instant creationTime;
  private final List<TrainingJobListener> listeners = new CopyOnWriteArrayList<>();
  private final Object dispatch = new Object();
  private final CompletableFuture<TrainingJobDescription> done = new CompletableFuture<>();
  private final JobSignals signals = new JobSignals();

  private TrainingJobStatus status = TrainingJobStatus.IN_PROGRESS;
  private SecondaryStatus secondaryStatus = SecondaryStatus.STARTING;
  private final List<SecondaryStatusTransition> transitions = new ArrayList<>();
  private Instant lastModifiedTime;
  private Instant trainingStartTime;
  private Instant trainingEndTime;
  private String failureReason;
  private String modelArtifacts;
  private final List<LogEvent> logs = new ArrayList<>();
  private final List<MetricEvent> metrics = new ArrayList<>();
  private final Map<String, MetricEvent> lastMetric = new LinkedHashMap<>();

  /**
   * A new job; call {@link #transition} with {@code InProgress}/{@code Starting} once it is registered.
   *
   * @param request the validated request
   * @param arn the job's ARN
   * @param clock the executor's clock
   * @param listeners listeners from the submit call
   */
  public LocalJob(CreateTrainingJobRequest request, String arn, Clock clock, List<TrainingJobListener> listeners) {
    this.request = request;
    this.name = request.trainingJobName().orElseThrow();
    this.arn = arn;
    this.clock = clock;
    this.creationTime = clock.instant();
    this.lastModifiedTime = creationTime;
    this.listeners.addAll(listeners);
  }

  public String name() {
    return name;
  }

  public String arn() {
    return arn;
  }

  public CreateTrainingJobRequest request() {
    return request;
  }

  public Instant creationTime() {
    return creationTime;
  }

  public Clock clock() {
    return clock;
  }

  /** Stop requests and container exits, shared with the runner. */
  public JobSignals signals() {
    return signals;
  }

  /** Completes with the final description. */
  public CompletableFuture<TrainingJobDescription> done() {
    return done;
  }

  public void addListener(TrainingJobListener listener) {
    listeners.add(listener);
  }

  /**
   * Moves to a new status; closes the open transition and opens one for {@code secondary} (or replaces the
   * message when the secondary status is unchanged).
   */
  public void transition(TrainingJobStatus newStatus, SecondaryStatus secondary, String message) {
    StatusEvent event;
    synchronized (this) {
      Instant now = clock.instant();
      boolean sameSecondary = !transitions.isEmpty() && secondary == secondaryStatus;
      status = newStatus;
      secondaryStatus = secondary;
      lastModifiedTime = now;
      int last = transitions.size() - 1;
      if (sameSecondary) {
        transitions.set(last, transitions.get(last).toBuilder().statusMessage(message).build());
      } else {
        if (last >= 0) {
          transitions.set(last, transitions.get(last).toBuilder().endTime(now).build());
        }
        SecondaryStatusTransition.Builder next = SecondaryStatusTransition.builder().status(secondary)
            .startTime(now).statusMessage(message);
        if (isTerminal(newStatus)) {
          next.endTime(now);
        }
        transitions.add(next.build());
      }
      event = new StatusEvent(name, newStatus, secondary, message, now);
    }
    LOG.debug("training job {}: {}/{} {}", name, newStatus.value(), secondary.value(), message);
    notify(l -> l.onStatusChange(event));
  }

  /** The containers started. */
  public synchronized void trainingStarted() {
    trainingStartTime = clock.instant();
  }

  /** The containers exited. */
  public synchronized void trainingEnded() {
    if (trainingStartTime != null && trainingEndTime == null) {
      trainingEndTime = clock.instant();
    }
  }

  public synchronized Optional<Instant> trainingStartTime() {
    return Optional.ofNullable(trainingStartTime);
  }

  public synchronized void failureReason(String reason) {
    this.failureReason = reason;
  }

  public synchronized void modelArtifacts(String uri) {
    this.modelArtifacts = uri;
  }

  public synchronized TrainingJobStatus status() {
    return status;
  }

  public synchronized SecondaryStatus secondaryStatus() {
    return secondaryStatus;
  }

  /** Records a log line and tells the listeners. */
  public void log(LogEvent event) {
    synchronized (this) {
      logs.add(event);
    }
    notify(l -> l.onLogLine(event));
  }

  /** Records a metric value and tells the listeners. */
  public void metric(MetricEvent event) {
    synchronized (this) {
      metrics.add(event);
      lastMetric.put(event.metricName(), event);
    }
    notify(l -> l.onMetric(event));
  }

  public synchronized List<LogEvent> logs() {
    return List.copyOf(logs);
  }

  /** Every metric value read so far, in the order read: the time series. */
  public synchronized List<MetricEvent> metrics() {
    return List.copyOf(metrics);
  }

  /** The description as {@code DescribeTrainingJob} would return it now. */
  public synchronized TrainingJobDescription describe() {
    return Descriptions.describe(this, new Snapshot(status, secondaryStatus, List.copyOf(transitions),
        lastModifiedTime, trainingStartTime, trainingEndTime, failureReason, modelArtifacts,
        List.copyOf(lastMetric.values())));
  }

  /** Immutable view of the mutable state, for {@link Descriptions}. */
  record Snapshot(TrainingJobStatus status, SecondaryStatus secondaryStatus,
      List<SecondaryStatusTransition> transitions, Instant lastModifiedTime, Instant trainingStartTime,
      Instant trainingEndTime, String failureReason, String modelArtifacts, List<MetricEvent> finalMetrics) {}

  static boolean isTerminal(TrainingJobStatus s) {
    return dev.smtrain.executor.internal.Descriptions.isTerminal(s);
  }

  private void notify(Consumer<TrainingJobListener> call) {
    synchronized (dispatch) {
      for (TrainingJobListener l : listeners) {
        try {
          call.accept(l);
        } catch (RuntimeException e) {
          LOG.warn("a listener of training job {} threw; ignored", name, e);
        }
      }
    }
  }
}
