package dev.smtrain.testing.internal;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.StoppingCondition;
import dev.smtrain.testing.FakeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Internal: plans a fake job's {@link Timeline} from its request and scripted outcome, applying the
 * request's {@code StoppingCondition}: time in {@code Training} beyond {@code MaxRuntimeInSeconds} (default one
 * day, as SageMaker's) ends the job {@code MaxRuntimeExceeded}; for a managed Spot job, time since creation
 * beyond {@code MaxWaitTimeInSeconds} ends it {@code MaxWaitTimeExceeded}.
 */
public final class TimelinePlanner {

  /** SageMaker's default {@code MaxRuntimeInSeconds}. */
  public static final Duration DEFAULT_MAX_RUNTIME = Duration.ofDays(1);

  private TimelinePlanner() {}

  /** A planned phase; {@code duration == null} lasts until something ends it. */
  private record Phase(SecondaryStatus status, Duration duration, String message) {}

  /**
   * Plans a job.
   *
   * @param request the accepted request (it has a name)
   * @param outcome the scripted outcome
   * @param created the creation time
   * @return the timeline
   */
  public static Timeline plan(CreateTrainingJobRequest request, FakeOutcome outcome, Instant created) {
    String name = request.trainingJobName().orElseThrow();
    List<Phase> phases = phases(outcome);
    Optional<StoppingCondition> stop = request.stoppingCondition();
    Duration maxRuntime = stop.flatMap(StoppingCondition::maxRuntimeInSeconds).map(Duration::ofSeconds)
        .orElse(DEFAULT_MAX_RUNTIME);
    Optional<Instant> waitDeadline = request.enableManagedSpotTraining().orElse(false)
        ? stop.flatMap(StoppingCondition::maxWaitTimeInSeconds).map(s -> created.plusSeconds(s))
        : Optional.empty();

    List<Timeline.Segment> segments = new ArrayList<>();
    List<Timeline.Line> lines = new ArrayList<>();
    List<Timeline.Metric> metrics = new ArrayList<>();
    Instant t = created;
    Duration trained = Duration.ZERO;
    boolean firstTraining = true;
    for (Phase p : phases) {
      Instant cut = null;
      SecondaryStatus cutStatus = null;
      if (p.status() == SecondaryStatus.TRAINING) {
        cut = t.plus(maxRuntime.minus(trained));
        cutStatus = SecondaryStatus.MAX_RUNTIME_EXCEEDED;
      }
      if (waitDeadline.isPresent() && (cut == null || waitDeadline.get().isBefore(cut))) {
        cut = waitDeadline.get();
        cutStatus = SecondaryStatus.MAX_WAIT_TIME_EXCEEDED;
      }
      Instant phaseEnd = p.duration() == null ? null : t.plus(p.duration());
      if (Timeline.isTerminal(p.status())) {
        if (p.status() == SecondaryStatus.FAILED) {
          lines.add(new Timeline.Line(t, "[fake] " + name + " failed: " + outcome.failureReason().orElse("")));
        }
        segments.add(new Timeline.Segment(p.status(), t, p.message()));
        return new Timeline(segments, lines, metrics, outcome.failureReason().orElse(null),
            p.status() == SecondaryStatus.FAILED ? null : artifacts(request, outcome));
      }
      boolean cutHere = cut != null && (phaseEnd == null || cut.isBefore(phaseEnd));
      Instant until = cutHere ? cut : phaseEnd;
      if (!cutHere || cut.isAfter(t)) {
        segments.add(new Timeline.Segment(p.status(), t, p.message()));
      }
      if (p.status() == SecondaryStatus.TRAINING && firstTraining) {
        firstTraining = false;
        lines.add(new Timeline.Line(t, "[fake] " + name + ": training started"));
        int i = 1;
        for (String line : outcome.logLines()) {
          Instant at = t.plusSeconds(i++);
          if (until == null || at.isBefore(until)) {
            lines.add(new Timeline.Line(at, line));
          }
        }
      }
      if (cutHere) {
        return cutOff(segments, lines, metrics, cut, cutStatus, request, outcome);
      }
      if (p.status() == SecondaryStatus.TRAINING) {
        trained = trained.plus(p.duration());
        if (outcome.kind() != FakeOutcome.Kind.INTERRUPTED || trained.compareTo(outcome.trainingTime()) >= 0) {
          for (var m : outcome.metrics().entrySet()) {
            metrics.add(new Timeline.Metric(m.getKey(), m.getValue(), phaseEnd));
            lines.add(new Timeline.Line(phaseEnd, "[fake] " + m.getKey() + "=" + m.getValue()));
          }
        }
      }
      t = phaseEnd;
    }
    return new Timeline(segments, lines, metrics, null, null);
  }

