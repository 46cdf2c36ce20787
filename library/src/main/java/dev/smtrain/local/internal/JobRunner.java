package dev.smtrain.local.internal;

import dev.smtrain.local.engine.ContainerSpec;
import dev.smtrain.local.storage.StagedChannel;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job through its stages, in the order SageMaker does: stage inputs and checkpoints
 * ({@code Downloading}), write config, create network and containers, start ({@code Training}), follow output,
 * stop or finish, package and upload outputs and sync checkpoints ({@code Uploading}), then remove containers,
 * network and workspace — always, also after a failure — and only then report the final status.
 */
public final class JobRunner implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final Duration LOG_DRAIN = Duration.ofSeconds(10);

  private final LocalJob job;
  private final RunnerContext context;
  private final MetricExtractor metrics;

  /**
   * A runner for a registered job.
   *
   * @param job the job
   * @param context what the executor's jobs share
   * @param metrics the job's compiled metric definitions
   */
  public JobRunner(LocalJob job, RunnerContext context, MetricExtractor metrics) {
    this.job = job;
    this.context = context;
    this.metrics = metrics;
  }

  private record Final(TrainingJobStatus status, SecondaryStatus secondary, String message, String reason) {}

  @Override
  public void run() {
    CreateTrainingJobRequest request = job.request();
    int hosts = request.resourceConfig().flatMap(r -> r.instanceCount()).orElse(1);
    JobWorkspace workspace = null;
    ContainerGroup group = new ContainerGroup(context.engine(), context.threads());
    OutputFollower follower = new OutputFollower(job, metrics);
    Final end;
    try {
      workspace = JobWorkspace.create(context.sessionDirectory(), job.name(), hosts);
      end = runStages(request, workspace, group, follower);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end = new Final(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "Training job failed",
          "InternalServerError: the local runner was interrupted");
    } catch (RuntimeException | Error e) {
      LOG.debug("training job {} failed in the runner", job.name(), e);
      end = new Final(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "Training job failed",
          truncate("ClientError: " + describe(e)));
    } finally {
      job.trainingEnded();
      follower.close();
      group.close();
      if (workspace != null) {
        workspace.delete();
      }
    }
    if (end.reason() != null) {
      job.failureReason(end.reason());
    }
    job.transition(end.status(), end.secondary(), end.message());
    job.done().complete(job.describe());
  }

  private Final runStages(CreateTrainingJobRequest request, JobWorkspace workspace, ContainerGroup group,
      OutputFollower follower) throws InterruptedException {
    job.transition(TrainingJobStatus.IN_PROGRESS, SecondaryStatus.DOWNLOADING, "Downloading input data");
    List<List<StagedChannel>> channels = InputStage.stage(context.storage(), request, workspace);
    CheckpointStage.copyIn(context.storage(), request, workspace);
    ConfigFiles.write(request, workspace);
    if (job.signals().stopRequested()) {
      return new Final(TrainingJobStatus.STOPPED, SecondaryStatus.STOPPED, "Training job stopped before it "
          + "started training", null);
    }

    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String network = ContainerPlan.network(request, workspace.hostCount(), "smtrain-" + job.name() + "-" + suffix);
    if (network != null) {
      group.createNetwork(network, ContainerPlan.jobLabels(job.name(), context.session()));
    }
    for (int i = 1; i <= workspace.hostCount(); i++) {
      ContainerSpec spec = ContainerPlan.container(request, job.arn(), workspace, channels.get(i - 1), i, network,
          job.name() + "-" + JobWorkspace.hostName(i) + "-" + suffix, context.session());
      group.create(spec);
    }
    if (!job.signals().stopRequested()) {
      job.transition(TrainingJobStatus.IN_PROGRESS, SecondaryStatus.TRAINING,
          "Training image download completed. Training in progress.");
    }
    job.trainingStarted();
    group.start(job.signals(), (id, index) -> follower.follow(context.engine(), id, JobWorkspace.hostName(index + 1)));
    Optional<Duration> maxRuntime = request.stoppingCondition().flatMap(s -> s.maxRuntimeInSeconds())
        .map(Duration::ofSeconds);
    TrainingWatch.Outcome outcome = TrainingWatch.await(job, group, maxRuntime, context.gracePeriod());
    job.trainingEnded();
    follower.awaitEnd(LOG_DRAIN);

    boolean stopping = outcome.end() != TrainingWatch.End.EXITED;
    TrainingJobStatus during = stopping ? TrainingJobStatus.STOPPING : TrainingJobStatus.IN_PROGRESS;
    if (outcome.failed()) {
      job.transition(during, SecondaryStatus.UPLOADING, "Uploading checkpoints of the failed job");
      CheckpointStage.syncOut(context.storage(), request, workspace);
      return new Final(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "Training job failed",
          FailureReasons.of(workspace, outcome.exitCodes()));
    }
    job.transition(during, SecondaryStatus.UPLOADING, "Uploading generated training model");
    job.modelArtifacts(OutputStage.publish(context.storage(), request, workspace));
    CheckpointStage.syncOut(context.storage(), request, workspace);
    return switch (outcome.end()) {
      case EXITED -> new Final(TrainingJobStatus.COMPLETED, SecondaryStatus.COMPLETED, "Training job completed",
          null);
      case STOPPED -> new Final(TrainingJobStatus.STOPPED, SecondaryStatus.STOPPED, "Training job stopped", null);
      case MAX_RUNTIME_EXCEEDED -> new Final(TrainingJobStatus.STOPPED, SecondaryStatus.MAX_RUNTIME_EXCEEDED,
          "Training job stopped: it exceeded MaxRuntimeInSeconds", null);
    };
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static String truncate(String s) {
    return s.length() <= FailureReasons.MAX_LENGTH ? s : s.substring(0, FailureReasons.MAX_LENGTH);
  }
}
