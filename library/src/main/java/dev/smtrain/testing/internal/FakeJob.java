package dev.smtrain.testing.internal;

import dev.smtrain.executor.LogEvent;
import dev.smtrain.executor.MetricEvent;
import dev.smtrain.executor.StatusEvent;
import dev.smtrain.executor.TrainingJobListener;
import dev.smtrain.executor.internal.Descriptions;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.SecondaryStatusTransition;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.TrainingJobSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal: one job of the fake executor. Its state at any instant comes from its {@link Timeline}; listeners
 * are told of every segment, log line and metric up to the latest instant {@link #sync} was called with, in
 * time order, from the thread that moved the clock (the clock steps through {@link #nextEvent} instants).
 */
public final class FakeJob {

  private static final Logger LOG = LoggerFactory.getLogger(FakeJob.class);

  private final String name;
  private final String arn;
  private final CreateTrainingJobRequest request;
  private final Instant created;
  private final String stream;
  private final Map<String, Integer> instances;
  private final List<TrainingJobListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Timeline timeline;
  private int sentSegments;
  private int sentLines;
  private int sentMetrics;

  /**
   * A new job.
   *
   * @param request the accepted request
   * @param arn its ARN
   * @param created its creation time
   * @param timeline its planned life
   * @param instances instances it holds while active, by instance type
   * @param listeners listeners from the submission
   */
  public FakeJob(CreateTrainingJobRequest request, String arn, Instant created, Timeline timeline,
      Map<String, Integer> instances, List<TrainingJobListener> listeners) {
    this.name = request.trainingJobName().orElseThrow();
    this.arn = arn;
    this.request = request;
    this.created = created;
    this.timeline = timeline;
    this.instances = Map.copyOf(instances);
    this.stream = name + "/algo-1-" + created.getEpochSecond();
    this.listeners.addAll(listeners);
  }

  /** @return the name as submitted */
  public String name() {
    return name;
  }

  /** @return the ARN */
  public String arn() {
    return arn;
  }

  /** @return the request as submitted */
  public CreateTrainingJobRequest request() {
    return request;
  }

  /** @return instances held while active, by instance type */
  public Map<String, Integer> instances() {
    return instances;
  }

  /** @return when the job ends, empty when it runs until stopped */
  public Optional<Instant> end() {
    return timeline.end();
  }

  /**
   * Whether the job is running (not ended) at an instant.
   *
   * @param now the instant
   * @return {@code true} while active
   */
  public boolean isActiveAt(Instant now) {
    Optional<Instant> end = timeline.end();
    return end.isEmpty() || end.get().isAfter(now);
  }

  /**
   * Adds a listener; it hears of what happens from the next {@link #sync} on.
   *
   * @param listener the listener
   */
  public void addListener(TrainingJobListener listener) {
    listeners.add(listener);
  }

  /**
   * Stops the job at an instant; listeners hear of it at the clock's next tick.
   *
   * @param now the instant
   * @return whether the job was running and is now stopping
   */
  public synchronized boolean stop(Instant now) {
    Timeline before = timeline;
    timeline = before.stoppedAt(now);
    return timeline != before;
  }

  /**
   * When a listener next has something to hear of.
   *
   * @param after the current time
   * @return the instant of the next untold event, or null when there is none or no one listens
   */
  public synchronized Instant nextEvent(Instant after) {
    if (listeners.isEmpty()) {
      return null;
    }
    Timeline tl = timeline;
    Instant next = null;
    if (sentSegments < tl.segments().size()) {
      next = tl.segments().get(sentSegments).start();
    }
    if (sentLines < tl.lines().size()) {
      next = earlier(next, tl.lines().get(sentLines).time());
    }
    if (sentMetrics < tl.metrics().size()) {
      next = earlier(next, tl.metrics().get(sentMetrics).time());
    }
    return next;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /**
   * Tells listeners of everything up to an instant that they have not heard of, in time order.
   *
   * @param now the instant
   */
  public synchronized void sync(Instant now) {
    while (true) {
      Timeline tl = timeline; // re-read: a listener may have stopped the job
      List<Timeline.Segment> segs = tl.segments();
      List<Timeline.Line> lines = tl.lines();
      List<Timeline.Metric> metrics = tl.metrics();
      Instant s = sentSegments < segs.size() ? segs.get(sentSegments).start() : null;
      Instant l = sentLines < lines.size() ? lines.get(sentLines).time() : null;
      Instant m = sentMetrics < metrics.size() ? metrics.get(sentMetrics).time() : null;
      if (s != null && !s.isAfter(now) && (l == null || !l.isBefore(s)) && (m == null || !m.isBefore(s))) {
        Timeline.Segment seg = segs.get(sentSegments++);
        StatusEvent e = new StatusEvent(name, Descriptions.primaryOf(seg.status()), seg.status(), seg.message(),
            seg.start());
        for (TrainingJobListener x : listeners) {
          call(() -> x.onStatusChange(e));
        }
      } else if (l != null && !l.isAfter(now) && (m == null || !m.isBefore(l))) {
        Timeline.Line line = lines.get(sentLines++);
        LogEvent e = new LogEvent(name, stream, line.time(), line.message());
        for (TrainingJobListener x : listeners) {
          call(() -> x.onLogLine(e));
        }
      } else if (m != null && !m.isAfter(now)) {
        Timeline.Metric metric = metrics.get(sentMetrics++);
        MetricEvent e = new MetricEvent(name, metric.name(), metric.value(), metric.time());
        for (TrainingJobListener x : listeners) {
          call(() -> x.onMetric(e));
        }
      } else {
        return;
      }
    }
  }

  private void call(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("a listener of training job '{}' threw; ignored", name, e);
    }
  }

  /**
   * The job's log up to an instant.
   *
   * @param now the instant
   * @return the lines
   */
  public Stream<LogEvent> logs(Instant now) {
    return timeline.lines().stream().filter(l -> !l.time().isAfter(now))
        .map(l -> new LogEvent(name, stream, l.time(), l.message()));
  }

  /**
   * The {@code ListTrainingJobs} summary at an instant.
   *
   * @param now the instant
   * @return the summary
   */
  public TrainingJobSummary summary(Instant now) {
    Timeline tl = timeline;
    int n = tl.reached(now);
    Timeline.Segment current = tl.segments().get(n - 1);
    TrainingJobStatus status = Descriptions.primaryOf(current.status());
    TrainingJobSummary.Builder b = TrainingJobSummary.builder().trainingJobName(name).trainingJobArn(arn)
        .creationTime(created).lastModifiedTime(current.start()).trainingJobStatus(status);
    if (Descriptions.isTerminal(status)) {
      b.trainingEndTime(current.start());
    }
    return b.build();
  }

  /**
   * The {@code DescribeTrainingJob} response at an instant.
   *
   * @param now the instant
   * @return the description
   */
  public TrainingJobDescription describe(Instant now) {
    Timeline tl = timeline;
    int n = tl.reached(now);
    List<Timeline.Segment> segs = tl.segments();
    Timeline.Segment current = segs.get(n - 1);
    TrainingJobStatus status = Descriptions.primaryOf(current.status());
    boolean ended = Descriptions.isTerminal(status);
    List<SecondaryStatusTransition> transitions = new ArrayList<>(n);
    Instant trainingStart = null;
    long billable = 0;
    for (int i = 0; i < n; i++) {
      Timeline.Segment s = segs.get(i);
      Instant next = i + 1 < n ? segs.get(i + 1).start() : (Timeline.isTerminal(s.status()) ? s.start() : null);
      transitions.add(SecondaryStatusTransition.builder().status(s.status()).startTime(s.start())
          .endTime(Optional.ofNullable(next)).statusMessage(s.message()).build());
      if (s.status() == SecondaryStatus.DOWNLOADING && trainingStart == null) {
        trainingStart = s.start();
      }
      if (next != null && (s.status() == SecondaryStatus.DOWNLOADING || s.status() == SecondaryStatus.TRAINING
          || s.status() == SecondaryStatus.UPLOADING)) {
        billable += Duration.between(s.start(), next).getSeconds();
      }
    }
    TrainingJobDescription.Builder b = Descriptions.fromRequest(request).trainingJobArn(arn)
        .trainingJobStatus(status).secondaryStatus(current.status()).creationTime(created)
        .lastModifiedTime(current.start()).secondaryStatusTransitions(transitions)
        .trainingStartTime(Optional.ofNullable(trainingStart));
    if (ended) {
      Instant end = current.start();
      b.trainingEndTime(end);
      b.trainingTimeInSeconds(trainingStart == null ? 0 : (int) Duration.between(trainingStart, end).getSeconds());
      b.billableTimeInSeconds((int) billable);
      tl.failureReason().filter(r -> status == TrainingJobStatus.FAILED).ifPresent(b::failureReason);
      if (status != TrainingJobStatus.FAILED) {
        tl.modelArtifacts().ifPresent(uri -> b.modelArtifacts(a -> a.s3ModelArtifacts(uri)));
      }
      List<MetricData> finals = new ArrayList<>();
      for (Timeline.Metric m : tl.metrics()) {
        finals.add(MetricData.builder().metricName(m.name()).value((float) m.value()).timestamp(m.time()).build());
      }
      if (!finals.isEmpty()) {
        b.finalMetricDataList(finals);
      }
    }
    return b.build();
  }
}