  private static Timeline cutOff(List<Timeline.Segment> segments, List<Timeline.Line> lines,
      List<Timeline.Metric> metrics, Instant cut, SecondaryStatus status, CreateTrainingJobRequest request,
      FakeOutcome outcome) {
    String why = status == SecondaryStatus.MAX_RUNTIME_EXCEEDED
        ? "Training job runtime exceeded MaxRuntimeInSeconds provided"
        : "Training job wait time exceeded MaxWaitTimeInSeconds provided";
    segments.add(new Timeline.Segment(SecondaryStatus.STOPPING, cut, "Stopping the training job: " + why));
    segments.add(new Timeline.Segment(status, cut.plus(Timeline.STOPPING_TIME), why));
    boolean trained = segments.stream().anyMatch(g -> g.status() == SecondaryStatus.TRAINING);
    return new Timeline(segments, lines, metrics, null, trained ? artifacts(request, outcome) : null);
  }

  private static List<Phase> phases(FakeOutcome outcome) {
    List<Phase> p = new ArrayList<>();
    p.add(new Phase(SecondaryStatus.STARTING, FakeOutcome.STARTING_TIME, "Preparing the instances for training"));
    p.add(new Phase(SecondaryStatus.DOWNLOADING, FakeOutcome.DOWNLOADING_TIME, "Downloading input data"));
    String training = "Training image download completed. Training in progress.";
    switch (outcome.kind()) {
      case COMPLETES:
        p.add(new Phase(SecondaryStatus.TRAINING, outcome.trainingTime(), training));
        p.add(new Phase(SecondaryStatus.UPLOADING, FakeOutcome.UPLOADING_TIME, "Uploading generated training model"));
        p.add(new Phase(SecondaryStatus.COMPLETED, Duration.ZERO, "Training job completed"));
        break;
      case FAILS:
        p.add(new Phase(SecondaryStatus.TRAINING, outcome.trainingTime(), training));
        p.add(new Phase(SecondaryStatus.FAILED, Duration.ZERO,
            "Training job failed. Reason: " + outcome.failureReason().orElse("")));
        break;
      case STAYS_IN_PROGRESS:
        p.add(new Phase(SecondaryStatus.TRAINING, null, training));
        break;
      case INTERRUPTED:
        Duration half = outcome.trainingTime().dividedBy(2);
        p.add(new Phase(SecondaryStatus.TRAINING, half, training));
        String interrupted = "Training job interrupted: the Spot capacity was reclaimed";
        if (outcome.resumeAfter().isEmpty()) {
          p.add(new Phase(SecondaryStatus.INTERRUPTED, null, interrupted));
          break;
        }
        p.add(new Phase(SecondaryStatus.INTERRUPTED, outcome.resumeAfter().get(), interrupted));
        p.add(new Phase(SecondaryStatus.STARTING, FakeOutcome.STARTING_TIME,
            "Restarting the training job after the Spot interruption"));
        p.add(new Phase(SecondaryStatus.DOWNLOADING, FakeOutcome.DOWNLOADING_TIME, "Downloading input data"));
        p.add(new Phase(SecondaryStatus.TRAINING, outcome.trainingTime().minus(half), training));
        p.add(new Phase(SecondaryStatus.UPLOADING, FakeOutcome.UPLOADING_TIME, "Uploading generated training model"));
        p.add(new Phase(SecondaryStatus.COMPLETED, Duration.ZERO, "Training job completed"));
        break;
      default:
        throw new IllegalStateException("unknown outcome " + outcome.kind());
    }
    return p;
  }

  private static String artifacts(CreateTrainingJobRequest request, FakeOutcome outcome) {
    if (outcome.modelArtifacts().isPresent()) {
      return outcome.modelArtifacts().get();
    }
    String out = request.outputDataConfig().flatMap(o -> o.s3OutputPath()).orElse(null);
    if (out == null) {
      return null;
    }
    String base = out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
    return base + "/" + request.trainingJobName().orElseThrow() + "/output/model.tar.gz";
  }
}
