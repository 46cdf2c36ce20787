package dev.smtrain.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a job on a {@link FakeExecutor} ends, scripted per job name or name pattern. Immutable; the
 * {@code with}/{@code running} methods return a changed copy.
 *
 * <pre>{@code
 * fake.script("churn-1", FakeOutcome.completes().withMetric("validation:auc", 0.91));
 * fake.script("churn-2", FakeOutcome.fails("AlgorithmError: out of memory"));
 * fake.scriptMatching("spot-.*", FakeOutcome.interrupted().resumingAfter(Duration.ofMinutes(5)));
 * }</pre>
 *
 * <p>Every job first spends {@link #STARTING_TIME} in {@code Starting} and {@link #DOWNLOADING_TIME} in
 * {@code Downloading}, then trains for {@link #trainingTime()}, then (when it completes) spends
 * {@link #UPLOADING_TIME} in {@code Uploading}. The request's {@code StoppingCondition} still applies: a job
 * that would train longer than {@code MaxRuntimeInSeconds} (default one day; time in {@code Training}) ends
 * {@code Stopped}/{@code MaxRuntimeExceeded}, after {@link #STOPPING_TIME} in {@code Stopping}; a managed Spot
 * job still running {@code MaxWaitTimeInSeconds} after its creation ends {@code Stopped}/{@code MaxWaitTimeExceeded}.
 */
public final class FakeOutcome {

  /** Time in {@code Starting}. */
  public static final Duration STARTING_TIME = Duration.ofSeconds(60);
  /** Time in {@code Downloading}. */
  public static final Duration DOWNLOADING_TIME = Duration.ofSeconds(20);
  /** Time in {@code Uploading}. */
  public static final Duration UPLOADING_TIME = Duration.ofSeconds(10);
  /** Time in {@code Stopping}. */
  public static final Duration STOPPING_TIME = Duration.ofSeconds(10);
  /** Default time in {@code Training}. */
  public static final Duration DEFAULT_TRAINING_TIME = Duration.ofMinutes(5);

  /** What happens at the end of training. */
  public enum Kind {
    /** Uploads the model and ends {@code Completed}. */
    COMPLETES,
    /** Ends {@code Failed} with a {@code FailureReason}. */
    FAILS,
    /** Trains until stopped or until its {@code StoppingCondition} ends it. */
    STAYS_IN_PROGRESS,
    /** Is interrupted (a reclaimed Spot instance) halfway through training. */
    INTERRUPTED
  }

  private final Kind kind;
  private final Duration trainingTime;
  private final String failureReason;
  private final Map<String, Double> metrics;
  private final String modelArtifacts;
  private final List<String> logLines;
  private final Duration resumeAfter;

  private FakeOutcome(Kind kind, Duration trainingTime, String failureReason, Map<String, Double> metrics,
      String modelArtifacts, List<String> logLines, Duration resumeAfter) {
    this.kind = kind;
    this.trainingTime = trainingTime;
    this.failureReason = failureReason;
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.modelArtifacts = modelArtifacts;
    this.logLines = List.copyOf(logLines);
    this.resumeAfter = resumeAfter;
  }

  private static FakeOutcome of(Kind kind) {
    return new FakeOutcome(kind, DEFAULT_TRAINING_TIME, null, Map.of(), null, List.of(), null);
  }

  /**
   * Trains for {@link #DEFAULT_TRAINING_TIME} and ends {@code Completed}; the default for unscripted jobs.
   *
   * @return the outcome
   */
  public static FakeOutcome completes() {
    return of(Kind.COMPLETES);
  }

  /**
   * Trains for a given time and ends {@code Completed} (or {@code MaxRuntimeExceeded}, if that is longer
   * than the request allows).
   *
   * @param trainingTime the time in {@code Training}
   * @return the outcome
   */
  public static FakeOutcome runsFor(Duration trainingTime) {
    return completes().runningFor(trainingTime);
  }

  /**
   * Trains, then ends {@code Failed} with a reason, such as {@code "AlgorithmError: out of memory"}.
   *
   * @param failureReason the {@code FailureReason}
   * @return the outcome
   */
  public static FakeOutcome fails(String failureReason) {
    Objects.requireNonNull(failureReason, "failureReason");
    return new FakeOutcome(Kind.FAILS, DEFAULT_TRAINING_TIME, failureReason, Map.of(), null, List.of(), null);
  }

  /**
   * Stays {@code InProgress}/{@code Training} until stopped, or until {@code MaxRuntimeInSeconds} ends it.
   *
   * @return the outcome
   */
  public static FakeOutcome staysInProgress() {
    return of(Kind.STAYS_IN_PROGRESS);
  }

  /**
   * Is interrupted halfway through training, as when Spot capacity is reclaimed, and stays
   * {@code InProgress}/{@code Interrupted}: until {@code MaxWaitTimeInSeconds} for a managed Spot job
   * ({@code Stopped}/{@code MaxWaitTimeExceeded}), until stopped otherwise. Use
   * {@link #resumingAfter(Duration)} for capacity that comes back.
   *
   * @return the outcome
   */
  public static FakeOutcome interrupted() {
    return of(Kind.INTERRUPTED);
  }

  /**
   * A copy that trains for a given time.
   *
   * @param trainingTime the time in {@code Training}, zero or more
   * @return the changed outcome
   */
  public FakeOutcome runningFor(Duration trainingTime) {
    Objects.requireNonNull(trainingTime, "trainingTime");
    if (trainingTime.isNegative()) {
      throw new IllegalArgumentException("FakeOutcome.runningFor: trainingTime must not be negative, was "
          + trainingTime);
    }
    return new FakeOutcome(kind, trainingTime, failureReason, metrics, modelArtifacts, logLines, resumeAfter);
  }

  /**
   * A copy that reports a final metric value (in {@code FinalMetricDataList}, as a metric event and a log line)
   * at the end of training.
   *
   * @param name the metric name, as in the request's {@code MetricDefinitions}
   * @param value the value
   * @return the changed outcome
   */
  public FakeOutcome withMetric(String name, double value) {
    Map<String, Double> m = new LinkedHashMap<>(metrics);
    m.put(Objects.requireNonNull(name, "name"), value);
    return new FakeOutcome(kind, trainingTime, failureReason, m, modelArtifacts, logLines, resumeAfter);
  }

  /**
   * A copy whose {@code ModelArtifacts.S3ModelArtifacts} is the given URI instead of
   * {@code <S3OutputPath>/<job>/output/model.tar.gz}.
   *
   * @param s3Uri the artifact URI
   * @return the changed outcome
   */
  public FakeOutcome withModelArtifacts(String s3Uri) {
    return new FakeOutcome(kind, trainingTime, failureReason, metrics, Objects.requireNonNull(s3Uri, "s3Uri"),
        logLines, resumeAfter);
  }

  /**
   * A copy that writes a log line (one second apart, from the start of training).
   *
   * @param line the line
   * @return the changed outcome
   */
  public FakeOutcome withLogLine(String line) {
    List<String> l = new ArrayList<>(logLines);
    l.add(Objects.requireNonNull(line, "line"));
    return new FakeOutcome(kind, trainingTime, failureReason, metrics, modelArtifacts, l, resumeAfter);
  }

  /**
   * A copy of an {@link #interrupted()} outcome whose capacity comes back after a while: the job restarts,
   * trains the remaining half and completes (unless {@code MaxWaitTimeInSeconds} ends it first).
   *
   * @param downtime how long the job stays {@code Interrupted}
   * @return the changed outcome
   * @throws IllegalStateException when this outcome is not {@link #interrupted()}
   */
  public FakeOutcome resumingAfter(Duration downtime) {
    Objects.requireNonNull(downtime, "downtime");
    if (kind != Kind.INTERRUPTED) {
      throw new IllegalStateException("FakeOutcome.resumingAfter applies to FakeOutcome.interrupted() only, not "
          + kind);
    }
    return new FakeOutcome(kind, trainingTime, failureReason, metrics, modelArtifacts, logLines, downtime);
  }

  /**
   * What happens at the end of training.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The time in {@code Training}.
   *
   * @return the duration
   */
  public Duration trainingTime() {
    return trainingTime;
  }

  /**
   * The {@code FailureReason} of a {@link Kind#FAILS} outcome.
   *
   * @return the reason, if any
   */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  /**
   * The final metric values, in the order added.
   *
   * @return metric name to value
   */
  public Map<String, Double> metrics() {
    return metrics;
  }

  /**
   * The artifact URI set with {@link #withModelArtifacts(String)}.
   *
   * @return the URI, if set
   */
  public Optional<String> modelArtifacts() {
    return Optional.ofNullable(modelArtifacts);
  }

  /**
   * The scripted log lines.
   *
   * @return the lines
   */
  public List<String> logLines() {
    return logLines;
  }

  /**
   * How long an {@link #interrupted()} job waits for capacity before resuming.
   *
   * @return the downtime, empty when it never resumes
   */
  public Optional<Duration> resumeAfter() {
    return Optional.ofNullable(resumeAfter);
  }

  @Override
  public String toString() {
    return "FakeOutcome[" + kind + ", training " + trainingTime
        + (failureReason == null ? "" : ", reason '" + failureReason + "'")
        + (metrics.isEmpty() ? "" : ", metrics " + metrics.keySet())
        + (resumeAfter == null ? "" : ", resuming after " + resumeAfter) + "]";
  }
}
