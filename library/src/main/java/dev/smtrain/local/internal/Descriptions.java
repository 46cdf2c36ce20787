package dev.smtrain.local.internal;

import dev.smtrain.executor.MetricEvent;
import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.MetricData;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobSummary;
import java.time.Duration;

/** Builds {@code DescribeTrainingJob} and {@code ListTrainingJobs} shapes from a local job. */
final class Descriptions {

  private Descriptions() {}

  static TrainingJobDescription describe(LocalJob job, LocalJob.Snapshot s) {
    CreateTrainingJobRequest r = job.request();
    TrainingJobDescription.Builder d = TrainingJobDescription.builder()
        .trainingJobName(job.name())
        .trainingJobArn(job.arn())
        .trainingJobStatus(s.status())
        .secondaryStatus(s.secondaryStatus())
        .hyperParameters(r.hyperParameters())
        .algorithmSpecification(r.algorithmSpecification())
        .roleArn(r.roleArn())
        .inputDataConfig(r.inputDataConfig())
        .outputDataConfig(r.outputDataConfig())
        .resourceConfig(r.resourceConfig())
        .vpcConfig(r.vpcConfig())
        .stoppingCondition(r.stoppingCondition())
        .creationTime(job.creationTime())
        .lastModifiedTime(s.lastModifiedTime())
        .secondaryStatusTransitions(s.transitions())
        .enableNetworkIsolation(r.enableNetworkIsolation().orElse(false))
        .enableInterContainerTrafficEncryption(r.enableInterContainerTrafficEncryption().orElse(false))
        .enableManagedSpotTraining(r.enableManagedSpotTraining().orElse(false))
        .checkpointConfig(r.checkpointConfig())
        .debugHookConfig(r.debugHookConfig())
        .experimentConfig(r.experimentConfig())
        .debugRuleConfigurations(r.debugRuleConfigurations())
        .tensorBoardOutputConfig(r.tensorBoardOutputConfig())
        .profilerConfig(r.profilerConfig())
        .profilerRuleConfigurations(r.profilerRuleConfigurations())
        .environment(r.environment())
        .retryStrategy(r.retryStrategy())
        .remoteDebugConfig(r.remoteDebugConfig())
        .infraCheckConfig(r.infraCheckConfig());
    if (s.trainingStartTime() != null) {
      d.trainingStartTime(s.trainingStartTime());
    }
    if (s.trainingEndTime() != null) {
      d.trainingEndTime(s.trainingEndTime());
      int seconds = (int) Duration.between(s.trainingStartTime(), s.trainingEndTime()).toSeconds();
      d.trainingTimeInSeconds(seconds).billableTimeInSeconds(seconds);
    }
    if (s.failureReason() != null) {
      d.failureReason(s.failureReason());
    }
    if (s.modelArtifacts() != null) {
      d.modelArtifacts(m -> m.s3ModelArtifacts(s.modelArtifacts()));
    }
    if (!s.finalMetrics().isEmpty()) {
      for (MetricEvent m : s.finalMetrics()) {
        d.addFinalMetricDataList(MetricData.builder().metricName(m.metricName()).value((float) m.value())
            .timestamp(m.timestamp()).build());
      }
    }
    return d.build();
  }

  static TrainingJobSummary summary(TrainingJobDescription d) {
    return TrainingJobSummary.builder()
        .trainingJobName(d.trainingJobName())
        .trainingJobArn(d.trainingJobArn())
        .creationTime(d.creationTime())
        .trainingEndTime(d.trainingEndTime())
        .lastModifiedTime(d.lastModifiedTime())
        .trainingJobStatus(d.trainingJobStatus())
        .build();
  }
}
