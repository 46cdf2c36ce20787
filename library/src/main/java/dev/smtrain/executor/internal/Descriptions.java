package dev.smtrain.executor.internal;

import dev.smtrain.model.CreateTrainingJobRequest;
import dev.smtrain.model.SecondaryStatus;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobStatus;
import dev.smtrain.model.TrainingJobSummary;

/** Internal: request members copied into a {@code DescribeTrainingJob} shape, and status pairings. */
public final class Descriptions {

  private Descriptions() {}

  /**
   * A description builder holding every member of the request that {@code DescribeTrainingJob} echoes
   * (everything but {@code Tags} and {@code SessionChainingConfig}).
   *
   * @param request the submitted request
   * @return a builder to add the status members to
   */
  public static TrainingJobDescription.Builder fromRequest(CreateTrainingJobRequest request) {
    return TrainingJobDescription.builder()
        .trainingJobName(request.trainingJobName())
        .hyperParameters(request.hyperParameters())
        .algorithmSpecification(request.algorithmSpecification())
        .roleArn(request.roleArn())
        .inputDataConfig(request.inputDataConfig())
        .outputDataConfig(request.outputDataConfig())
        .resourceConfig(request.resourceConfig())
        .vpcConfig(request.vpcConfig())
        .stoppingCondition(request.stoppingCondition())
        .enableNetworkIsolation(request.enableNetworkIsolation())
        .enableInterContainerTrafficEncryption(request.enableInterContainerTrafficEncryption())
        .enableManagedSpotTraining(request.enableManagedSpotTraining())
        .checkpointConfig(request.checkpointConfig())
        .debugHookConfig(request.debugHookConfig())
        .debugRuleConfigurations(request.debugRuleConfigurations())
        .tensorBoardOutputConfig(request.tensorBoardOutputConfig())
        .experimentConfig(request.experimentConfig())
        .profilerConfig(request.profilerConfig())
        .profilerRuleConfigurations(request.profilerRuleConfigurations())
        .environment(request.environment())
        .retryStrategy(request.retryStrategy())
        .remoteDebugConfig(request.remoteDebugConfig())
        .infraCheckConfig(request.infraCheckConfig());
  }

  /**
   * The {@code TrainingJobStatus} SageMaker pairs with a {@code SecondaryStatus}.
   *
   * @param secondary the secondary status
   * @return the primary status
   */
  public static TrainingJobStatus primaryOf(SecondaryStatus secondary) {
    switch (secondary) {
      case COMPLETED:
        return TrainingJobStatus.COMPLETED;
      case FAILED:
        return TrainingJobStatus.FAILED;
      case STOPPING:
        return TrainingJobStatus.STOPPING;
      case STOPPED:
      case MAX_RUNTIME_EXCEEDED:
      case MAX_WAIT_TIME_EXCEEDED:
        return TrainingJobStatus.STOPPED;
      default:
        return TrainingJobStatus.IN_PROGRESS;
    }
  }

  /**
   * Whether a status is final: {@code Completed}, {@code Failed} or {@code Stopped}.
   *
   * @param status the status
   * @return {@code true} when the job has ended
   */
  public static boolean isTerminal(TrainingJobStatus status) {
    return status == TrainingJobStatus.COMPLETED || status == TrainingJobStatus.FAILED
        || status == TrainingJobStatus.STOPPED;
  }

  /**
   * The {@code ListTrainingJobs} summary of a description.
   *
   * @param d the description
   * @return the summary
   */
  public static TrainingJobSummary summaryOf(TrainingJobDescription d) {
    return TrainingJobSummary.builder()
        .trainingJobName(d.trainingJobName())
        .trainingJobArn(d.trainingJobArn())
        .creationTime(d.creationTime())
        .trainingEndTime(d.trainingEndTime())
        .lastModifiedTime(d.lastModifiedTime())
        .trainingJobStatus(d.trainingJobStatus())
        .warmPoolStatus(d.warmPoolStatus())
        .build();
  }
}
