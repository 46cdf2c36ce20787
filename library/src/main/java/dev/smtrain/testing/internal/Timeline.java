package dev.smtrain.testing.internal;

import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.testing.FakeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Internal: the whole life of a fake job, planned at submission: its secondary-status segments with their
 * start times, its log lines and metric values. The state at any instant is the prefix that has started.
 * Immutable; stopping a job produces a new, truncated timeline.
 */
public final class Timeline {

  /** Time in {@code Stopping} before {@code Stopped}. */
  public static final Duration STOPPING_TIME = FakeOutcome.STOPPING_TIME;

  /**
   * One secondary status, from its start to the next segment's start.
   *
   * @param status the secondary status
   * @param start when it began
   * @param message the transition's message
   */
  public record Segment(SecondaryStatus status, Instant start, String message) {}

  /**
   * One log line.
   *
   * @param time when it was written
   * @param message the line
   */
  public record Line(Instant time, String message) {}

  /**
   * One metric value.
   *
   * @param name the metric name
   * @param value the value
   * @param time when it was reported
   */
  public record Metric(String name, double value, Instant time) {}

  private final List<Segment> segments;
  private final List<Line> lines;
  private final List<Metric> metrics;
  private final String failureReason;
  private final String modelArtifacts;

  Timeline(List<Segment> segments, List<Line> lines, List<Metric> metrics, String failureReason,
      String modelArtifacts) {
    this.segments = List.copyOf(segments);
    this.lines = List.copyOf(lines);
    this.metrics = List.copyOf(metrics);
    this.failureReason = failureReason;
    this.modelArtifacts = modelArtifacts;
  }

  /** @return every segment, the last one terminal when the job ends */
  public List<Segment> segments() {
    return segments;
  }

  /** @return every log line, in time order */
  public List<Line> lines() {
    return lines;
  }

  /** @return every metric value, in time order */
  public List<Metric> metrics() {
    return metrics;
  }

  /** @return the {@code FailureReason}, when the job fails */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  /** @return the model artifact URI, when the job ends having trained */
  public Optional<String> modelArtifacts() {
    return Optional.ofNullable(modelArtifacts);
  }

  /** @return when the job ends (its terminal segment starts), empty when it never ends by itself */
  public Optional<Instant> end() {
    Segment last = segments.get(segments.size() - 1);
    return isTerminal(last.status()) ? Optional.of(last.start()) : Optional.empty();
  }

  /**
   * How many segments have started at an instant (at least one: the job starts at its creation).
   *
   * @param now the instant
   * @return the count
   */
  public int reached(Instant now) {
    int n = 0;
    while (n < segments.size() && !segments.get(n).start().isAfter(now)) {
      n++;
    }
    return Math.max(n, 1);
  }

  /**
   * This timeline with a {@code StopTrainingJob} at an instant: {@code Stopping} then {@code Stopped}.
   * A job that has ended or is already stopping is left as it is.
   *
   * @param at when the stop was asked for
   * @return the new timeline, or this one
   */
  public Timeline stoppedAt(Instant at) {
    int n = reached(at);
    SecondaryStatus current = segments.get(n - 1).status();
    if (isTerminal(current) || current == SecondaryStatus.STOPPING) {
      return this;
    }
    List<Segment> s = new ArrayList<>(segments.subList(0, n));
    s.add(new Segment(SecondaryStatus.STOPPING, at, "Stopping the training job"));
    s.add(new Segment(SecondaryStatus.STOPPED, at.plus(STOPPING_TIME), "Training job stopped"));
    boolean trained = s.stream().anyMatch(g -> g.status() == SecondaryStatus.TRAINING);
    return new Timeline(s, upTo(lines, at, Line::time), upTo(metrics, at, Metric::time), null,
        trained ? modelArtifacts : null);
  }

  private static <T> List<T> upTo(List<T> items, Instant at, java.util.function.Function<T, Instant> time) {
    List<T> out = new ArrayList<>();
    for (T t : items) {
      if (!time.apply(t).isAfter(at)) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Whether a secondary status ends a job.
   *
   * @param s the status
   * @return {@code true} for Completed, Failed, Stopped, MaxRuntimeExceeded and MaxWaitTimeExceeded
   */
  public static boolean isTerminal(SecondaryStatus s) {
    return s == SecondaryStatus.COMPLETED || s == SecondaryStatus.FAILED || s == SecondaryStatus.STOPPED
        || s == SecondaryStatus.MAX_RUNTIME_EXCEEDED || s == SecondaryStatus.MAX_WAIT_TIME_EXCEEDED;
  }
}
